/**
 * Two disruptions of an ordinary day at the demo centre, each run on the same visitors with
 * and without it, with the estimate shown at issue recorded (one minute between a desk's
 * visits, as in `npm run bench -- estimates`):
 *
 * - "burst": a bus of 40 visitors arrives between 11:00 and 11:10, for bill payments, bill
 *   reconciliation, household certificates and heating consultations;
 * - "paused desk": desk 7, the only desk for heating, takes a 20-minute break at 10:30.
 *
 * What each shows, for the tickets it affects: the 95th-percentile wait, the share called
 * within 15 minutes, and how well the estimate shown at issue held (the share of real waits
 * inside the range shown, and the mean of estimate − real).
 */
import { type Instant, type ServiceCode, deskId, serviceCode } from '@queue/core';
import { percentile } from '../lib/stats';
import { accuracy } from './accuracy';
import { DAY_OPENS, DEFAULT_DEMAND } from './demand';
import { simulateDays } from './days';
import { WAITING_STANDARD_MINUTES, waitMinutes } from './metrics';
import { routingPolicy } from './policies';
import type { VisitRecord } from './simulator';

const MS_PER_MINUTE = 60_000;
const at = (hours: number, minutes = 0): Instant =>
  (DAY_OPENS + ((hours - 8) * 60 + minutes) * MS_PER_MINUTE) as Instant;
const WRAP_UP_MINUTES = 1;

export const BURST = {
  at: at(11),
  minutes: 10,
  count: 40,
  services: ['bill-payment', 'bill-reconcile', 'doc-household', 'heat-consult'].map(serviceCode),
} as const;

export const HEATING_BREAK = { deskId: deskId('desk-7'), at: at(10, 30), minutes: 20 } as const;
const HEATING = ['heat-consult', 'heat-meter', 'heat-contract', 'heat-quality'].map(serviceCode);

export interface AffectedOutcome {
  readonly tickets: number;
  readonly p95Wait: number;
  readonly withinStandard: number;
  /** Share of real waits (issue to call) inside the range shown at issue. */
  readonly inRange: number;
  /** Mean of estimate − real wait, minutes: negative runs short. */
  readonly bias: number;
}

const outcomeOf = (records: readonly VisitRecord[]): AffectedOutcome => {
  const called = records.filter((record) => record.calledAt !== undefined && !record.visitor.noShow);
  const waits = called.map((record) => waitMinutes(record) ?? 0);
  const estimated = accuracy(
    called
      .filter((record) => record.estimate !== undefined)
      .map((record) => ({
        expected: record.estimate?.expectedMinutes ?? 0,
        real: ((record.calledAt ?? 0) - record.issuedAt) / MS_PER_MINUTE,
        low: record.estimate?.lowMinutes ?? 0,
        high: record.estimate?.highMinutes ?? 0,
      })),
  );
  return {
    tickets: called.length,
    p95Wait: percentile(waits, 95),
    withinStandard:
      waits.filter((wait) => wait <= WAITING_STANDARD_MINUTES).length / Math.max(1, waits.length),
    inRange: estimated.inRange,
    bias: estimated.bias,
  };
};

/** Tickets of `services` issued from `from` to `to` (a time of day on every simulated day). */
const issuedBetween = (
  records: readonly VisitRecord[],
  services: readonly ServiceCode[],
  from: Instant,
  to: Instant,
): VisitRecord[] => {
  const wanted = new Set<string>(services);
  return records.filter(
    (record) => wanted.has(record.visitor.serviceCode) && record.issuedAt >= from && record.issuedAt < to,
  );
};

export interface DisruptionOutcome {
  /** The same visitors without the disruption (for the burst: without the bus). */
  readonly without: AffectedOutcome;
  readonly with: AffectedOutcome;
  /** For the paused desk: the same break with its length told when the desk pauses. */
  readonly announced?: AffectedOutcome;
}

const common = (days: number, seed: number) =>
  ({ policy: routingPolicy, days, seed, estimates: true, wrapUpMinutes: WRAP_UP_MINUTES }) as const;

/** The burst's services, tickets issued from 11:00 to 12:00 (the bus and whoever came after it). */
export const runBurstScenario = (days: number, seed: number): DisruptionOutcome => {
  const window = (records: readonly VisitRecord[]) =>
    outcomeOf(issuedBetween(records, BURST.services, BURST.at, at(12)));
  const without = simulateDays(common(days, seed)).flat();
  const withBurst = simulateDays({
    ...common(days, seed),
    demand: { ...DEFAULT_DEMAND, bursts: [BURST] },
  }).flat();
  return { without: window(without), with: window(withBurst) };
};

/** Heating tickets issued while its only desk is on the break. */
export const runPausedDeskScenario = (days: number, seed: number): DisruptionOutcome => {
  const end = (HEATING_BREAK.at + HEATING_BREAK.minutes * MS_PER_MINUTE) as Instant;
  const window = (records: readonly VisitRecord[]) =>
    outcomeOf(issuedBetween(records, HEATING, HEATING_BREAK.at, end));
  const without = simulateDays(common(days, seed)).flat();
  const paused = simulateDays({ ...common(days, seed), breaks: [HEATING_BREAK] }).flat();
  const told = simulateDays({
    ...common(days, seed),
    breaks: [{ ...HEATING_BREAK, announced: true }],
  }).flat();
  return { without: window(without), with: window(paused), announced: window(told) };
};
