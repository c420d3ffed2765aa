/**
 * How each event changes the state. The only way state is built, both live and when the
 * server starts again from its log.
 */
import type { QueueEvent } from './events';
import type { Instant, ServiceCode, TicketId } from './ids';
import { MS_PER_MINUTE } from './ids';
import {
  type DeskState,
  PRIVILEGED_ARRIVALS_WINDOW_MS,
  type PrivilegedArrival,
  type QueueState,
  type ServiceStats,
  closedDesk,
  ticketOf,
  withTicket,
} from './state';
import type { Ticket } from './ticket';
import { isPriority } from './routing';

/** Learned means weigh the newest visits most once a few are known. */
const STATS_WINDOW = 50;

export const evolve = (state: QueueState, event: QueueEvent): QueueState => {
  switch (event.type) {
    case 'day:started':
      return {
        serviceDay: event.serviceDay,
        ticketTable: {},
        counters: {},
        issuedToday: {},
        desks: Object.fromEntries(Object.values(state.desks).map((desk) => [desk.id, closedDesk(desk.id)])),
        stats: state.stats,
        ...(state.deskStats ? { deskStats: state.deskStats } : {}),
      };
    case 'ticket:issued': {
      const { ticket } = event;
      return {
        ...state,
        ...(isPriority(ticket) || ticket.appointmentAt !== undefined
          ? { privilegedArrivals: withArrival(state.privilegedArrivals, ticket) }
          : {}),
        ticketTable: withTicket(state.ticketTable, ticket),
        counters: {
          ...state.counters,
          [ticket.prefix]: Math.max(state.counters[ticket.prefix] ?? 0, ticket.sequence),
        },
        issuedToday: {
          ...state.issuedToday,
          [ticket.serviceCode]: (state.issuedToday[ticket.serviceCode] ?? 0) + 1,
        },
      };
    }
    case 'ticket:called': {
      const called = ticketOf(state, event.ticketId);
      const priority = called !== undefined && isPriority(called);
      const next = updateTicket(state, event.ticketId, (ticket) => ({
        ...withoutPostponement(ticket),
        status: 'called',
        deskId: event.deskId,
        ...(event.operatorId ? { operatorId: event.operatorId } : {}),
        calledAt: event.at,
        lastCalledAt: event.at,
        callCount: 1,
      }));
      const learned = called ? learnDeskGap(next, event.deskId, called, event.at) : next;
      return updateDesk(learned, event.deskId, (desk) => ({
        ...desk,
        currentTicketId: event.ticketId,
        privilegedStreak: event.privileged ? desk.privilegedStreak + 1 : 0,
        priorityStreak: priority ? (desk.priorityStreak ?? 0) + 1 : 0,
        freedAt: undefined,
      }));
    }
    case 'ticket:recalled':
      return updateTicket(state, event.ticketId, (ticket) => ({
        ...ticket,
        lastCalledAt: event.at,
        callCount: event.callCount,
      }));
    case 'ticket:serving-started':
      return updateTicket(state, event.ticketId, (ticket) => ({
        ...ticket,
        status: 'serving',
        servingStartedAt: event.at,
      }));
    case 'ticket:completed': {
      const finished = ticketOf(state, event.ticketId);
      const withStats = finished ? learnServiceTime(state, finished, event.at) : state;
      const next = updateTicket(withStats, event.ticketId, (ticket) => {
        const done = {
          ...ticket,
          ...(event.outcome ? { outcome: event.outcome } : {}),
          ...(event.note ? { note: event.note } : {}),
        };
        if (!event.next) return { ...done, status: 'completed', finishedAt: event.at };
        const itinerary =
          ticket.returnTo === undefined && ticket.itinerary[0] === event.next.serviceCode
            ? ticket.itinerary.slice(1)
            : ticket.itinerary;
        return requeue(
          { ...done, itinerary, returnTo: undefined },
          event.next.serviceCode,
          ticket.queuedAt,
          event.next.targetDeskId,
          event.next.targetOperatorId,
        );
      });
      return releaseDesk(next, event.deskId, event.ticketId, event.at);
    }
    case 'ticket:no-show': {
      const next = updateTicket(state, event.ticketId, (ticket) => ({
        ...ticket,
        status: 'no-show',
        finishedAt: event.at,
      }));
      return releaseDesk(next, event.deskId, event.ticketId, event.at);
    }
    case 'ticket:transferred': {
      const next = updateTicket(state, event.ticketId, (ticket) => {
        // Sent straight back to the desk that asked for the visitor's return: the return is done.
        const returned =
          ticket.returnTo !== undefined &&
          ticket.returnTo.serviceCode === event.to.serviceCode &&
          ticket.returnTo.deskId === event.to.targetDeskId;
        return {
          ...requeue(
            ticket,
            event.to.serviceCode,
            event.keepPlace ? ticket.queuedAt : event.at,
            event.to.targetDeskId,
            event.to.targetOperatorId,
          ),
          ...(event.comment ? { transferComment: event.comment } : {}),
          returnTo: event.returnTo ?? (returned ? undefined : ticket.returnTo),
        };
      });
      return releaseDesk(next, event.deskId, event.ticketId, event.at);
    }
    case 'ticket:postponed': {
      const next = updateTicket(state, event.ticketId, (ticket) => ({
        ...ticket,
        status: 'postponed',
        postponedUntil: event.until,
        // Back from a postponement, the visitor returns to the same desk.
        targetDeskId: event.deskId,
        deskId: undefined,
      }));
      return releaseDesk(next, event.deskId, event.ticketId, event.at);
    }
    case 'ticket:resumed':
      return updateTicket(state, event.ticketId, (ticket) => ({
        ...withoutPostponement(ticket),
        status: 'waiting',
      }));
    case 'ticket:cancelled': {
      const next = updateTicket(state, event.ticketId, (ticket) => ({
        ...ticket,
        status: 'cancelled',
        finishedAt: event.at,
      }));
      return event.deskId ? releaseDesk(next, event.deskId, event.ticketId, event.at) : next;
    }
    case 'ticket:service-changed':
      // The visitor keeps their place: only the service changes, and any desk-specific
      // address with it.
      return updateTicket(state, event.ticketId, (ticket) => ({
        ...ticket,
        serviceCode: event.serviceCode,
        targetDeskId: undefined,
        targetOperatorId: undefined,
      }));
    case 'ticket:priority-reviewed':
      return updateTicket(state, event.ticketId, (ticket) =>
        ticket.priority
          ? {
              ...ticket,
              priority: {
                ...ticket.priority,
                confirmed: event.confirmed,
                ...(event.confirmed ? {} : { rejected: true }),
              },
            }
          : ticket,
      );
    case 'desk:opened':
      return updateDesk(state, event.deskId, (desk) => ({
        ...desk,
        status: 'open',
        operatorId: event.operatorId,
        pauseReason: undefined,
        pauseMinutes: undefined,
        since: event.at,
      }));
    case 'desk:paused':
      // A break is not time between visits.
      return updateDesk(state, event.deskId, (desk) => ({
        ...desk,
        status: 'paused',
        pauseReason: event.reason,
        pauseMinutes: event.minutes,
        since: event.at,
        freedAt: undefined,
      }));
    case 'desk:resumed':
      return updateDesk(state, event.deskId, (desk) => ({
        ...desk,
        status: 'open',
        pauseReason: undefined,
        pauseMinutes: undefined,
        since: event.at,
      }));
    case 'desk:closed':
      return updateDesk(state, event.deskId, () => ({ ...closedDesk(event.deskId), since: event.at }));
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

/** Apply events in order. */
export const evolveAll = (state: QueueState, events: readonly QueueEvent[]): QueueState =>
  events.reduce(evolve, state);

const updateTicket = (state: QueueState, id: TicketId, change: (ticket: Ticket) => Ticket): QueueState => {
  const ticket = ticketOf(state, id);
  if (!ticket) return state;
  return { ...state, ticketTable: withTicket(state.ticketTable, stripUndefined(change(ticket))) };
};

const updateDesk = (
  state: QueueState,
  id: DeskState['id'],
  change: (desk: DeskState) => DeskState,
): QueueState => ({
  ...state,
  desks: { ...state.desks, [id]: stripUndefined(change(state.desks[id] ?? closedDesk(id))) },
});

const releaseDesk = (state: QueueState, id: DeskState['id'], ticketId: TicketId, at: Instant): QueueState =>
  updateDesk(state, id, (desk) =>
    desk.currentTicketId === ticketId ? { ...desk, currentTicketId: undefined, freedAt: at } : desk,
  );

/** The last hour's priority and booked arrivals, with this one. */
const withArrival = (arrivals: QueueState['privilegedArrivals'], ticket: Ticket): PrivilegedArrival[] => [
  ...(arrivals ?? []).filter((entry) => entry.at > ticket.issuedAt - PRIVILEGED_ARRIVALS_WINDOW_MS),
  { at: ticket.issuedAt, serviceCode: ticket.serviceCode },
];

/** A gap longer than this is somebody stepping away, not time between visits. */
const LONGEST_GAP_MINUTES = 10;

/**
 * Learn the desk's time between visits from a call, when the visitor called was already
 * waiting as the desk let its last one go: only then was the desk not idle for want of anyone.
 */
const learnDeskGap = (
  state: QueueState,
  deskId: DeskState['id'],
  called: Ticket,
  at: Instant,
): QueueState => {
  const freedAt = state.desks[deskId]?.freedAt;
  if (freedAt === undefined || called.queuedAt > freedAt) return state;
  if (called.postponedUntil !== undefined && called.postponedUntil > freedAt) return state;
  const sample = Math.min(Math.max(0, at - freedAt) / MS_PER_MINUTE, LONGEST_GAP_MINUTES);
  const previous = state.deskStats?.[deskId];
  const samples = Math.min((previous?.samples ?? 0) + 1, STATS_WINDOW);
  const mean = previous ? previous.meanGapMinutes + (sample - previous.meanGapMinutes) / samples : sample;
  return { ...state, deskStats: { ...state.deskStats, [deskId]: { meanGapMinutes: mean, samples } } };
};

/** Put a ticket back in a queue (another service, or the same one for a named desk). */
const requeue = (
  ticket: Ticket,
  serviceCode: ServiceCode,
  queuedAt: Instant,
  targetDeskId: Ticket['targetDeskId'],
  targetOperatorId: Ticket['targetOperatorId'],
): Ticket => ({
  ...ticket,
  serviceCode,
  queuedAt,
  status: 'waiting',
  deskId: undefined,
  operatorId: undefined,
  calledAt: undefined,
  lastCalledAt: undefined,
  servingStartedAt: undefined,
  postponedUntil: undefined,
  callCount: 0,
  targetDeskId,
  targetOperatorId,
});

const withoutPostponement = (ticket: Ticket): Ticket =>
  ticket.status === 'postponed' ? { ...ticket, postponedUntil: undefined } : ticket;

const learnServiceTime = (state: QueueState, ticket: Ticket, at: Instant): QueueState => {
  if (ticket.servingStartedAt === undefined) return state;
  const sample = (at - ticket.servingStartedAt) / MS_PER_MINUTE;
  const previous: ServiceStats | undefined = state.stats[ticket.serviceCode];
  const samples = Math.min((previous?.samples ?? 0) + 1, STATS_WINDOW);
  const mean = previous
    ? previous.meanServiceMinutes + (sample - previous.meanServiceMinutes) / samples
    : sample;
  return {
    ...state,
    stats: { ...state.stats, [ticket.serviceCode]: { meanServiceMinutes: mean, samples } },
  };
};

/** Drop keys set to undefined so states compare and serialise cleanly. */
const stripUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
