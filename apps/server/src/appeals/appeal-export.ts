/**
 * The appeals journal and report as files. The journal is an XLSX in the columns of the
 * paper form centres keep (number, date received, classification, applicant's name and
 * address, summary, result, in whose favour), plus status and due date; the report is CSV
 * or XLSX with the same figures the screen shows.
 *
 * `GET /api/appeals/export?kind=journal|report&from=…&to=…&format=csv|xlsx[&dimension=…]
 * [&organisationId=…][&lang=…]` with the staff session as `Authorization: Bearer …`:
 * supervisors and administrators, within their organisations; every export is audited.
 */
import {
  APPEAL_REPORT_COLUMNS,
  type AppealMember,
  type AppealReportRow,
  type Centre,
  type Instant,
  type Language,
  maySeeApplicant,
} from '@queue/core';
import type { AppealStore, StoredAppeal } from '@queue/db';
import { AppealExportQuery } from '@queue/protocol';
import ExcelJS from 'exceljs';
import { Auditor } from '../audit';
import { type Authenticator, hasRole } from '../auth';
import { bearer, sendError } from '@queue/http';
import { type Route, route } from '../http-routes';
import type { Logger } from '../logger';
import { type Cell, csvField } from '@queue/report-files';
import { describeIssues } from '@queue/http';
import type { AppealService } from './appeal-service';
import { APPEAL_EXPORT_MESSAGES } from './export-messages';
import { localDate, localDateTime } from './receipt';

/** `2026/17` as a sortable figure: the year, then the sequence within it. */
const byNumber = (number: string): number => {
  const [year, sequence] = number.split('/').map(Number);
  return (year ?? 0) * 10_000_000 + (sequence ?? 0);
};

/** The most rows one journal file holds; a longer period is exported in parts. */
export const MAX_JOURNAL_ROWS = 50_000;

const topicName = (centre: Centre, stored: StoredAppeal, language: Language): string => {
  const { topic } = stored.appeal;
  const service = topic.serviceCode && centre.services.find((entry) => entry.code === topic.serviceCode);
  if (service) return service.name[language];
  return (
    centre.organisations.find((entry) => entry.id === topic.organisationId)?.name[language] ??
    topic.organisationId
  );
};

export const journalTable = (
  appeals: readonly StoredAppeal[],
  centre: Centre,
  language: Language,
  viewer: AppealMember,
): Cell[][] => {
  const messages = APPEAL_EXPORT_MESSAGES[language];
  const { journal } = messages;
  const heading: Cell[] = [
    journal.number,
    journal.received,
    journal.classification,
    journal.applicant,
    journal.summary,
    journal.result,
    journal.favour,
    journal.status,
    journal.due,
  ];
  const rows = appeals.map((stored): Cell[] => {
    const { appeal, applicant } = stored;
    const resolution = appeal.resolution;
    const person = stored.purged
      ? messages.cleared
      : maySeeApplicant(viewer, appeal)
        ? [applicant.name, applicant.address].filter(Boolean).join(', ')
        : '';
    const result =
      resolution?.kind === 'answered'
        ? resolution.result
        : resolution?.kind === 'dismissed'
          ? [messages.grounds[resolution.ground], resolution.note].filter(Boolean).join(': ')
          : appeal.forwarded
            ? `${messages.statuses.forwarded}: ${appeal.forwarded.body}`
            : '';
    return [
      appeal.number,
      localDateTime(appeal.receivedAt, centre.site.timeZone),
      `${appeal.appealClass ?? messages.unclassified} · ${topicName(centre, stored, language)}`,
      person,
      appeal.summary,
      result,
      resolution?.kind === 'answered' ? messages.favours[resolution.favour] : '',
      messages.statuses[appeal.status],
      localDate(appeal.answerDueDay),
    ];
  });
  return [heading, ...rows];
};

const groupLabel = (
  centre: Centre,
  row: AppealReportRow,
  dimension: string,
  language: Language,
  staffName: (id: string) => string | undefined,
): string => {
  const messages = APPEAL_EXPORT_MESSAGES[language];
  switch (dimension) {
    case 'organisation':
      return centre.organisations.find((entry) => entry.id === row.key)?.name[language] ?? row.key;
    case 'topic': {
      if (row.key.startsWith('organisation:')) {
        const id = row.key.slice('organisation:'.length);
        return centre.organisations.find((entry) => entry.id === id)?.name[language] ?? id;
      }
      return centre.services.find((entry) => entry.code === row.key)?.name[language] ?? row.key;
    }
    case 'class':
      return row.key === 'unclassified' ? messages.unclassified : row.key;
    case 'channel':
      return messages.channels[row.key as keyof typeof messages.channels] ?? row.key;
    case 'person':
      return row.key === 'unassigned' ? messages.unassigned : (staffName(row.key) ?? row.key);
    default:
      return messages.total;
  }
};

