/**
 * Reports as files: CSV (UTF-8 with a byte-order mark, so that Excel reads Cyrillic) and
 * XLSX. Both hold exactly the cells the screen shows (`reportCells`): one row per group and
 * a total row. The XLSX adds a sheet of arrivals by hour and weekday and wait buckets, and a
 * sheet naming the period.
 */
import type { Centre, Language } from '@queue/core';
import { REPORT_COLUMNS, groupName, reportCells } from '@queue/core';
import type { ReportView } from '@queue/protocol';
import ExcelJS from 'exceljs';
import { EXPORT_MESSAGES, type ExportMessages } from './export-messages';

export type Cell = string | number | null;

/** How groups the core does not know are headed and named (the city hub's centres). */
export interface GroupNaming {
  readonly heading: (messages: ExportMessages) => string;
  readonly label: (key: string) => string;
}

/** The report's main table: headings, then one row per group, then the total. */
export const reportTable = (
  report: ReportView,
  centre: Centre,
  language: Language,
  groups?: GroupNaming,
): Cell[][] => {
  const messages = EXPORT_MESSAGES[language];
  const naming = {
    centre,
    language,
    operatorNames: report.operatorNames,
    weekdays: messages.weekdays,
    none: messages.none,
    total: messages.total,
  };
  const heading: Cell[] = [
    groups ? groups.heading(messages) : messages.group[report.groupBy],
    ...REPORT_COLUMNS.map((column) => messages.columns[column]),
  ];
  const line = (label: string, cells: ReturnType<typeof reportCells>): Cell[] => [
    label,
    ...REPORT_COLUMNS.map((column) => cells[column]),
  ];
  const rows = report.groupBy === 'total' ? [] : report.rows;
  return [
    heading,
    ...rows.map((row) =>
      line(
        groups ? groups.label(row.key) : groupName(report.groupBy, row.key, naming),
        reportCells(row.figures),
      ),
    ),
    line(messages.total, reportCells(report.total)),
  ];
};

/** What a spreadsheet may read as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (a service or organisation
 * named `=HYPERLINK(…)`, say) gets a leading `'` so that it shows as text; figures, negative
 * ones included, and text that is just a number stay as they are.
 */
export const csvField = (cell: Cell): string => {
  if (cell === null) return '';
  const raw = String(cell);
  const text =
    typeof cell === 'string' && FORMULA_START.test(raw) && !PLAIN_NUMBER.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const reportCsv = (
  report: ReportView,
  centre: Centre,
  language: Language,
  groups?: GroupNaming,
): Buffer =>
  Buffer.from(
    `\uFEFF${reportTable(report, centre, language, groups)
      .map((row) => row.map(csvField).join(','))
      .join('\r\n')}\r\n`,
    'utf8',
  );

export const reportXlsx = async (
  report: ReportView,
  centre: Centre,
  language: Language,
  groups?: GroupNaming,
): Promise<Buffer> => {
  const messages = EXPORT_MESSAGES[language];
  const workbook = new ExcelJS.Workbook();
  const main = workbook.addWorksheet(messages.sheet);
  main.addRows(reportTable(report, centre, language, groups));
  main.getRow(1).font = { bold: true };
  main.getRow(main.rowCount).font = { bold: true };
  main.columns.forEach((column, index) => {
    column.width = index === 0 ? 32 : 14;
  });
  main.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];

  const arrivals = workbook.addWorksheet(messages.arrivalsSheet);
  arrivals.addRow([messages.hour, messages.arrivals]);
  report.arrivalsByHour.forEach((count, hour) =>
    arrivals.addRow([`${String(hour).padStart(2, '0')}:00`, count]),
  );
  arrivals.addRow([]);
  arrivals.addRow([messages.weekday, messages.arrivals]);
  report.arrivalsByWeekday.forEach((count, index) => arrivals.addRow([messages.weekdays[index], count]));
  arrivals.addRow([]);
  arrivals.addRow([messages.visits, '']);
  const buckets = report.waitDistribution;
  buckets.forEach((bucket, index) => {
    const previous = buckets[index - 1]?.upToMinutes ?? 0;
    arrivals.addRow([
      bucket.upToMinutes === null ? messages.waitOver(previous) : messages.waitUpTo(bucket.upToMinutes),
      bucket.count,
    ]);
  });
  arrivals.getColumn(1).width = 28;

  const period = workbook.addWorksheet(messages.periodSheet);
  const organisation = report.organisationId
    ? (centre.organisations.find((entry) => entry.id === report.organisationId)?.name[language] ??
      report.organisationId)
    : messages.all;
  period.addRows([
    [messages.from, report.from],
    [messages.to, report.to],
    [messages.group.total, groups ? groups.heading(messages) : messages.group[report.groupBy]],
    [messages.organisation, organisation],
  ]);
  period.getColumn(1).width = 20;
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
