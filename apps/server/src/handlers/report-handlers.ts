/** Reports on screen, for supervisors and administrators. */
import type { Ack, ReportView } from '@queue/protocol';
import { ReportRunPayload } from '@queue/protocol';
import { scopeReportQuery } from '@queue/core';
import { hasRole } from '../auth';
import { type HandlerContext, type QueueSocket, on, refuse } from './handler';

export const registerReportHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'report:run', ReportRunPayload, (payload, principal): Ack<ReportView> => {
    if (principal.kind !== 'staff' || !hasRole(principal, 'supervisor', 'admin')) {
      return refuse('FORBIDDEN', 'Only supervisors and administrators run reports.');
    }
    const organisationIds = context.staff.byId(principal.staffId)?.organisationIds ?? [];
    const query = scopeReportQuery({ roles: principal.roles, organisationIds }, payload);
    if (!query) return refuse('OTHER_ORGANISATION', 'Choose one of the organisations you work for.');
    return { ok: true, data: context.reports.run(query) };
  });
};
