/**
 * The queue played forward, for wait estimates. From now, each open desk finishes its visit
 * (a paused one first comes back from its break) and then calls whom the real rule
 * (`pickNext`) says, every visit taking its service's mean length learned today, the walk to
 * the desk and the desk's own learned time between visits, until everyone waiting has been
 * called. Only the desks and services
 * linked to the asked service take part (its "part" of the hall), and one play per state,
 * instant and part is kept: a newcomer changes nothing until a desk would rather call them
 * (`wouldPrefer`), so the same play answers for every service and every waiting ticket.
 */
import type { Centre, Desk } from './centre';
import { type Part, partOf, waitingOf, walkUpMinutes } from './queue-index';
import { type DeskId, type Instant, MS_PER_MINUTE, type ServiceCode, type TicketId } from './ids';
import { expectedBackAt } from './breaks';
import { type Pick, isPriority, mayDeskTake, pickNext, wouldPrefer } from './routing';
import { type DeskState, type QueueState, deskStateOf, ticketOf, ticketTableOf } from './state';
import type { Ticket } from './ticket';

/** The learned mean visit length, or the catalogue's minutes until there is one. */
export type VisitMinutes = (code: ServiceCode) => number;

/**
 * A visit running past its mean still needs some time: at least this share of the mean.
 * Visit lengths are skewed (a log-normal with a spread of 0.6 of the mean in the simulator),
 * and what is left of one that has outlasted its mean is about half a mean; a quarter made
 * the estimates run short (`npm run bench -- estimates`).
 */
const OVERRUN_SHARE = 0.5;
/**
 * A play costs (tickets waiting)² routing checks, so a part with more waiting than this is
 * not played (the simple formula answers, and with so many ahead it is close anyway).
 */
const MAX_WAITING = 60;

/** A desk's learned time between visits, in milliseconds (none until it is learned). */
const gapOf = (state: QueueState, deskId: DeskId): number =>
  (state.deskStats?.[deskId]?.meanGapMinutes ?? 0) * MS_PER_MINUTE;

/** One moment of the play: a desk came free and called `pick` (or had nobody to call). */
interface Step {
  readonly desk: Desk;
  readonly deskState: DeskState;
  readonly at: Instant;
  readonly pick?: Pick;
}

interface Play {
  /** When each waiting ticket would be called, and how many calls come before it. */
  readonly calls: ReadonlyMap<TicketId, { readonly at: Instant; readonly callsBefore: number }>;
  readonly steps: readonly Step[];
}

const playCache = new WeakMap<QueueState, Map<string, Play>>();

/**
 * Play the part of the queue forward from `at`: each open desk (all of the part's desks if
 * none is open yet) finishes its visit, then calls by `pickNext`; every visit takes its
 * service's mean minutes. Cached per state, instant and part: a summary asks for every service.
 */
