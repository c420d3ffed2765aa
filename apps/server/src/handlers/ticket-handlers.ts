/**
 * Tickets outside a desk: issuing (kiosks and reception), cancelling, moving to another
 * service, and finding one by its number.
 */
import type { ServiceCode, Ticket, TicketId } from '@queue/core';
import { estimateWait } from '@queue/core';
import type { Ack, IssuedTicket } from '@queue/protocol';
import {
  CancelTicketPayload,
  ChangeServicePayload,
  FindTicketPayload,
  IssueTicketPayload,
} from '@queue/protocol';
import { hasRole } from '../auth';
import { newTicketId } from '../secrets';
import {
  type HandlerContext,
  type QueueSocket,
  STAFF_ROLES,
  actorOf,
  failMissing,
  idempotencyOf,
  on,
  refuse,
} from './handler';

export const registerTicketHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { queue, store } = context;

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
};
