/**
 * The queue's decider: given the centre, the current state and a command, either refuse
 * with a typed error or answer with the events that record what happened. Nothing here
 * reads a clock or touches storage.
 */
import { serviceDayOf } from './calendar';
import { isOpenAt } from './calendar';
import type { Centre, Desk, Service } from './centre';
import { deskWeightFor, findDesk, findService } from './centre';
import type { QueueCommand } from './commands';
import { type QueueError, type Result, fail, ok } from './errors';
import type { Actor, NextStep, QueueEvent } from './events';
import { type Instant, MS_PER_MINUTE, type TicketId, addMinutes } from './ids';
import { evolve } from './evolve';
import { isDueAppointment, isPriority, mayDeskTake, pickNext } from './routing';
import { keptFreeUntil } from './booking-hold';
import { plannedBreakMinutes } from './breaks';
import { type DeskState, type QueueState, deskStateOf, ticketOf, ticketsOf } from './state';
import { type Ticket, formatTicketNumber, isCallable, isFinal } from './ticket';

type Decision = Result<readonly QueueEvent[]>;

const refuse = (code: QueueError['code'], message: string): Decision => fail(code, message);

/**
 * Decide a command. When the site's day has changed since the last command, the answer
 * starts with a `day:started` event that closes the old day, and the command is decided
 * against the new day. A command dated before the current day (a clock stepped back) is
 * refused: starting the old day again would wipe today's queue and reuse its numbers.
 */
export const decide = (centre: Centre, state: QueueState, command: QueueCommand): Decision => {
  const today = serviceDayOf(command.at, centre.site.timeZone);
  if (state.serviceDay === today) return decideToday(centre, state, command);
  if (state.serviceDay !== undefined && today < state.serviceDay) {
    return refuse(
      'INVALID_ARGUMENT',
      `The command is dated ${today}, before the current day ${state.serviceDay}.`,
    );
  }
  const dayStarted: QueueEvent = {
    type: 'day:started',
    at: command.at,
    actor: { kind: 'system' },
    serviceDay: today,
    expiredTicketIds: ticketsOf(state)
      .filter((ticket) => !isFinal(ticket))
      .map((ticket) => ticket.id),
  };
  const decision = decideToday(centre, evolve(state, dayStarted), command);
  return decision.ok ? ok([dayStarted, ...decision.value]) : decision;
};

