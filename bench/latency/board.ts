/**
 * Board clients: connected as the demo display (or plainly, to the bare server), each
 * records the monotonic time at which every call reaches it.
 */
import { monotonicMs } from '../lib/processes';
import { DISPLAY_TOKEN, type QueueClient, connect } from '../lib/clients';
import { type Mode, type Receipt, callKey } from './messages';

export class Boards {
  private sockets: QueueClient[] = [];
  private receipts: Receipt[] = [];
  private summaries = 0;
  private summaryBytes = 0;

  constructor(
    private readonly url: string,
    private readonly mode: Mode,
  ) {}

  async connect(count: number): Promise<void> {
    this.sockets = await Promise.all(
      Array.from({ length: count }, async () => {
        const socket = await connect(this.url, this.mode === 'queue' ? DISPLAY_TOKEN : undefined);
        if (this.mode === 'queue') {
          const countSummary = (message: object): void => {
            this.summaries += 1;
            this.summaryBytes += JSON.stringify(message).length;
          };
          socket.on('queue:summary', countSummary);
          socket.on('queue:summary-change', countSummary);
          socket.on('queue:event', ({ event }) => {
            if (event.type === 'ticket:called')
              this.receipts.push([callKey(event.deskId, event.number), monotonicMs()]);
          });
        } else {
          (
            socket as unknown as {
              on(name: string, listener: (payload: { deskId: string; number: number }) => void): void;
            }
          ).on('called', (payload) =>
            this.receipts.push([callKey(payload.deskId, payload.number), monotonicMs()]),
          );
        }
        return socket;
      }),
    );
  }

  /** Everything seen since the last collection. */
  collect(): { receipts: Receipt[]; summaries: number; summaryBytes: number } {
    const seen = { receipts: this.receipts, summaries: this.summaries, summaryBytes: this.summaryBytes };
    this.receipts = [];
    this.summaries = 0;
    this.summaryBytes = 0;
    return seen;
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
    this.sockets = [];
  }
}
