/**
 * Kiosk clients: connected as the demo kiosk, they fill the queue before a run and keep it
 * filled during it, issuing tickets at random (Poisson) moments for services drawn from the
 * desks' main services. In bare mode they only listen, so the fan-out is the same.
 */
import type { Ack, IssuedTicket } from '@queue/protocol';
import { monotonicMs, sleep } from '../lib/processes';
import { KIOSK_TOKEN, type QueueClient, connect, exponentialGap, request, requestId } from '../lib/clients';
import type { Mode, RunMessage } from './messages';

export class Kiosks {
  private sockets: QueueClient[] = [];
  private services: readonly string[] = [];

  constructor(
    private readonly url: string,
    private readonly mode: Mode,
  ) {}

  async connect(count: number, services: readonly string[]): Promise<void> {
    this.services = services;
    this.sockets = await Promise.all(
      Array.from({ length: count }, () => connect(this.url, this.mode === 'queue' ? KIOSK_TOKEN : undefined)),
    );
  }

  private async issue(socket: QueueClient): Promise<boolean> {
    const serviceCode = this.services[Math.floor(Math.random() * this.services.length)];
    const answer = await request<Ack<IssuedTicket>>(socket, 'ticket:issue', {
      requestId: requestId('issue'),
      serviceCode,
    });
    return answer.ok;
  }

  /** Issue `tickets` tickets, shared between the kiosks, as fast as they are answered. */
  async prefill(tickets: number): Promise<void> {
    if (this.mode !== 'queue') return;
    let left = tickets;
    await Promise.all(
      this.sockets.map(async (socket) => {
        while (left > 0) {
          left -= 1;
          await this.issue(socket);
        }
      }),
    );
  }

  async run(run: RunMessage): Promise<number> {
    if (this.mode !== 'queue') return 0;
    const end = monotonicMs() + run.seconds * 1000;
    let refused = 0;
    await Promise.all(
      this.sockets.map(async (socket) => {
        for (let next = monotonicMs() + exponentialGap(run.meanGapMs); ;) {
          const wait = Math.min(next, end) - monotonicMs();
          if (wait > 0) await sleep(wait);
          if (monotonicMs() >= end) return;
          if (!(await this.issue(socket))) refused += 1;
          next = Math.max(next + exponentialGap(run.meanGapMs), monotonicMs());
        }
      }),
    );
    return refused;
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
    this.sockets = [];
  }
}
