/**
 * Socket event handlers: each one validates its payload with the protocol's schema, checks
 * the caller's role, turns the request into a queue command and answers with an
 * acknowledgement. Nothing a client sends can crash the server: every failure becomes an
 * `{ ok: false, error }` answer.
 */
import type { DeskId, QueueCommand, QueueState, ServiceCode, StaffId, Ticket, TicketId } from '@queue/core';
import { estimateWait } from '@queue/core';
import type { QueueStore } from '@queue/db';
import type {
  Ack,
  ClientToServerEvents,
  IssuedTicket,
  Principal,
  ServerToClientEvents,
  VisitAnswer,
  WireError,
} from '@queue/protocol';
import {
  CallNextPayload,
  CallTicketPayload,
  CancelTicketPayload,
  ChangeServicePayload,
  CompletePayload,
  DeskOpenPayload,
  DeskPausePayload,
  DeskPlainPayload,
  FindTicketPayload,
  IssueTicketPayload,
  PostponePayload,
  ReviewPriorityPayload,
  SyncSincePayload,
  TransferPayload,
  VisitPayload,
} from '@queue/protocol';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { hasRole, principalKey } from './auth';
import type { Logger } from './logger';
import { internalError, type QueueService } from './queue-service';
import { newTicketId } from './secrets';
import { buildSnapshot, catchUp } from './sync';

export type QueueSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { principal: Principal }
>;

interface Context {
  readonly queue: QueueService;
  readonly store: QueueStore;
  readonly logger: Logger;
}

const refuse = (code: WireError['code'], message: string): Ack<never> => ({
  ok: false,
  error: { code, message },
});

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    .join('; ');

/**
 * Register one event: validate, run, answer. A client that sends no callback gets no answer,
 * but its command is still validated and carried out (or refused) safely.
 */
const on = <S extends z.ZodType, T>(
  socket: QueueSocket,
  context: Context,
  name: keyof ClientToServerEvents,
  schema: S,
  run: (payload: z.infer<S>, principal: Principal) => Ack<T>,
): void => {
  (socket as unknown as { on(name: string, listener: (...args: unknown[]) => void): void }).on(
    name,
    (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (answer: Ack<T>) => void) : undefined;
      const answer = (() => {
        try {
          const parsed = schema.safeParse(args.length > 1 || !ack ? args[0] : undefined);
          if (!parsed.success)
            return refuse('BAD_REQUEST', `Invalid ${name}: ${describeIssues(parsed.error)}`);
          return run(parsed.data, socket.data.principal);
        } catch (error) {
          context.logger.error('handler failed', { event: name, error: String(error) });
          return { ok: false, error: internalError } as Ack<T>;
        }
      })();
      if (!answer.ok && answer.error.code !== 'BAD_REQUEST') {
        context.logger.debug('refused', { event: name, code: answer.error.code });
      }
      ack?.(answer);
    },
  );
};

const emptyPayload = z.union([z.strictObject({}), z.undefined()]);

const STAFF_ROLES = ['operator', 'reception', 'supervisor', 'admin'] as const;

/** The desk a staff command acts at: the caller's own, or any for supervisors and admins. */
const resolveDesk = (principal: Principal, requested: string | undefined): DeskId | WireError => {
  if (principal.kind !== 'staff' || !hasRole(principal, ...STAFF_ROLES)) {
    return { code: 'FORBIDDEN', message: 'Only staff act at desks.' };
  }
  const own = principal.deskId;
  if (requested === undefined || requested === own) {
    return own ?? { code: 'BAD_REQUEST', message: 'This session is not bound to a desk; log in at a desk.' };
  }
  if (hasRole(principal, 'supervisor', 'admin')) return requested as DeskId;
  return { code: 'FORBIDDEN', message: 'You can act only at your own desk.' };
};

/**
 * Request ids are remembered per principal and per command, so that an id reused for another
 * command is carried out rather than answered with the other command's (differently shaped) answer.
 */
