/** Reports on screen, for supervisors and administrators. */
import { scopeReportQuery } from '@queue/core';
import { type HandlerContext, type QueueSocket, refuse } from './handler';
import { on } from './on';

const REPORTS_PREPARING_MESSAGE =
  'Reports are being prepared after an upgrade; the queue works meanwhile. Try again in a few minutes.';

export const registerReportHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'report:run', (payload, principal) => {
    if (principal.kind !== 'staff') return refuse('FORBIDDEN', 'Only staff run reports.');
    if (!context.reports.ready()) return refuse('REPORTS_PREPARING', REPORTS_PREPARING_MESSAGE);
    const organisationIds = context.staff.byId(principal.staffId)?.organisationIds ?? [];
    const query = scopeReportQuery({ roles: principal.roles, organisationIds }, payload);
    if (!query) return refuse('OTHER_ORGANISATION', 'Choose one of the organisations you work for.');
    return { ok: true, data: context.reports.run(query) };
  });
};
