/**
 * Who a desk calls next. The rule, in order:
 *  1. Only tickets this desk may take: for a service it serves, or sent to it by name.
 *  2. Priority visitors (in order of arrival), then booked visits whose slot has come
 *     (in slot order) — but after `maxPriorityStreak` such calls in a row, a waiting
 *     walk-in goes first, so ordinary visitors are never starved.
 *  3. Among walk-ins, the one furthest past its service's waiting standard, scaled by the
 *     desk's weight for that service; ties go to the earlier arrival.
 * See docs/routing.md for the reasoning.
 */
import type { Centre, Desk } from './centre';
import { deskWeightFor, findService } from './centre';
import { DEFAULT_WAITING_STANDARD_MINUTES } from './centre';
import { type Instant, MS_PER_MINUTE } from './ids';
import { type DeskState, type QueueState, deskStateOf } from './state';
import { type Ticket, isCallable } from './ticket';

/**
 * Whether this desk, with its operator, may call the ticket at all. A ticket addressed to a
 * desk or an operator waits for them only while they are on duty: when the named desk is
 * closed, or the named operator is at no desk, any desk serving the service may take it, so
 * nobody is left waiting for someone who has gone home.
 */
export const mayDeskTake = (
  desk: Desk,
  deskState: DeskState,
  ticket: Ticket,
  state?: QueueState,
): boolean => {
  const serves = deskWeightFor(desk, ticket.serviceCode) > 0;
  const operator = ticket.targetOperatorId;
  if (operator !== undefined && operator !== deskState.operatorId) {
    const onDuty =
      state === undefined ||
      Object.values(state.desks).some((other) => other.status !== 'closed' && other.operatorId === operator);
    if (onDuty || !serves) return false;
  }
  if (ticket.targetDeskId !== undefined && ticket.targetDeskId !== desk.id) {
    const targetOpen = state === undefined || deskStateOf(state, ticket.targetDeskId).status !== 'closed';
    return !targetOpen && serves;
  }
  return ticket.targetDeskId === desk.id || serves;
};

/** A priority claim counts until staff reject it (kiosk claims are confirmed at the desk). */
export const isPriority = (ticket: Ticket): boolean =>
  ticket.priority !== undefined && ticket.priority.rejected !== true;

/** A booked visit whose slot has come (or is within the lead time). */
export const isDueAppointment = (ticket: Ticket, at: Instant, leadMinutes: number): boolean =>
  ticket.appointmentAt !== undefined && ticket.appointmentAt - leadMinutes * MS_PER_MINUTE <= at;

const byArrival = (a: Ticket, b: Ticket): number =>
  a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.sequence - b.sequence || (a.id < b.id ? -1 : 1);

/** How urgent a walk-in is for this desk: minutes waited over the standard, times the weight. */
export const urgencyOf = (centre: Centre, desk: Desk, ticket: Ticket, at: Instant): number => {
  const standard =
    findService(centre, ticket.serviceCode)?.waitingStandardMinutes ?? DEFAULT_WAITING_STANDARD_MINUTES;
  // A ticket addressed to this desk by name counts with the desk's strongest weight.
  const weight =
    ticket.targetDeskId === desk.id
      ? Math.max(1, ...desk.services.map((entry) => entry.weight))
      : deskWeightFor(desk, ticket.serviceCode);
  const waited = Math.max(0, at - ticket.queuedAt) / MS_PER_MINUTE;
  // +1 so that a just-arrived ticket still ranks by weight rather than all tying at zero.
  return (weight * (waited + 1)) / Math.max(1, standard);
};

export interface Candidates {
  readonly priority: readonly Ticket[];
  readonly appointments: readonly Ticket[];
  readonly walkIns: readonly Ticket[];
}

/** The tickets a desk may call now, split into the three classes of the rule. */
export const candidatesFor = (
  centre: Centre,
  state: QueueState,
  desk: Desk,
  deskState: DeskState,
  at: Instant,
): Candidates => {
  const priority: Ticket[] = [];
  const appointments: Ticket[] = [];
  const walkIns: Ticket[] = [];
  for (const ticket of Object.values(state.tickets)) {
    if (!isCallable(ticket, at) || !mayDeskTake(desk, deskState, ticket, state)) continue;
    if (isPriority(ticket)) priority.push(ticket);
    else if (isDueAppointment(ticket, at, centre.policy.appointmentLeadMinutes)) appointments.push(ticket);
    else walkIns.push(ticket);
  }
  priority.sort(byArrival);
  appointments.sort((a, b) => (a.appointmentAt ?? 0) - (b.appointmentAt ?? 0) || byArrival(a, b));
  return { priority, appointments, walkIns };
};

const mostUrgent = (
  centre: Centre,
  desk: Desk,
  tickets: readonly Ticket[],
  at: Instant,
): Ticket | undefined => {
  let best: Ticket | undefined;
  let bestScore = -Infinity;
  for (const ticket of tickets) {
    const score = urgencyOf(centre, desk, ticket, at);
    if (score > bestScore || (score === bestScore && best && byArrival(ticket, best) < 0)) {
      best = ticket;
      bestScore = score;
    }
  }
  return best;
};

export interface Pick {
  readonly ticket: Ticket;
  /** Priority or booked: counts toward the desk's streak. */
  readonly privileged: boolean;
}

/** The ticket the desk should call next, or undefined when nobody is waiting for it. */
export const pickNext = (
  centre: Centre,
  state: QueueState,
  desk: Desk,
  deskState: DeskState,
  at: Instant,
): Pick | undefined => {
  const { priority, appointments, walkIns } = candidatesFor(centre, state, desk, deskState, at);
  const walkIn = mostUrgent(centre, desk, walkIns, at);
  const streakSpent = deskState.privilegedStreak >= centre.policy.maxPriorityStreak;
  if (walkIn && streakSpent) return { ticket: walkIn, privileged: false };
  const privileged = priority[0] ?? appointments[0];
  if (privileged) return { ticket: privileged, privileged: true };
  return walkIn ? { ticket: walkIn, privileged: false } : undefined;
};
