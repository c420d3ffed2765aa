/** The audit log, for administrators only: a page at a time, newest first. */
import type { HandlerContext, QueueSocket } from './handler';
import { on } from './on';

export const registerAuditHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'audit:list', (payload) => ({
    ok: true,
    data: context.audit.list({
      ...(payload.before !== undefined ? { before: payload.before } : {}),
      ...(payload.limit !== undefined ? { limit: payload.limit } : {}),
      ...(payload.action !== undefined ? { action: payload.action } : {}),
    }),
  }));
};
