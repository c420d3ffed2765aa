/**
 * How long a visitor will wait. The queue is played forward with the real routing rule
 * (`pickNext`): each open desk finishes its current visit, then calls whom the rule says, each
 * visit taking the mean length learned today (the catalogue's minutes until there is some),
 * until this visitor is called. Only the desks and services linked to the visitor's service
 * take part, so the cost stays small. The people ahead are still counted in the visitor's own
 * service, as the ticket shows them. The answer is a range: the relative error of such a
 * prediction is about 1/sqrt(n+1) for n calls before this one.
 */
import type { Centre, Desk } from './centre';
import { deskWeightFor, findService } from './centre';
import { closingAfter } from './calendar';
import { type Instant, MS_PER_MINUTE, type ServiceCode } from './ids';
import { PRIVILEGED_ARRIVALS_WINDOW_MS, type QueueState, deskStateOf, ticketOf } from './state';
import { forecastNew, forecastTicket, newcomerTicket } from './forecast';
import { waitingOf } from './queue-index';
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
  /** When the service closes, if the wait may well run past it (the high end does). */
  readonly closesBefore?: Instant;
}

/**
 * The share of a desk's attention that a service gets: its weight over the weights of the
 * services that compete for the desk now (those with people waiting). An idle desk gives
 * a service its whole attention.
 */
export const serviceShare = (
  desk: Desk,
  code: ServiceCode,
  competing: ReadonlySet<ServiceCode> = new Set(),
): number => {
  const own = deskWeightFor(desk, code);
  if (own <= 0) return 0;
  const total = desk.services.reduce(
    (sum, entry) => sum + (entry.code === code || competing.has(entry.code) ? entry.weight : 0),
    0,
  );
  return own / total;
};

/** Services with visitors waiting now (kept for the last instant asked, per tickets object). */
const busyCache = new WeakMap<QueueState['ticketTable'], { at: Instant; services: Set<ServiceCode> }>();

const busyServices = (state: QueueState, at: Instant): Set<ServiceCode> => {
  const known = busyCache.get(state.ticketTable);
  if (known?.at === at) return known.services;
  const waiting = waitingOf(state);
  const services = new Set(
    [...waiting.services()].filter((code) =>
      waiting.some(code, (ticket) => isCallable(ticket, at) && ticket.targetDeskId === undefined),
    ),
  );
  busyCache.set(state.ticketTable, { at, services });
  return services;
};

/**
 * Equivalent full-time desks serving the service: open desks, each counted by its share.
 * Zero when no desk that serves it is open.
 */
export const capacityFor = (centre: Centre, state: QueueState, code: ServiceCode, at?: Instant): number => {
  const competing = at === undefined ? new Set<ServiceCode>() : busyServices(state, at);
  return centre.desks
    .filter((desk) => deskStateOf(state, desk.id).status === 'open')
    .reduce((sum, desk) => sum + serviceShare(desk, code, competing), 0);
};

/** With no desk open yet, assume the desks configured for the service will open. */
const configuredCapacity = (centre: Centre, state: QueueState, code: ServiceCode, at: Instant): number => {
  const competing = busyServices(state, at);
  return centre.desks.reduce((sum, desk) => sum + serviceShare(desk, code, competing), 0);
};

export const meanServiceMinutes = (centre: Centre, state: QueueState, code: ServiceCode): number =>
  state.stats[code]?.meanServiceMinutes ?? findService(centre, code)?.expectedMinutes ?? 10;

/** Whether `a` will be called before `b` by the queue's rules, as far as can be known now. */
const isAhead = (a: Ticket, b: Ticket): boolean => {
  if (isPriority(a) !== isPriority(b)) return isPriority(a);
  return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.sequence < b.sequence);
};

/** People ahead of a ticket in its service (or of a new ticket, when none is given). */
export const peopleAhead = (state: QueueState, code: ServiceCode, at: Instant, ticket?: Ticket): number =>
  waitingOf(state)
    .of(code)
    .filter(
      (other) =>
        other.serviceCode === code &&
        other.targetDeskId === undefined &&
        (isCallable(other, at) || other.status === 'postponed') &&
        other.id !== ticket?.id &&
        (ticket === undefined || isAhead(other, ticket)),
    ).length;

