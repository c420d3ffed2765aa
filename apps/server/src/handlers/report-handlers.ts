/** Reports on screen, for supervisors and administrators. */
import { scopeReportQuery } from '@queue/core';
import type { Ack, Principal } from '@queue/protocol';
import { type HandlerContext, type QueueSocket, refuse } from './handler';
import { on } from './on';

const REPORTS_PREPARING_MESSAGE =
  'Reports are being prepared (after an upgrade or a restore); the queue works meanwhile. Try again in a few minutes.';

/** The query narrowed to what the asker may see, or the refusal. */
const scoped = <Q extends { readonly organisationId?: string | undefined }>(
  context: HandlerContext,
  principal: Principal,
  payload: Q,
  ready: boolean,
): { readonly query: Omit<Q, 'organisationId'> & { organisationId?: string } } | Ack<never> => {
  if (principal.kind !== 'staff') return refuse('FORBIDDEN', 'Only staff run reports.');
  if (!ready) return refuse('REPORTS_PREPARING', REPORTS_PREPARING_MESSAGE);
  const organisationIds = context.staff.byId(principal.staffId)?.organisationIds ?? [];
  const query = scopeReportQuery({ roles: principal.roles, organisationIds }, payload);
  if (!query) return refuse('OTHER_ORGANISATION', 'Choose one of the organisations you work for.');
  return { query };
};

export const registerReportHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'report:run', (payload, principal) => {
    const ready = context.reports.readyFor(payload.from, payload.to);
    const asked = scoped(context, principal, payload, ready);
    return 'query' in asked ? { ok: true, data: context.reports.run(asked.query) } : asked;
  });
  on(socket, context, 'report:staffing', (payload, principal) => {
    const asked = scoped(context, principal, payload, context.reports.ready());
    return 'query' in asked ? { ok: true, data: context.reports.staffing(asked.query) } : asked;
  });
};