export const reportTable = (
  report: { readonly rows: readonly AppealReportRow[]; readonly total: AppealReportRow },
  dimension: string,
  centre: Centre,
  language: Language,
  staffName: (id: string) => string | undefined,
): Cell[][] => {
  const messages = APPEAL_EXPORT_MESSAGES[language];
  const line = (label: string, row: AppealReportRow): Cell[] => [
    label,
    ...APPEAL_REPORT_COLUMNS.map((column) => row[column]),
  ];
  return [
    [
      messages.dimension[dimension as keyof typeof messages.dimension] ?? messages.total,
      ...APPEAL_REPORT_COLUMNS.map((column) => messages.columns[column]),
    ],
    ...(dimension === 'total'
      ? []
      : report.rows.map((row) => line(groupLabel(centre, row, dimension, language, staffName), row))),
    line(messages.total, report.total),
  ];
};

export const csvOf = (table: readonly Cell[][]): Buffer =>
  Buffer.from(`\uFEFF${table.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');

export const xlsxOf = async (
  sheet: string,
  table: readonly Cell[][],
  widths: readonly number[],
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const main = workbook.addWorksheet(sheet);
  main.addRows(table as Cell[][]);
  main.getRow(1).font = { bold: true };
  main.columns.forEach((column, index) => {
    column.width = widths[index] ?? 16;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  main.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface AppealExportDeps {
  readonly auth: Authenticator;
  readonly appeals: AppealService;
  readonly store: AppealStore;
  readonly audit: Auditor;
  readonly logger: Logger;
  readonly centre: () => Centre;
  readonly now: () => Instant;
  readonly organisationsOf: (staffId: string) => readonly string[];
  readonly staffName: (staffId: string) => string | undefined;
}

export const appealExportRoute = (deps: AppealExportDeps): Route =>
  route('GET', '/api/appeals/export', async ({ request, response, url, address }) => {
    const principal = deps.auth.authenticate(bearer(request), deps.now());
    if (!principal) return sendError(response, 401, 'UNAUTHENTICATED', 'Log in first.');
    if (principal.kind !== 'staff' || !hasRole(principal, 'supervisor', 'admin')) {
      deps.audit.recordCoalesced(`forbidden ${Auditor.actor(principal)} appeal:export`, {
        actor: Auditor.actor(principal),
        action: 'command:forbidden',
        target: 'appeal:export',
        address,
      });
      return sendError(response, 403, 'FORBIDDEN', 'Only supervisors and administrators export appeals.');
    }
    const parsed = AppealExportQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      return sendError(
        response,
        400,
        'BAD_REQUEST',
        `Invalid appeals export: ${describeIssues(parsed.error, 'query')}`,
      );
    }
    const query = parsed.data;
    const member: AppealMember = {
      staffId: principal.staffId,
      roles: principal.roles,
      organisationIds: deps.organisationsOf(principal.staffId),
    };
    const unrestricted = member.roles.includes('admin') || member.organisationIds.length === 0;
    if (query.organisationId && !unrestricted && !member.organisationIds.includes(query.organisationId)) {
      return sendError(response, 403, 'OTHER_ORGANISATION', 'Choose one of the organisations you work for.');
    }
    const scope = query.organisationId
      ? [query.organisationId]
      : unrestricted
        ? undefined
        : member.organisationIds;
    const centre = deps.centre();
    const language = query.lang ?? 'uk';
    const messages = APPEAL_EXPORT_MESSAGES[language];
    let body: Buffer;
    if (query.kind === 'journal') {
      if (query.format !== 'xlsx')
        return sendError(response, 400, 'BAD_REQUEST', 'The journal is exported as XLSX.');
      const { appeals, total } = deps.store.list({
        from: query.from,
        to: query.to,
        ...(scope ? { organisationIds: scope } : {}),
        limit: MAX_JOURNAL_ROWS,
      });
      if (total > MAX_JOURNAL_ROWS) {
        return sendError(
          response,
          400,
          'BAD_REQUEST',
          `More than ${MAX_JOURNAL_ROWS} appeals: export a shorter period.`,
        );
      }
      // The paper journal runs in number order.
      const ordered = [...appeals].sort((a, b) => byNumber(a.appeal.number) - byNumber(b.appeal.number));
      body = await xlsxOf(
        messages.journalSheet,
        journalTable(ordered, centre, language, member),
        [12, 18, 36, 36, 40, 48, 16, 22, 14],
      );
    } else {
      const dimension = query.dimension ?? 'organisation';
      const report = deps.appeals.report(
        {
          from: query.from,
          to: query.to,
          dimension,
          ...(query.organisationId ? { organisationId: query.organisationId } : {}),
        },
        member,
      );
      if (!report.ok) return sendError(response, 400, report.error.code, report.error.message);
      const table = reportTable(report.data, dimension, centre, language, deps.staffName);
      body = query.format === 'csv' ? csvOf(table) : await xlsxOf(messages.reportSheet, table, [36]);
    }
    deps.audit.record({
      actor: Auditor.actor(principal),
      action: 'appeal:export',
      target: `${query.from}..${query.to}`,
      details: {
        kind: query.kind,
        format: query.format,
        ...(query.organisationId ? { organisationId: query.organisationId } : {}),
      },
      address,
    });
    deps.logger.info('appeals exported', {
      kind: query.kind,
      format: query.format,
      from: query.from,
      to: query.to,
    });
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[query.format],
      'content-disposition': `attachment; filename="appeals-${query.kind}-${query.from}-${query.to}.${query.format}"`,
      'cache-control': 'no-store',
    });
    response.end(body);
  });
