/**
 * Desk clients: each logs in at its desk, opens it, and then calls visitors at random
 * (Poisson) moments, finishing the previous visit first (start, complete) as an operator
 * does. The call's send time and the ticket number it got are recorded; the boards' receipt
 * times are joined to them by the orchestrator. In bare mode the desk only sends a 'call'
 * that the bare server broadcasts.
 */
import type { Ack, VisitAnswer } from '@queue/protocol';
import { monotonicMs, sleep } from '../lib/processes';
import { type QueueClient, connect, exponentialGap, loginAt, request, requestId } from '../lib/clients';
import { type CallRecord, type Mode, type Receipt, type RunMessage, callKey } from './messages';

interface DeskClient {
  readonly deskId: string;
  readonly socket: QueueClient;
  current?: string;
}

export class Desks {
  private desks: DeskClient[] = [];
  private calls: CallRecord[] = [];
  private refused = 0;
  /** When the first desk of this worker saw each call on its own screen (staff room). */
  private seen: Receipt[] = [];

  constructor(
    private readonly url: string,
    private readonly mode: Mode,
  ) {}

  async connect(deskIds: readonly string[]): Promise<void> {
    this.desks = await Promise.all(
      deskIds.map(async (deskId) => {
        if (this.mode === 'bare') return { deskId, socket: await connect(this.url) };
        const socket = await connect(this.url, await loginAt(this.url, deskId));
        const opened = await request<Ack<VisitAnswer>>(socket, 'desk:open', { requestId: requestId('open') });
        if (!opened.ok) throw new Error(`desk:open at ${deskId}: ${opened.error.code}`);
        return { deskId, socket };
      }),
    );
    const observer = this.desks[0]?.socket;
    if (!observer) return;
    if (this.mode === 'queue') {
      observer.on('queue:event', ({ event }) => {
        if (event.type === 'ticket:called')
          this.seen.push([callKey(event.deskId, event.number), monotonicMs()]);
      });
    } else {
      (
        observer as unknown as {
          on(name: string, listener: (p: { deskId: string; number: number }) => void): void;
        }
      ).on('called', (payload) => this.seen.push([callKey(payload.deskId, payload.number), monotonicMs()]));
    }
  }

  async run(run: RunMessage): Promise<{ calls: CallRecord[]; refused: number; seen: Receipt[] }> {
    this.calls = [];
    this.refused = 0;
    this.seen = [];
    const end = monotonicMs() + run.seconds * 1000;
    await Promise.all(this.desks.map((desk) => this.loop(desk, run, end)));
    await sleep(1000);
    return { calls: this.calls, refused: this.refused, seen: this.seen };
  }

  private async loop(desk: DeskClient, run: RunMessage, end: number): Promise<void> {
    let next = monotonicMs() + exponentialGap(run.meanGapMs);
    let count = 0;
    for (;;) {
      const wait = Math.min(next, end) - monotonicMs();
      if (wait > 0) await sleep(wait);
      if (monotonicMs() >= end) return;
      if (this.mode === 'queue' && desk.current) {
        const ticketId = desk.current;
        desk.current = undefined;
        await request(desk.socket, 'visit:start', { requestId: requestId('start'), ticketId });
        await request(desk.socket, 'visit:complete', { requestId: requestId('done'), ticketId });
      }
      count += 1;
      const sentAt = monotonicMs();
      const key = await this.call(desk, count);
      const answeredAt = monotonicMs();
      if (key === undefined) this.refused += 1;
      else if (sentAt >= run.measureFrom) this.calls.push({ key, sentAt, answeredAt });
      next = Math.max(next + exponentialGap(run.meanGapMs), monotonicMs());
    }
  }

  /** One call; the key the boards will see, or undefined when nobody was waiting. */
  private async call(desk: DeskClient, count: number): Promise<string | undefined> {
    if (this.mode === 'bare') {
      const payload = { deskId: desk.deskId, number: count, text: `Ticket ${count} to ${desk.deskId}` };
      await request(desk.socket, 'call', payload);
      return callKey(desk.deskId, count);
    }
    const answer = await request<Ack<VisitAnswer>>(desk.socket, 'visit:call-next', {
      requestId: requestId('call'),
    });
    if (!answer.ok || !answer.data.ticket) return undefined;
    desk.current = answer.data.ticket.id;
    return callKey(desk.deskId, answer.data.ticket.number);
  }

  close(): void {
    for (const desk of this.desks) desk.socket.close();
    this.desks = [];
  }
}
