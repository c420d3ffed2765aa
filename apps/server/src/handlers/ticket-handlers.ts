/**
 * Tickets outside a desk: issuing (kiosks and reception; with the printer in
 * `issue-handlers.ts`), cancelling, moving to another service, and finding one by its number.
 */
import type { ServiceCode, TicketId } from '@queue/core';
import { Auditor } from '../audit';
import {
  type HandlerContext,
  type QueueSocket,
  actorOf,
  auditAction,
  failMissing,
  idempotencyOf,
} from './handler';
import { on } from './on';
import { registerIssueHandlers } from './issue-handlers';
import { ticketOf } from '@queue/core';

export const registerTicketHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { queue, store } = context;

  registerIssueHandlers(socket, context);

  on(socket, context, 'ticket:cancel', (payload, principal) => {
    const ticketId = payload.ticketId as TicketId;
    const answer = queue.execute(
      { type: 'cancel-ticket', at: queue.now(), actor: actorOf(principal), ticketId, reason: payload.reason },
      (state) => ticketOf(state, ticketId) ?? failMissing(),
      idempotencyOf(principal, 'ticket:cancel', payload.requestId),
    );
    auditAction(socket, context, {
      action: 'ticket:cancel',
      target: `ticket:${ticketId}`,
      details: { ...Auditor.outcome(answer), ...(answer.ok ? { number: answer.data.number } : {}) },
    });
    return answer;
  });

  on(socket, context, 'ticket:change-service', (payload, principal) => {
    const ticketId = payload.ticketId as TicketId;
    const answer = queue.execute(
      {
        type: 'change-service',
        at: queue.now(),
        actor: actorOf(principal),
        ticketId,
        serviceCode: payload.serviceCode as ServiceCode,
        reason: payload.reason,
      },
      (state) => ticketOf(state, ticketId) ?? failMissing(),
      idempotencyOf(principal, 'ticket:change-service', payload.requestId),
    );
    auditAction(socket, context, {
      action: 'ticket:change-service',
      target: `ticket:${ticketId}`,
      details: { ...Auditor.outcome(answer), serviceCode: payload.serviceCode },
    });
    return answer;
  });

  on(socket, context, 'ticket:find', (payload) => {
    const day = queue.state.serviceDay;
    const number = payload.number.toUpperCase();
    return { ok: true, data: day ? store.findTicketsByNumber(day, number) : [] };
  });
};