const idempotencyOf = (principal: Principal, name: keyof ClientToServerEvents, requestId: string) => ({
  principal: principalKey(principal),
  requestId: `${name}:${requestId}`,
});

const isError = (value: unknown): value is WireError =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value;

const actorOf = (principal: Principal): QueueCommand['actor'] =>
  principal.kind === 'staff'
    ? { kind: 'staff', staffId: principal.staffId }
    : { kind: 'device', deviceId: principal.deviceId };

const visitAnswer =
  (deskId: DeskId, ticketId?: string) =>
  (state: QueueState): VisitAnswer => {
    const desk = state.desks[deskId] ?? { id: deskId, status: 'closed' as const, privilegedStreak: 0 };
    const id = (ticketId ?? desk.currentTicketId) as TicketId | undefined;
    const ticket = id ? state.tickets[id] : undefined;
    return { desk, ...(ticket ? { ticket } : {}) };
  };

export const registerHandlers = (socket: QueueSocket, context: Context): void => {
  const { queue, store } = context;

  on(socket, context, 'sync:snapshot', emptyPayload, (_payload, principal) => ({
    ok: true,
    data: buildSnapshot(queue, store, principal),
  }));

  on(socket, context, 'sync:since', SyncSincePayload, (payload, principal) => ({
    ok: true,
    data: catchUp(queue, store, principal, payload),
  }));

  on(socket, context, 'ticket:issue', IssueTicketPayload, (payload, principal): Ack<IssuedTicket> => {
    const isKiosk = hasRole(principal, 'kiosk');
    const isReception = hasRole(principal, 'reception', 'admin', 'supervisor');
    if (!isKiosk && !isReception) return refuse('FORBIDDEN', 'Only kiosks and reception issue tickets.');
    if (isKiosk && !isReception && (payload.itinerary?.length || payload.note)) {
      return refuse('FORBIDDEN', 'A kiosk issues single-service tickets only.');
    }
    const ticketId = newTicketId() as TicketId;
    return queue.execute(
      {
        type: 'issue-ticket',
        at: queue.now(),
        actor: actorOf(principal),
        ticketId,
        serviceCode: payload.serviceCode as ServiceCode,
        source: isReception ? 'reception' : 'kiosk',
        ...(payload.priority
          ? {
              priority: {
                category: payload.priority.category,
                // Staff see the document; a kiosk claim is confirmed later at the desk.
                confirmed: isReception,
                ...(payload.priority.reason ? { reason: payload.priority.reason } : {}),
              },
            }
          : {}),
        ...(payload.itinerary ? { itinerary: payload.itinerary as ServiceCode[] } : {}),
        ...(payload.note ? { note: payload.note } : {}),
      },
      (state) => {
        const ticket = state.tickets[ticketId];
        if (!ticket) throw new Error('issued ticket missing from state');
        return {
          ticket,
          estimate: estimateWait(queue.centre, state, ticket.serviceCode, ticket.issuedAt, ticket),
          statusPath: `/t/${ticket.id}`,
        };
      },
      idempotencyOf(principal, 'ticket:issue', payload.requestId),
    );
  });

  on(socket, context, 'ticket:cancel', CancelTicketPayload, (payload, principal) => {
    if (!hasRole(principal, 'reception', 'supervisor', 'admin')) {
      return refuse('FORBIDDEN', 'Only reception and supervisors cancel tickets.');
    }
    const ticketId = payload.ticketId as TicketId;
    return queue.execute(
      { type: 'cancel-ticket', at: queue.now(), actor: actorOf(principal), ticketId, reason: payload.reason },
      (state) => state.tickets[ticketId] ?? failMissing(),
      idempotencyOf(principal, 'ticket:cancel', payload.requestId),
    );
  });

  on(socket, context, 'ticket:change-service', ChangeServicePayload, (payload, principal) => {
    if (!hasRole(principal, 'reception', 'supervisor', 'admin')) {
      return refuse('FORBIDDEN', 'Only reception and supervisors move tickets between services.');
    }
    const ticketId = payload.ticketId as TicketId;
    return queue.execute(
      {
        type: 'change-service',
        at: queue.now(),
        actor: actorOf(principal),
        ticketId,
        serviceCode: payload.serviceCode as ServiceCode,
        reason: payload.reason,
      },
      (state) => state.tickets[ticketId] ?? failMissing(),
      idempotencyOf(principal, 'ticket:change-service', payload.requestId),
    );
  });

  on(socket, context, 'ticket:find', FindTicketPayload, (payload, principal): Ack<Ticket[]> => {
    if (!hasRole(principal, ...STAFF_ROLES)) return refuse('FORBIDDEN', 'Only staff look tickets up.');
    const day = queue.state.serviceDay;
    const number = payload.number.toUpperCase();
    return { ok: true, data: day ? store.findTicketsByNumber(day, number) : [] };
  });

  const deskCommand = <S extends z.ZodType<{ requestId: string; deskId?: string | undefined }>>(
    name: keyof ClientToServerEvents,
    schema: S,
    build: (payload: z.infer<S>, deskId: DeskId, principal: Principal) => QueueCommand | WireError,
    ticketOf?: (payload: z.infer<S>) => string,
  ): void =>
    on(socket, context, name, schema, (payload, principal): Ack<VisitAnswer> => {
      const deskId = resolveDesk(principal, payload.deskId);
      if (isError(deskId)) return { ok: false, error: deskId };
      const command = build(payload, deskId, principal);
      if (isError(command)) return { ok: false, error: command };
      return queue.execute(
        command,
        visitAnswer(deskId, ticketOf?.(payload)),
        idempotencyOf(principal, name, payload.requestId),
      );
    });

  const base = (deskId: DeskId, principal: Principal) => ({
    at: queue.now(),
    actor: actorOf(principal),
    deskId,
  });

  deskCommand('desk:open', DeskOpenPayload, (_payload, deskId, principal) =>
    principal.kind === 'staff'
      ? { type: 'open-desk', ...base(deskId, principal), operatorId: principal.staffId as StaffId }
      : { code: 'FORBIDDEN', message: 'Only staff open desks.' },
  );
  deskCommand('desk:pause', DeskPausePayload, (payload, deskId, principal) => ({
    type: 'pause-desk',
    ...base(deskId, principal),
    reason: payload.reason,
  }));
  deskCommand('desk:resume', DeskPlainPayload, (_payload, deskId, principal) => ({
    type: 'resume-desk',
    ...base(deskId, principal),
  }));
  deskCommand('desk:close', DeskPlainPayload, (_payload, deskId, principal) => ({
    type: 'close-desk',
    ...base(deskId, principal),
  }));
  deskCommand('visit:call-next', CallNextPayload, (_payload, deskId, principal) => ({
    type: 'call-next',
    ...base(deskId, principal),
  }));
  const onTicket = (payload: { ticketId: string }) => payload.ticketId;
  deskCommand(
    'visit:call',
    CallTicketPayload,
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
    VisitPayload,
    (payload, deskId, principal) => ({
      type: 'recall',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
    }),
    onTicket,
  );
  deskCommand(
    'visit:start',
    VisitPayload,
    (payload, deskId, principal) => ({
      type: 'start-serving',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
    }),
    onTicket,
  );
  deskCommand(
    'visit:complete',
    CompletePayload,
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
    VisitPayload,
    (payload, deskId, principal) => ({
      type: 'mark-no-show',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
    }),
    onTicket,
  );
  deskCommand(
    'visit:transfer',
    TransferPayload,
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
    ReviewPriorityPayload,
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
    PostponePayload,
    (payload, deskId, principal) => ({
      type: 'postpone',
      ...base(deskId, principal),
      ticketId: payload.ticketId as TicketId,
      minutes: payload.minutes,
    }),
    onTicket,
  );
};

const failMissing = (): never => {
  throw new Error('ticket vanished after a successful command');
};
