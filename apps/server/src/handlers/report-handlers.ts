/** Reports on screen, for supervisors and administrators. */
import type { Ack, ReportView } from '@queue/protocol';
import { ReportRunPayload } from '@queue/protocol';
import { reportOrganisation } from '@queue/core';
import { hasRole } from '../auth';
import { type HandlerContext, type QueueSocket, on, refuse } from './handler';

export const registerReportHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'report:run', ReportRunPayload, (payload, principal): Ack<ReportView> => {
    if (principal.kind !== 'staff' || !hasRole(principal, 'supervisor', 'admin')) {
      return refuse('FORBIDDEN', 'Only supervisors and administrators run reports.');
    }
    const organisationIds = context.staff.byId(principal.staffId)?.organisationIds ?? [];
    const scope = reportOrganisation({ roles: principal.roles, organisationIds }, payload.organisationId);
    if ('refused' in scope) {
      return refuse('OTHER_ORGANISATION', 'Choose one of the organisations you work for.');
    }
    const { organisationId: _asked, ...rest } = payload;
    return {
      ok: true,
      data: context.reports.run({
        ...rest,
        ...(scope.organisationId ? { organisationId: scope.organisationId } : {}),
      }),
    };
  });
};
