/** Timers a test fires by hand: nothing runs until `fire`, so no test races a real timer. */
import type { Timers } from '../../apps/server/src/timers';

export class ManualTimers implements Timers {
  private readonly pending = new Set<{ readonly task: () => void }>();

  after(_ms: number, task: () => void): () => void {
    const entry = { task };
    this.pending.add(entry);
    return () => this.pending.delete(entry);
  }

  /** How many timers are waiting. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Run every timer waiting now, as if its time had come. */
  fire(): void {
    const due = [...this.pending];
    this.pending.clear();
    for (const entry of due) entry.task();
  }
}
