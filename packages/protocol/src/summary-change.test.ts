import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeskId, Instant, ServiceCode } from '@queue/core';
import { applySummaryChange, summaryChange } from './summary-change';
import type { PublicSummary, ServiceLoad } from './views';

const CODES = ['water', 'gas', 'subsidy', 'bills'] as const;
const DESKS = ['desk-1', 'desk-2', 'desk-3'] as const;

const load = (waiting: number, longest = 0, low = 0): ServiceLoad => ({
  waiting,
  longestWaitMinutes: longest,
  estimate: { ahead: waiting, lowMinutes: low, highMinutes: low + 5, expectedMinutes: low + 2, capacity: 1 },
});

const summaryOf = (
  at: number,
  loads: readonly ServiceLoad[],
  statuses: readonly string[],
): PublicSummary => ({
  at: at as Instant,
  services: Object.fromEntries(CODES.map((code, index) => [code, loads[index] ?? load(0)])) as Record<
    ServiceCode,
    ServiceLoad
  >,
  desks: DESKS.map((id, index) => ({ id: id as DeskId, status: (statuses[index] ?? 'open') as 'open' })),
});

const anyLoad = fc
  .record({ waiting: fc.nat(3), longest: fc.nat(2), low: fc.nat(2) })
  .map(({ waiting, longest, low }) => load(waiting, longest, low));
const anySummary = fc
  .record({
    at: fc.nat(1_000_000),
    loads: fc.array(anyLoad, { minLength: CODES.length, maxLength: CODES.length }),
    statuses: fc.array(fc.constantFrom('open', 'paused', 'closed'), {
      minLength: DESKS.length,
      maxLength: DESKS.length,
    }),
    serving: fc.subarray([...DESKS]),
  })
  .map(({ at, loads, statuses, serving }) => ({
    ...summaryOf(at, loads, statuses),
    servingDesks: serving as DeskId[],
  }));

describe('summary changes', () => {
  it('carry only the services that moved, and the desks only when one changed', () => {
    const before = summaryOf(1_000, [load(2), load(0), load(1, 3)], ['open', 'open', 'closed']);
    const after = summaryOf(2_000, [load(3), load(0), load(1, 4)], ['open', 'open', 'closed']);
    expect(summaryChange(before, after)).toEqual({
      at: 2_000,
      services: { water: load(3), subsidy: load(1, 4) },
    });
    const paused = summaryOf(3_000, [load(3), load(0), load(1, 4)], ['paused', 'open', 'closed']);
    expect(summaryChange(after, paused)).toEqual({ at: 3_000, services: {}, desks: paused.desks });
  });

  it('carry only the desks whose number changed, null for a desk now free, and the new log position', () => {
    const base = summaryOf(1_000, [load(2)], ['open', 'open', 'open']);
    const before = {
      ...base,
      deskTickets: { 'desk-1': 'А-001', 'desk-2': 'Б-001' },
      seq: 10,
    } as PublicSummary;
    const after = {
      ...base,
      at: 2_000 as Instant,
      deskTickets: { 'desk-1': 'А-001', 'desk-3': 'В-001' },
      seq: 12,
    } as PublicSummary;
    const change = summaryChange(before, after);
    expect(change).toEqual({
      at: 2_000,
      services: {},
      deskTickets: { 'desk-2': null, 'desk-3': 'В-001' },
      seq: 12,
    });
    expect(change && applySummaryChange(before, change)).toEqual(after);
    expect(summaryChange(after, { ...after, at: 3_000 as Instant })).toBeUndefined();
  });

  it('are nothing when only the time moved', () => {
    const before = summaryOf(1_000, [load(2, 1, 4)], ['open']);
    expect(summaryChange(before, { ...before, at: 9_000 as Instant })).toBeUndefined();
  });

  it('bring a client from one summary exactly to the next, and say nothing only when nothing moved', () => {
    fc.assert(
      fc.property(anySummary, anySummary, (before, after) => {
        const change = summaryChange(before, after);
        const same =
          JSON.stringify(before.services) === JSON.stringify(after.services) &&
          JSON.stringify(before.desks) === JSON.stringify(after.desks) &&
          JSON.stringify(before.servingDesks) === JSON.stringify(after.servingDesks);
        expect(change === undefined).toBe(same);
        const reached = change ? applySummaryChange(before, change) : { ...before, at: after.at };
        expect(reached).toEqual(after);
      }),
    );
  });

  it('follow a run of summaries change by change to the last one', () => {
    fc.assert(
      fc.property(fc.array(anySummary, { minLength: 2, maxLength: 12 }), (run) => {
        let held = run[0] as PublicSummary;
        for (let index = 1; index < run.length; index += 1) {
          const change = summaryChange(run[index - 1] as PublicSummary, run[index] as PublicSummary);
          if (change) held = applySummaryChange(held, change);
        }
        expect(held.services).toEqual(run.at(-1)?.services);
        expect(held.desks).toEqual(run.at(-1)?.desks);
        expect(held.servingDesks).toEqual(run.at(-1)?.servingDesks);
      }),
    );
  });
});
