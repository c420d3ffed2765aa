/**
 * How long a visitor will wait. From the people ahead, the desks that serve the service
 * (each by the share of its attention the service gets) and the mean visit length learned
 * from today's history (the catalogue's minutes until there is some). The relative error of
 * such a predictor is about 1/sqrt(n+1) for n people ahead, so the answer is a range.
 */
import type { Centre, Desk } from './centre';
import { deskWeightFor, findService } from './centre';
import type { Instant, ServiceCode } from './ids';
import type { QueueState } from './state';
import { deskStateOf } from './state';
import { isPriority } from './routing';
import { type Ticket, isCallable } from './ticket';

export interface WaitEstimate {
  /** Visitors who will be called before this one. */
  readonly ahead: number;
  readonly lowMinutes: number;
  readonly highMinutes: number;
  /** Best single guess, for reports that compare guesses with real waits. */
  readonly expectedMinutes: number;
  /** Equivalent full-time desks serving the service now (0: none open, estimate assumes one). */
  readonly capacity: number;
}

/** The share of a desk's attention that a service gets: its weight over all its weights. */
export const serviceShare = (desk: Desk, code: ServiceCode): number => {
  const total = desk.services.reduce((sum, entry) => sum + entry.weight, 0);
  return total > 0 ? deskWeightFor(desk, code) / total : 0;
};

/** Desks serving the service now, each counted by its share; configured desks if none is open. */
export const capacityFor = (centre: Centre, state: QueueState, code: ServiceCode): number => {
  const serving = centre.desks.filter((desk) => deskWeightFor(desk, code) > 0);
  const open = serving.filter((desk) => deskStateOf(state, desk.id).status === 'open');
  return open.reduce((sum, desk) => sum + serviceShare(desk, code), 0);
};

export const meanServiceMinutes = (centre: Centre, state: QueueState, code: ServiceCode): number =>
  state.stats[code]?.meanServiceMinutes ?? findService(centre, code)?.expectedMinutes ?? 10;

/** Whether `a` will be called before `b` by the queue's rules, as far as can be known now. */
const isAhead = (a: Ticket, b: Ticket): boolean => {
  if (isPriority(a) !== isPriority(b)) return isPriority(a);
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.sequence < b.sequence);
};

/** People ahead of a ticket in its service (or of a new ticket, when none is given). */
export const peopleAhead = (
  state: QueueState,
  code: ServiceCode,
  at: Instant,
  ticket?: Ticket,
): number =>
  Object.values(state.tickets).filter(
    (other) =>
      other.serviceCode === code &&
      other.targetDeskId === undefined &&
      (isCallable(other, at) || other.status === 'postponed') &&
      other.id !== ticket?.id &&
      (ticket === undefined || isAhead(other, ticket)),
  ).length;

const roundRange = (value: number): number => Math.max(0, Math.round(value));

export const estimateWait = (
  centre: Centre,
  state: QueueState,
  code: ServiceCode,
  at: Instant,
  ticket?: Ticket,
): WaitEstimate => {
  const ahead = peopleAhead(state, code, at, ticket);
  const capacity = capacityFor(centre, state, code);
  const mean = meanServiceMinutes(centre, state, code);
  // Half a visit for whoever is at the desk now, then a whole visit for each person ahead.
  const expected = ((ahead + 0.5) * mean) / Math.max(capacity, serviceShareFloor(centre, code));
  const spread = 1 / Math.sqrt(ahead + 1);
  return {
    ahead,
    capacity,
    expectedMinutes: expected,
    lowMinutes: roundRange(Math.floor(expected * (1 - spread))),
    highMinutes: roundRange(Math.ceil(expected * (1 + spread))),
  };
};

/** With no desk open yet, assume the best-placed configured desk will serve the service. */
const serviceShareFloor = (centre: Centre, code: ServiceCode): number =>
  Math.max(0.01, ...centre.desks.map((desk) => serviceShare(desk, code)));
