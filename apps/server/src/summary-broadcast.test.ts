import { describe, expect, it } from 'vitest';
import type { DeskId, Instant, ServiceCode } from '@queue/core';
import type { PublicSummary, ServiceLoad, SummaryChange } from '@queue/protocol';
import { SummaryBroadcast } from './summary-broadcast';

const load = (waiting: number): ServiceLoad => ({
  waiting,
  longestWaitMinutes: 0,
  estimate: { ahead: waiting, lowMinutes: 0, highMinutes: 5, expectedMinutes: 2, capacity: 1 },
});

const summary = (at: number, loads: Record<string, number>): PublicSummary => ({
  at: at as Instant,
  services: Object.fromEntries(
    Object.entries(loads).map(([code, waiting]) => [code, load(waiting)]),
  ) as Record<ServiceCode, ServiceLoad>,
  desks: [{ id: 'desk-1' as DeskId, status: 'open' }],
});

const broadcastOver = (summaries: PublicSummary[]) => {
  const sent: Array<{ whole: PublicSummary } | { change: SummaryChange }> = [];
  let next = 0;
  const broadcast = new SummaryBroadcast(() => summaries[next++] as PublicSummary, {
    whole: (whole) => sent.push({ whole }),
    change: (change) => sent.push({ change }),
  });
  return { broadcast, sent };
};

describe('SummaryBroadcast', () => {
  it('sends the first summary whole, then only what changed, and nothing when nothing did', () => {
    const first = summary(1, { water: 1, gas: 0 });
    const { broadcast, sent } = broadcastOver([
      first,
      summary(2, { water: 2, gas: 0 }),
      summary(3, { water: 2, gas: 0 }),
    ]);
    broadcast.publish();
    broadcast.publish();
    broadcast.publish();
    expect(sent).toEqual([{ whole: first }, { change: { at: 2, services: { water: load(2) } } }]);
  });

  it('gives syncing clients the summary last sent, so that the next change applies to it', () => {
    const first = summary(1, { water: 1 });
    const { broadcast, sent } = broadcastOver([first, summary(2, { water: 3 })]);
    expect(broadcast.latest()).toBe(first);
    expect(broadcast.latest()).toBe(first);
    broadcast.publish();
    // The baseline existed (a client took it), so even the first broadcast is a change.
    expect(sent).toEqual([{ change: { at: 2, services: { water: load(3) } } }]);
    expect(broadcast.latest()).toEqual(summary(2, { water: 3 }));
  });

  it('goes whole again when a service is added or removed', () => {
    const added = summary(2, { water: 1, gas: 0 });
    const removed = summary(3, { gas: 0 });
    const { broadcast, sent } = broadcastOver([summary(1, { water: 1 }), added, removed]);
    broadcast.publish();
    broadcast.publish();
    broadcast.publish();
    expect(sent.slice(1)).toEqual([{ whole: added }, { whole: removed }]);
  });
});
