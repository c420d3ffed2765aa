/**
 * Which of the report's columns the table shows: the reader's choice, kept on this computer
 * (localStorage) between sessions. The exports always hold every column; this is the screen's.
 * By default the columns most asked for, few enough to fit 1366 px beside the group's name.
 */
import { REPORT_COLUMNS, type ReportColumn } from '@queue/core';

export const COLUMNS_KEY = 'queue.desk.report.columns';

export const DEFAULT_COLUMNS: readonly ReportColumn[] = [
  'issued',
  'served',
  'noShow',
  'waitMean',
  'waitMax',
  'serviceMean',
  'withinStandardPercent',
  'ratingsMean',
];

const isColumn = (value: unknown): value is ReportColumn =>
  typeof value === 'string' && (REPORT_COLUMNS as readonly string[]).includes(value);

/** The columns in the table's own order, each once. */
export const inTableOrder = (columns: readonly ReportColumn[]): ReportColumn[] =>
  REPORT_COLUMNS.filter((column) => columns.includes(column));

/** A saved choice read back: unknown names dropped; nothing saved or unreadable is the default. */
export const parseColumns = (saved: string | null): ReportColumn[] => {
  if (saved === null) return [...DEFAULT_COLUMNS];
  try {
    const value: unknown = JSON.parse(saved);
    if (!Array.isArray(value)) return [...DEFAULT_COLUMNS];
    return inTableOrder(value.filter(isColumn));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
};

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export const loadColumns = (storage: Store | undefined): ReportColumn[] => {
  try {
    return parseColumns(storage?.getItem(COLUMNS_KEY) ?? null);
  } catch {
    return [...DEFAULT_COLUMNS];
  }
};

export const saveColumns = (storage: Store | undefined, columns: readonly ReportColumn[]): void => {
  try {
    storage?.setItem(COLUMNS_KEY, JSON.stringify(inTableOrder(columns)));
  } catch {
    // Without storage the choice lasts until the app is closed.
  }
};

/** The choice with `column` shown (`on`) or hidden. */
export const withColumn = (
  columns: readonly ReportColumn[],
  column: ReportColumn,
  on: boolean,
): ReportColumn[] => inTableOrder(on ? [...columns, column] : columns.filter((entry) => entry !== column));