const decideToday = (centre: Centre, state: QueueState, command: QueueCommand): Decision => {
  switch (command.type) {
    case 'issue-ticket':
      return issueTicket(centre, state, command);
    case 'open-desk':
      return withDesk(centre, state, command.deskId, (_desk, desk) => {
        if (desk.status !== 'closed' && desk.operatorId === command.operatorId) return ok([]);
        if (desk.status !== 'closed') {
          return refuse('DESK_OCCUPIED', 'Another operator is working at this desk.');
        }
        return ok([
          event(command, { type: 'desk:opened', deskId: command.deskId, operatorId: command.operatorId }),
        ]);
      });
    case 'pause-desk':
      return withDesk(centre, state, command.deskId, (_desk, desk) => {
        if (desk.status === 'closed') return refuse('DESK_CLOSED', 'The desk is closed.');
        if (desk.status === 'paused') return ok([]);
        const minutes = plannedBreakMinutes(command.minutes);
        return ok([
          event(command, {
            type: 'desk:paused',
            deskId: command.deskId,
            reason: command.reason,
            ...(minutes !== undefined ? { minutes } : {}),
          }),
        ]);
      });
    case 'resume-desk':
      return withDesk(centre, state, command.deskId, (_desk, desk) => {
        if (desk.status === 'closed') return refuse('DESK_CLOSED', 'The desk is closed.');
        if (desk.status === 'open') return ok([]);
        return ok([event(command, { type: 'desk:resumed', deskId: command.deskId })]);
      });
    case 'close-desk':
      return withDesk(centre, state, command.deskId, (_desk, desk) => {
        if (desk.status === 'closed') return ok([]);
        if (desk.currentTicketId) {
          return refuse('DESK_BUSY', 'Finish, transfer or postpone the current visit before closing.');
        }
        return ok([event(command, { type: 'desk:closed', deskId: command.deskId })]);
      });
    case 'call-next':
      return withReadyDesk(centre, state, command.deskId, (desk, deskState) => {
        const expected = command.expectedBookings;
        const pick = pickNext(centre, state, desk, deskState, command.at, undefined, expected);
        if (pick) return ok([callEvent(command, pick.ticket, deskState, pick.privileged)]);
        const until = expected && keptFreeUntil(centre, state, desk, expected, command.at);
        if (until !== undefined && pickNext(centre, state, desk, deskState, command.at)) {
          return refuse(
            'KEPT_FOR_BOOKING',
            `The desk is kept free for a booked visitor until ${new Date(until).toISOString()}.`,
          );
        }
        return refuse('QUEUE_EMPTY', 'Nobody is waiting for this desk.');
      });
    case 'call-ticket':
      return withReadyDesk(centre, state, command.deskId, (desk, deskState) =>
        withTicket(state, command.ticketId, (ticket) => {
          if (!isCallable(ticket, command.at)) {
            return illegal(ticket, 'called');
          }
          if (!mayDeskTake(desk, deskState, ticket, state)) {
            return refuse('NOT_ELIGIBLE', `Ticket ${ticket.number} is not for this desk.`);
          }
          const privileged =
            isPriority(ticket) || isDueAppointment(ticket, command.at, centre.policy.appointmentLeadMinutes);
          return ok([callEvent(command, ticket, deskState, privileged, command.reason)]);
        }),
      );
    case 'recall':
      return withTicketAtDesk(state, command, ['called'], (ticket) =>
        ok([
          event(command, {
            type: 'ticket:recalled',
            ticketId: ticket.id,
            number: ticket.number,
            serviceCode: ticket.serviceCode,
            deskId: command.deskId,
            callCount: ticket.callCount + 1,
          }),
        ]),
      );
    case 'start-serving':
      return withTicketAtDesk(state, command, ['called'], (ticket) =>
        ok([event(command, { type: 'ticket:serving-started', ticketId: ticket.id, deskId: command.deskId })]),
      );
    case 'complete':
      return withTicketAtDesk(state, command, ['serving'], (ticket) => complete(centre, ticket, command));
    case 'mark-no-show':
      return withTicketAtDesk(state, command, ['called'], (ticket) => {
        const waitedSinceCall = command.at - (ticket.lastCalledAt ?? command.at);
        const enoughTime = waitedSinceCall >= centre.policy.noShowAfterMinutes * MS_PER_MINUTE;
        const enoughCalls = ticket.callCount >= centre.policy.noShowAfterCalls;
        if (!enoughTime && !enoughCalls) {
          return refuse(
            'NO_SHOW_TOO_EARLY',
            `Wait ${centre.policy.noShowAfterMinutes} min after the last call, or call ${centre.policy.noShowAfterCalls} times.`,
          );
        }
        return ok([event(command, { type: 'ticket:no-show', ticketId: ticket.id, deskId: command.deskId })]);
      });
    case 'transfer':
      return withTicketAtDesk(state, command, ['called', 'serving'], (ticket) =>
        transfer(centre, state, ticket, command),
      );
    case 'postpone':
      return withTicketAtDesk(state, command, ['called', 'serving'], (ticket) => {
        if (!(command.minutes >= 1 && command.minutes <= centre.policy.maxPostponeMinutes)) {
          return refuse('INVALID_ARGUMENT', `Postpone for 1 to ${centre.policy.maxPostponeMinutes} minutes.`);
        }
        return ok([
          event(command, {
            type: 'ticket:postponed',
            ticketId: ticket.id,
            deskId: command.deskId,
            until: addMinutes(command.at, command.minutes),
          }),
        ]);
      });
    case 'cancel-ticket':
      return withTicket(state, command.ticketId, (ticket) => {
        if (isFinal(ticket)) return illegal(ticket, 'cancelled');
        return ok([
          event(command, {
            type: 'ticket:cancelled',
            ticketId: ticket.id,
            reason: command.reason,
            ...(ticket.deskId && (ticket.status === 'called' || ticket.status === 'serving')
              ? { deskId: ticket.deskId }
              : {}),
          }),
        ]);
      });
    case 'change-service':
      return withTicket(state, command.ticketId, (ticket) => {
        if (ticket.status !== 'waiting' && ticket.status !== 'postponed') return illegal(ticket, 'moved');
        const service = findService(centre, command.serviceCode);
        if (!service) return refuse('UNKNOWN_SERVICE', `There is no service ${command.serviceCode}.`);
        if (!hasAnyDesk(centre, service))
          return refuse('NO_DESK_FOR_SERVICE', 'No desk serves that service.');
        if (service.code === ticket.serviceCode) return ok([]);
        return ok([
          event(command, {
            type: 'ticket:service-changed',
            ticketId: ticket.id,
            serviceCode: service.code,
            reason: command.reason,
          }),
        ]);
      });
    case 'review-priority':
      return withTicketAtDesk(state, command, ['called', 'serving'], (ticket) => {
        if (!ticket.priority)
          return refuse('INVALID_ARGUMENT', `Ticket ${ticket.number} claims no priority.`);
        return ok([
          event(command, {
            type: 'ticket:priority-reviewed',
            ticketId: ticket.id,
            deskId: command.deskId,
            confirmed: command.confirmed,
          }),
        ]);
      });
    case 'tick':
      return ok(
        ticketsOf(state)
          .filter((ticket) => ticket.status === 'postponed' && isCallable(ticket, command.at))
          .map((ticket) => event(command, { type: 'ticket:resumed', ticketId: ticket.id })),
      );
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
};

type EventBody = QueueEvent extends infer E
  ? E extends QueueEvent
    ? Omit<E, 'at' | 'actor'>
    : never
  : never;

const event = (command: { at: Instant; actor: Actor }, body: EventBody): QueueEvent =>
  ({ ...body, at: command.at, actor: command.actor }) as QueueEvent;

const illegal = (ticket: Ticket, wanted: string): Decision =>
  refuse('ILLEGAL_TRANSITION', `Ticket ${ticket.number} is ${ticket.status} and cannot be ${wanted}.`);

const withDesk = (
  centre: Centre,
  state: QueueState,
  id: Desk['id'],
  then: (desk: Desk, deskState: DeskState) => Decision,
): Decision => {
  const desk = findDesk(centre, id);
  if (!desk) return refuse('UNKNOWN_DESK', `There is no desk ${id}.`);
  return then(desk, deskStateOf(state, id));
};

/** An open desk with no visitor in hand: the only kind that may call someone. */
const withReadyDesk = (
  centre: Centre,
  state: QueueState,
  id: Desk['id'],
  then: (desk: Desk, deskState: DeskState) => Decision,
): Decision =>
  withDesk(centre, state, id, (desk, deskState) => {
    if (deskState.status === 'closed') return refuse('DESK_CLOSED', 'Open the desk first.');
    if (deskState.status === 'paused') return refuse('DESK_PAUSED', 'The desk is paused.');
    if (deskState.currentTicketId) {
      return refuse('DESK_BUSY', 'Finish, transfer or postpone the current visit first.');
    }
    return then(desk, deskState);
  });

const withTicket = (state: QueueState, id: TicketId, then: (ticket: Ticket) => Decision): Decision => {
  const ticket = ticketOf(state, id);
  return ticket ? then(ticket) : refuse('UNKNOWN_TICKET', 'No such ticket today.');
};

const withTicketAtDesk = (
  state: QueueState,
  command: { ticketId: TicketId; deskId: Desk['id']; type: string },
  allowed: readonly Ticket['status'][],
  then: (ticket: Ticket) => Decision,
): Decision =>
  withTicket(state, command.ticketId, (ticket) => {
    const inHand = ticket.status === 'called' || ticket.status === 'serving';
    if (inHand && ticket.deskId !== command.deskId) {
      return refuse('NOT_AT_THIS_DESK', `Ticket ${ticket.number} is at another desk.`);
    }
    if (!allowed.includes(ticket.status)) return illegal(ticket, command.type);
    return then(ticket);
  });

const callEvent = (
  command: { at: Instant; actor: Actor; deskId: Desk['id'] },
  ticket: Ticket,
  deskState: DeskState,
  privileged: boolean,
  outOfOrderReason?: string,
): QueueEvent =>
  event(command, {
    type: 'ticket:called',
    ticketId: ticket.id,
    number: ticket.number,
    serviceCode: ticket.serviceCode,
    deskId: command.deskId,
    ...(deskState.operatorId ? { operatorId: deskState.operatorId } : {}),
    privileged,
    ...(outOfOrderReason ? { outOfOrderReason } : {}),
  });

const hasAnyDesk = (centre: Centre, service: Service): boolean =>
  centre.desks.some((desk) => deskWeightFor(desk, service.code) > 0);

const issueTicket = (
  centre: Centre,
  state: QueueState,
  command: Extract<QueueCommand, { type: 'issue-ticket' }>,
): Decision => {
  const service = findService(centre, command.serviceCode);
  if (!service) return refuse('UNKNOWN_SERVICE', `There is no service ${command.serviceCode}.`);
  if (ticketOf(state, command.ticketId)) return refuse('DUPLICATE_TICKET', 'That ticket id is taken.');
  if (command.source === 'kiosk' && !service.onKiosk) {
    return refuse('NOT_ON_KIOSK', 'This service is issued at reception.');
  }
  for (const code of command.itinerary ?? []) {
    if (!findService(centre, code)) return refuse('UNKNOWN_SERVICE', `There is no service ${code}.`);
  }
  if (!isOpenAt(centre.site, undefined, command.at)) {
    return refuse('SITE_CLOSED', 'The centre is closed now.');
  }
  if (!isOpenAt(centre.site, service.hours, command.at)) {
    return refuse('SERVICE_CLOSED', 'This service is not available at this time.');
  }
  if (!hasAnyDesk(centre, service)) {
    return refuse('NO_DESK_FOR_SERVICE', 'No desk serves this service.');
  }
  const issued = state.issuedToday[service.code] ?? 0;
  if (service.dailyLimit !== undefined && issued >= service.dailyLimit) {
    return refuse('DAILY_LIMIT_REACHED', 'Today’s tickets for this service have run out.');
  }
  const sequence = (state.counters[service.prefix] ?? 0) + 1;
  const ticket: Ticket = {
    id: command.ticketId,
    number: formatTicketNumber(service.prefix, sequence),
    prefix: service.prefix,
    sequence,
    serviceDay: serviceDayOf(command.at, centre.site.timeZone),
    source: command.source,
    serviceCode: service.code,
    issuedAt: command.at,
    queuedAt: command.at,
    status: 'waiting',
    itinerary: command.itinerary ?? [],
    callCount: 0,
    ...(command.priority ? { priority: command.priority } : {}),
    ...(command.appointmentAt !== undefined ? { appointmentAt: command.appointmentAt } : {}),
    ...(command.note ? { note: command.note } : {}),
    ...(command.language ? { language: command.language } : {}),
  };
  return ok([event(command, { type: 'ticket:issued', ticket })]);
};

const complete = (
  centre: Centre,
  ticket: Ticket,
  command: Extract<QueueCommand, { type: 'complete' }>,
): Decision => {
  const service = findService(centre, ticket.serviceCode);
  if (service?.outcomeRequired && !command.outcome) {
    return refuse('OUTCOME_REQUIRED', 'Choose the result of the visit.');
  }
  if (
    command.outcome &&
    service &&
    service.outcomes.length > 0 &&
    !service.outcomes.some((outcome) => outcome.code === command.outcome)
  ) {
    return refuse('UNKNOWN_OUTCOME', `Unknown result ${command.outcome}.`);
  }
  const next: NextStep | undefined = ticket.returnTo
    ? {
        serviceCode: ticket.returnTo.serviceCode,
        targetDeskId: ticket.returnTo.deskId,
        ...(ticket.returnTo.operatorId ? { targetOperatorId: ticket.returnTo.operatorId } : {}),
      }
    : ticket.itinerary[0]
      ? { serviceCode: ticket.itinerary[0] }
      : undefined;
  return ok([
    event(command, {
      type: 'ticket:completed',
      ticketId: ticket.id,
      deskId: command.deskId,
      ...(command.outcome ? { outcome: command.outcome } : {}),
      ...(command.note ? { note: command.note } : {}),
      ...(next ? { next } : {}),
    }),
  ]);
};

const transfer = (
  centre: Centre,
  state: QueueState,
  ticket: Ticket,
  command: Extract<QueueCommand, { type: 'transfer' }>,
): Decision => {
  const target = findService(centre, command.toServiceCode);
  if (!target) return refuse('UNKNOWN_SERVICE', `There is no service ${command.toServiceCode}.`);
  if (command.toDeskId === undefined && !hasAnyDesk(centre, target)) {
    return refuse('NO_DESK_FOR_SERVICE', 'No desk serves that service.');
  }
  if (command.toDeskId !== undefined) {
    if (!findDesk(centre, command.toDeskId))
      return refuse('UNKNOWN_DESK', `There is no desk ${command.toDeskId}.`);
    if (command.toDeskId === command.deskId && !command.toOperatorId) {
      return refuse('INVALID_ARGUMENT', 'A visitor cannot be transferred to the same desk.');
    }
  }
  const here = deskStateOf(state, command.deskId);
  return ok([
    event(command, {
      type: 'ticket:transferred',
      ticketId: ticket.id,
      deskId: command.deskId,
      to: {
        serviceCode: command.toServiceCode,
        ...(command.toDeskId ? { targetDeskId: command.toDeskId } : {}),
        ...(command.toOperatorId ? { targetOperatorId: command.toOperatorId } : {}),
      },
      ...(command.comment ? { comment: command.comment } : {}),
      keepPlace: command.keepPlace ?? true,
      ...(command.returnToMe
        ? {
            returnTo: {
              serviceCode: ticket.serviceCode,
              deskId: command.deskId,
              ...(here.operatorId ? { operatorId: here.operatorId } : {}),
            },
          }
        : {}),
    }),
  ]);
};