const play = (centre: Centre, state: QueueState, part: Part, at: Instant, minutesOf: VisitMinutes): Play => {
  let byKey = playCache.get(state);
  if (!byKey) playCache.set(state, (byKey = new Map()));
  const key = `${at}:${part.id}`;
  const known = byKey.get(key);
  if (known) return known;

  // Open desks, and paused ones, which will be back; all the part's desks if none is on duty.
  const open = part.desks.filter((desk) => deskStateOf(state, desk.id).status !== 'closed');
  const playing = open.length > 0 ? open : part.desks;
  const deskIds = new Set<DeskId>(playing.map((desk) => desk.id));
  const waiting = waitingOf(state);
  const empty: Play = { calls: new Map(), steps: [] };
  // Counted before the lists are put together: a crowded part is not played at all.
  let crowd = 0;
  for (const code of part.services) crowd += waiting.count(code);
  if (crowd > MAX_WAITING) {
    byKey.set(key, empty);
    return empty;
  }
  const linked = [...part.services].flatMap((code) => waiting.of(code));
  for (const ticket of waiting.addressed) {
    if (!part.services.has(ticket.serviceCode) && deskIds.has(ticket.targetDeskId as DeskId))
      linked.push(ticket);
  }
  if (linked.length > MAX_WAITING) {
    byKey.set(key, empty);
    return empty;
  }
  // A ticket addressed to a desk outside the play waits for that desk.
  const inPlay = linked.filter(
    (ticket) => ticket.targetDeskId === undefined || deskIds.has(ticket.targetDeskId),
  );
  const ahead: QueueState = { ...state, ticketTable: ticketTableOf(inPlay) };
  // Who each desk may take does not change as the play goes on; called tickets drop out.
  const gone = new Set<TicketId>();
  const walk = walkUpMinutes(state) * MS_PER_MINUTE;
  const visit = (code: ServiceCode): number => minutesOf(code) * MS_PER_MINUTE;
  const seats = playing.map((desk) => {
    const deskState = deskStateOf(state, desk.id);
    const current = deskState.currentTicketId ? ticketOf(state, deskState.currentTicketId) : undefined;
    const gap = gapOf(state, desk.id);
    let freeAt: number = at;
    if (deskState.status === 'paused') freeAt = expectedBackAt(deskState, at);
    if (current && open.length > 0) {
      const mean = visit(current.serviceCode);
      const end =
        current.status === 'serving' && current.servingStartedAt !== undefined
          ? current.servingStartedAt + mean
          : (current.lastCalledAt ?? current.calledAt ?? at) + walk + mean;
      freeAt = Math.max(freeAt, at + Math.max(end - at, OVERRUN_SHARE * mean) + gap);
    } else if (deskState.freedAt !== undefined && deskState.status === 'open') {
      // Just let a visitor go: the next call comes after the desk's usual time between visits.
      freeAt = Math.max(freeAt, deskState.freedAt + gap);
    }
    const seatState: DeskState = { ...deskState, status: 'open', currentTicketId: undefined };
    const pool = { tickets: inPlay.filter((ticket) => mayDeskTake(desk, seatState, ticket, ahead)), gone };
    return { desk, state: seatState, freeAt, pool };
  });

  const calls = new Map<TicketId, { at: Instant; callsBefore: number }>();
  const steps: Step[] = [];
  while (seats.length > 0) {
    let index = 0;
    seats.forEach((seat, i) => {
      if (seat.freeAt < (seats[index]?.freeAt ?? Infinity)) index = i;
    });
    const seat = seats[index];
    if (!seat) break;
    const now = Math.max(seat.freeAt, at) as Instant;
    const pick = pickNext(centre, ahead, seat.desk, seat.state, now, seat.pool);
    steps.push({ desk: seat.desk, deskState: seat.state, at: now, ...(pick ? { pick } : {}) });
    if (!pick) {
      const later = inPlay
        .filter((ticket) => !gone.has(ticket.id))
        .map((ticket) => ticket.postponedUntil ?? 0)
        .filter((until) => until > now);
      if (later.length > 0) seat.freeAt = Math.min(...later);
      else seats.splice(index, 1);
      continue;
    }
    calls.set(pick.ticket.id, { at: now, callsBefore: calls.size });
    gone.add(pick.ticket.id);
    seat.freeAt = now + walk + visit(pick.ticket.serviceCode) + gapOf(state, seat.desk.id);
    seat.state = {
      ...seat.state,
      privilegedStreak: pick.privileged ? seat.state.privilegedStreak + 1 : 0,
      priorityStreak: isPriority(pick.ticket) ? (seat.state.priorityStreak ?? 0) + 1 : 0,
    };
  }
  const result: Play = { calls, steps };
  byKey.set(key, result);
  return result;
};

export interface Forecast {
  readonly minutes: number;
  /** Calls made before this visitor's. */
  readonly callsBefore: number;
}

/** When the play calls this waiting ticket; undefined when it does not get that far. */
export const forecastTicket = (
  centre: Centre,
  state: QueueState,
  ticket: Ticket,
  at: Instant,
  minutesOf: VisitMinutes,
): Forecast | undefined => {
  const part = partOf(centre, ticket.serviceCode);
  const call = part ? play(centre, state, part, at, minutesOf).calls.get(ticket.id) : undefined;
  return call ? { minutes: (call.at - at) / MS_PER_MINUTE, callsBefore: call.callsBefore } : undefined;
};

/**
 * When a walk-in taking a ticket now would be called: the first moment of the play at which
 * a desk would rather call them than whom it called. Until then the newcomer changes nothing,
 * so one play answers for every service.
 */
export const forecastNew = (
  centre: Centre,
  state: QueueState,
  code: ServiceCode,
  at: Instant,
  minutesOf: VisitMinutes,
  newcomer: Ticket = newcomerTicket(state, code, at),
): Forecast | undefined => {
  const part = partOf(centre, code);
  if (!part) return undefined;
  const { steps } = play(centre, state, part, at, minutesOf);
  let callsBefore = 0;
  for (const step of steps) {
    const prefer = wouldPrefer(centre, step.desk, step.deskState, newcomer, step.pick, step.at);
    if (prefer) return { minutes: (step.at - at) / MS_PER_MINUTE, callsBefore };
    if (step.pick) callsBefore += 1;
  }
  return undefined;
};

/** A ticket that would be taken now, for estimating a wait before issuing. */
export const newcomerTicket = (
  state: QueueState,
  code: ServiceCode,
  at: Instant,
  priority = false,
): Ticket => ({
  // The claim as reception or the kiosk records it: routing treats it as priority at once.
  ...(priority ? { priority: { category: 'disability', confirmed: false } } : {}),
  id: '~estimate' as TicketId,
  number: '',
  prefix: '',
  sequence: Number.MAX_SAFE_INTEGER,
  serviceDay: state.serviceDay ?? ('' as Ticket['serviceDay']),
  source: 'kiosk',
  serviceCode: code,
  issuedAt: at,
  queuedAt: at,
  status: 'waiting',
  itinerary: [],
  callCount: 0,
});
