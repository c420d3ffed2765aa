/**
 * `GET /api/reports/export?from=…&to=…&groupBy=…&format=csv|xlsx[&organisationId=…][&lang=…]`
 * with the staff session token as `Authorization: Bearer …`. Supervisors and administrators
 * only; every export is written to the audit log (a file of figures leaves the system).
 */
import { type Centre, type Instant, scopeReportQuery } from '@queue/core';
import { ReportExportQuery } from '@queue/protocol';
import { Auditor } from '../audit';
import { type Authenticator, hasRole } from '../auth';
import { bearer, sendError } from '@queue/http';
import { type Route, route } from '../http-routes';
import { describeIssues } from '@queue/http';
import type { Logger } from '../logger';
import { reportCsv, reportXlsx } from '@queue/report-files';
import type { ReportService } from './report-service';

export interface ReportExportDeps {
  readonly auth: Authenticator;
  readonly reports: ReportService;
  readonly audit: Auditor;
  readonly logger: Logger;
  readonly centre: () => Centre;
  readonly now: () => Instant;
  /** The organisations a member of staff works for (none: all). */
  readonly organisationsOf: (staffId: string) => readonly string[];
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const reportExportRoute = (deps: ReportExportDeps): Route =>
  route('GET', '/api/reports/export', async ({ request, response, url, address }) => {
    const principal = deps.auth.authenticate(bearer(request), deps.now());
    if (!principal) return sendError(response, 401, 'UNAUTHENTICATED', 'Log in first.');
    if (principal.kind !== 'staff' || !hasRole(principal, 'supervisor', 'admin')) {
      deps.audit.recordCoalesced(`forbidden ${Auditor.actor(principal)} report:export`, {
        actor: Auditor.actor(principal),
        action: 'command:forbidden',
        target: 'report:export',
        address,
      });
      return sendError(response, 403, 'FORBIDDEN', 'Only supervisors and administrators export reports.');
    }
    if (!deps.reports.ready()) {
      return sendError(response, 503, 'REPORTS_PREPARING', 'Reports are being prepared after an upgrade.');
    }
    const parsed = ReportExportQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      const detail = describeIssues(parsed.error, 'query');
      return sendError(response, 400, 'BAD_REQUEST', `Invalid report export: ${detail}`);
    }
    const { format, lang, ...asked } = parsed.data;
    const member = { roles: principal.roles, organisationIds: deps.organisationsOf(principal.staffId) };
    const query = scopeReportQuery(member, asked);
    if (!query) {
      return sendError(response, 403, 'OTHER_ORGANISATION', 'Choose one of the organisations you work for.');
    }
    if (!deps.reports.readyFor(query.from, query.to)) {
      return sendError(
        response,
        503,
        'REPORTS_PREPARING',
        'Reports are being prepared; try again in a few minutes.',
      );
    }
    const report = deps.reports.run(query);
    const centre = deps.centre();
    const language = lang ?? 'uk';
    const body =
      format === 'csv' ? reportCsv(report, centre, language) : await reportXlsx(report, centre, language);
    deps.audit.record({
      actor: Auditor.actor(principal),
      action: 'report:export',
      target: `${query.from}..${query.to}`,
      details: {
        format,
        groupBy: query.groupBy,
        ...(query.organisationId ? { organisationId: query.organisationId } : {}),
      },
      address,
    });
    deps.logger.info('report exported', { format, from: query.from, to: query.to, groupBy: query.groupBy });
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="report-${query.from}-${query.to}-${query.groupBy}.${format}"`,
      'cache-control': 'no-store',
    });
    response.end(body);
  });
