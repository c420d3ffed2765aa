/** The audit log, for administrators only: a page at a time, newest first. */
import type { Ack, AuditRecord } from '@queue/protocol';
import { AuditListPayload } from '@queue/protocol';
import { hasRole } from '../auth';
import { type HandlerContext, type QueueSocket, on, refuse } from './handler';

export const registerAuditHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'audit:list', AuditListPayload, (payload, principal): Ack<AuditRecord[]> => {
    if (principal.kind !== 'staff' || !hasRole(principal, 'admin')) {
      return refuse('FORBIDDEN', 'Only administrators read the audit log.');
    }
    return {
      ok: true,
      data: context.audit.list({
        ...(payload.before !== undefined ? { before: payload.before } : {}),
        ...(payload.limit !== undefined ? { limit: payload.limit } : {}),
        ...(payload.action !== undefined ? { action: payload.action } : {}),
      }),
    };
  });
};