const roundRange = (value: number): number => Math.max(0, Math.round(value));

/**
 * Waits are skewed to the long side (a long visit ahead delays everyone behind it; a short
 * one saves less), so the range reaches further above the best guess than below it.
 */
const HIGH_SIDE = 1.3;

const isPrivileged = (ticket: Ticket): boolean => isPriority(ticket) || ticket.appointmentAt !== undefined;

/** Never let arrivals ahead stretch a wait more than twofold: the last hour is a rough guide. */
const MAX_PRIVILEGED_LOAD = 0.5;

/**
 * The share of the open desks' time (in the asked service's part of the hall) that priority
 * and booked visitors will take if they keep arriving as in the last hour. Each one called
 * ahead of a waiting walk-in delays them by a visit, so a wait W becomes W / (1 − share).
 */
export const privilegedLoad = (centre: Centre, state: QueueState, code: ServiceCode, at: Instant): number => {
  const recent = (state.privilegedArrivals ?? []).filter(
    (arrival) =>
      arrival.at <= at && arrival.at > at - PRIVILEGED_ARRIVALS_WINDOW_MS && arrival.serviceCode === code,
  );
  if (recent.length === 0) return 0;
  const capacity = capacityFor(centre, state, code, at);
  const minutes = recent.length * meanServiceMinutes(centre, state, code);
  const load = minutes / (PRIVILEGED_ARRIVALS_WINDOW_MS / MS_PER_MINUTE) / Math.max(1, capacity);
  return Math.min(MAX_PRIVILEGED_LOAD, load);
};

/** Who is about to take a ticket: an ordinary walk-in, or a visitor with a priority claim. */
export type NewcomerPath = 'walk-in' | 'priority';

/**
 * The wait of `ticket`, or of a visitor taking a ticket now on `path` when none is given (a
 * priority visitor is called ahead of the walk-ins, so their kiosk tile shows their own wait).
 */
export const estimateWait = (
  centre: Centre,
  state: QueueState,
  code: ServiceCode,
  at: Instant,
  ticket?: Ticket,
  path: NewcomerPath = 'walk-in',
): WaitEstimate => {
  const current = ticket ? (ticketOf(state, ticket.id) ?? ticket) : undefined;
  const newcomer = current ? undefined : newcomerTicket(state, code, at, path === 'priority');
  const ahead = peopleAhead(state, code, at, ticket ?? (path === 'priority' ? newcomer : undefined));
  const capacity = capacityFor(centre, state, code, at);
  const minutesOf = (service: ServiceCode): number => meanServiceMinutes(centre, state, service);
  const forecast = !current
    ? forecastNew(centre, state, code, at, minutesOf, newcomer)
    : current.status === 'waiting' || current.status === 'postponed'
      ? forecastTicket(centre, state, current, at, minutesOf)
      : { minutes: 0, callsBefore: 0 };
  let expected: number;
  let spread: number;
  if (forecast) {
    expected = forecast.minutes;
    spread = 1 / Math.sqrt(forecast.callsBefore + 1);
  } else {
    // Nobody on duty may call it, or the hall is too busy to play: the plain formula.
    const mean = meanServiceMinutes(centre, state, code);
    const assumed = capacity > 0 ? capacity : configuredCapacity(centre, state, code, at);
    expected = ((ahead + 0.5) * mean) / Math.max(assumed, 0.01);
    spread = 1 / Math.sqrt(ahead + 1);
  }
  // Priority and booked visitors still to come will be called ahead of a walk-in.
  const privileged = current ? isPrivileged(current) : path === 'priority';
  if (!privileged) expected /= 1 - privilegedLoad(centre, state, code, at);
  const highMinutes = roundRange(Math.ceil(expected * (1 + HIGH_SIDE * spread)));
  const closing = closingAfter(centre.site, findService(centre, code)?.hours, at);
  const pastClosing = closing !== undefined && at + highMinutes * MS_PER_MINUTE > closing;
  return {
    ahead,
    capacity,
    expectedMinutes: expected,
    lowMinutes: roundRange(Math.floor(expected * (1 - spread))),
    highMinutes,
    // A visitor whose wait may outlast the opening hours is told so before taking a ticket.
    ...(pastClosing ? { closesBefore: closing } : {}),
  };
};
