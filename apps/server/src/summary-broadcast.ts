/**
 * The waiting summary every screen shows, sent as changes. The summary last sent is the
 * baseline: clients that connect or catch up receive it whole, and every later broadcast
 * is the change from it, so every client holds the same figures without 9.5 KB going to
 * each of them at every call. A broadcast goes whole only when there is no baseline yet or
 * the configuration added or removed a service.
 */
import type { PublicSummary, SummaryChange } from '@queue/protocol';
import { summaryChange } from '@queue/protocol';

export interface SummaryChannel {
  whole(summary: PublicSummary): void;
  change(change: SummaryChange): void;
}

const sameServices = (a: PublicSummary, b: PublicSummary): boolean => {
  const before = Object.keys(a.services);
  return before.length === Object.keys(b.services).length && before.every((code) => code in b.services);
};

export class SummaryBroadcast {
  private baseline?: PublicSummary;

  constructor(
    private readonly compute: () => PublicSummary,
    private readonly channel: SummaryChannel,
  ) {}

  /** The summary as every client holds it (or will, once it takes it with its sync). */
  latest(): PublicSummary {
    this.baseline ??= this.compute();
    return this.baseline;
  }

  /** Work the summary out again and send what changed, if anything. */
  publish(): void {
    const before = this.baseline;
    const after = this.compute();
    this.baseline = after;
    if (!before || !sameServices(before, after)) {
      this.channel.whole(after);
      return;
    }
    const change = summaryChange(before, after);
    if (change) this.channel.change(change);
  }
}
