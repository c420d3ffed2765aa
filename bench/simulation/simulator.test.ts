/**
 * The simulator's bookkeeping: everyone is called, runs repeat from the seed, and dropping
 * finished tickets from the state (for speed) changes no call.
 */
import { DEMO_CENTRE, findService } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { DAY_OPENS, DEFAULT_DEMAND, generateDay } from './demand';
import { fifoPolicy, routingPolicy } from './policies';
import { Random } from './prng';
import { simulateDay } from './simulator';

const visitors = generateDay(
  new Random(11),
  (code) => findService(DEMO_CENTRE, code)?.expectedMinutes ?? 10,
  { ...DEFAULT_DEMAND, load: 0.3 },
);
const day = (policy = routingPolicy, compact = true) =>
  simulateDay({
    centre: DEMO_CENTRE,
    visitors,
    policy,
    opensAt: DAY_OPENS,
    walkMinutes: 0.5,
    estimates: false,
    compact,
  });
const calls = (records: ReturnType<typeof day>['records']) =>
  records.map((record) => [record.visitor.index, record.calledAt, record.deskId]);

describe('simulateDay', () => {
  it('calls every visitor once, whichever the policy', () => {
    for (const policy of [routingPolicy, fifoPolicy]) {
      const { records } = day(policy);
      expect(records).toHaveLength(visitors.length);
      expect(records.every((record) => record.refused === undefined && record.calledAt !== undefined)).toBe(
        true,
      );
    }
  });

  it('makes the same calls when finished tickets are dropped from the state', () => {
    expect(calls(day(routingPolicy, true).records)).toEqual(calls(day(routingPolicy, false).records));
  });

  it('is reproducible from the seed', () => {
    expect(calls(day().records)).toEqual(calls(day().records));
  });
});
