/**
 * Commands at a desk: open, pause, resume and close it; call, recall, start, complete,
 * no-show, transfer, postpone a visit; review a priority claim. Operators act at their own
 * desk; supervisors and administrators may name another.
 */
import {
  type DeskId,
  type QueueCommand,
  type ServiceCode,
  type StaffId,
  type TicketId,
  deskHeldByColleague,
} from '@queue/core';
import type { Ack, Principal, VisitAnswer, WireError } from '@queue/protocol';
import {
  type HandlerContext,
  type QueueSocket,
  actorOf,
  auditAction,
  idempotencyOf,
  isError,
  resolveDesk,
  refuseOtherOrganisation,
  visitAnswer,
} from './handler';
import { type PayloadOf, onAnswering } from './on';

/** The commands at a desk: each acts at one desk and answers with the visit and the desk. */
type DeskEvent =
  | 'desk:open'
  | 'desk:pause'
  | 'desk:resume'
  | 'desk:close'
  | 'visit:call-next'
  | 'visit:call'
  | 'visit:recall'
  | 'visit:start'
  | 'visit:complete'
  | 'visit:no-show'
  | 'visit:transfer'
  | 'visit:postpone'
  | 'visit:review-priority';

export const registerDeskHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { queue } = context;

  const deskCommand = <K extends DeskEvent>(
    name: K,
    build: (payload: PayloadOf<K>, deskId: DeskId, principal: Principal) => QueueCommand | WireError,
    ticketOf?: (payload: PayloadOf<K>) => string,
  ): void => {
    const run = (payload: PayloadOf<K>, principal: Principal): Ack<VisitAnswer> => {
      const deskId = resolveDesk(principal, payload.deskId);
      if (isError(deskId)) return { ok: false, error: deskId };
      const elsewhere = principal.kind === 'staff' && deskId !== principal.deskId;
      const foreign = elsewhere ? refuseOtherOrganisation(context, principal, deskId) : undefined;
      if (foreign) return { ok: false, error: foreign };
      // Checked on every command, not only at login: a colleague may have opened the desk since.
      const desk = queue.state.desks[deskId];
      const colleague =
        principal.kind === 'staff' && name !== 'desk:open'
          ? deskHeldByColleague(desk, { staffId: principal.staffId, roles: principal.roles })
          : undefined;
      if (colleague) {
        return {
          ok: false,
          error: { code: 'DESK_OCCUPIED', message: 'Another operator is working at this desk.' },
        };
      }
      const steppingIn =
        principal.kind === 'staff' &&
        (elsewhere || (desk?.operatorId !== undefined && desk.operatorId !== principal.staffId));
      const command = build(payload, deskId, principal);
      if (isError(command)) return { ok: false, error: command };
      const answer = queue.execute(
        command,
        visitAnswer(deskId, ticketOf?.(payload)),
        idempotencyOf(principal, name, payload.requestId),
      );
      // A supervisor or administrator acting at someone else's desk is on the record.
      if (steppingIn) {
        const ticketId = ticketOf?.(payload);
        auditAction(socket, context, {
          action: name,
          target: `desk:${deskId}`,
          details: {
            ok: answer.ok,
            ...(answer.ok ? {} : { code: answer.error.code }),
            ...(ticketId ? { ticketId } : {}),
          },
        });
      }
      return answer;
    };
    onAnswering<VisitAnswer, K>(socket, context, name, run);
  };

  const base = (deskId: DeskId, principal: Principal) => ({
    at: queue.now(),
    actor: actorOf(principal),
    deskId,
  });

  deskCommand('desk:open', (_payload, deskId, principal) =>
    principal.kind === 'staff'
      ? { type: 'open-desk', ...base(deskId, principal), operatorId: principal.staffId as StaffId }
      : { code: 'FORBIDDEN', message: 'Only staff open desks.' },
  );
  deskCommand('desk:pause', (payload, deskId, principal) => ({
    type: 'pause-desk',
    ...base(deskId, principal),
    reason: payload.reason,
    ...(payload.minutes !== undefined ? { minutes: payload.minutes } : {}),
  }));
  deskCommand('desk:resume', (_payload, deskId, principal) => ({
    type: 'resume-desk',
    ...base(deskId, principal),
  }));
  deskCommand('desk:close', (_payload, deskId, principal) => ({
    type: 'close-desk',
    ...base(deskId, principal),
  }));
  deskCommand('visit:call-next', (_payload, deskId, principal) => {
    const command = base(deskId, principal);
    const expectedBookings = context.bookings.awaited(command.at);
    return {
      type: 'call-next',
      ...command,
      ...(expectedBookings.length > 0 ? { expectedBookings } : {}),
    };
  });
  const onTicket = (payload: { ticketId: string }) => payload.ticketId;
  deskCommand(
    'visit:call',
    (payload, deskId, principal) => ({
      type: 'call-ticket',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
      reason: payload.reason,
    }),
    onTicket,
  );
  deskCommand(
    'visit:recall',
    (payload, deskId, principal) => ({
      type: 'recall',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
    }),
    onTicket,
  );
  deskCommand(
    'visit:start',
    (payload, deskId, principal) => ({
      type: 'start-serving',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
    }),
    onTicket,
  );
  deskCommand(
    'visit:complete',
    (payload, deskId, principal) => ({
      type: 'complete',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
      ...(payload.outcome ? { outcome: payload.outcome } : {}),
      ...(payload.note ? { note: payload.note } : {}),
    }),
    onTicket,
  );
  deskCommand(
    'visit:no-show',
    (payload, deskId, principal) => ({
      type: 'mark-no-show',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
    }),
    onTicket,
  );
  deskCommand(
    'visit:transfer',
    (payload, deskId, principal) => ({
      type: 'transfer',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
      toServiceCode: payload.toServiceCode as ServiceCode,
      ...(payload.toDeskId ? { toDeskId: payload.toDeskId as DeskId } : {}),
      ...(payload.toOperatorId ? { toOperatorId: payload.toOperatorId as StaffId } : {}),
      ...(payload.comment ? { comment: payload.comment } : {}),
      ...(payload.keepPlace !== undefined ? { keepPlace: payload.keepPlace } : {}),
      ...(payload.returnToMe !== undefined ? { returnToMe: payload.returnToMe } : {}),
    }),
    onTicket,
  );
  deskCommand(
    'visit:review-priority',
    (payload, deskId, principal) => ({
      type: 'review-priority',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
      confirmed: payload.confirmed,
    }),
    onTicket,
  );
  deskCommand(
    'visit:postpone',
    (payload, deskId, principal) => ({
      type: 'postpone',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
      minutes: payload.minutes,
    }),
    onTicket,
  );
};
