/** Reports on screen, for supervisors and administrators. */
import type { Ack, ReportView } from '@queue/protocol';
import { ReportRunPayload } from '@queue/protocol';
import { hasRole } from '../auth';
import { type HandlerContext, type QueueSocket, on, refuse } from './handler';

export const registerReportHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'report:run', ReportRunPayload, (payload, principal): Ack<ReportView> => {
    if (principal.kind !== 'staff' || !hasRole(principal, 'supervisor', 'admin')) {
      return refuse('FORBIDDEN', 'Only supervisors and administrators run reports.');
    }
    return { ok: true, data: context.reports.run(payload) };
  });
};
