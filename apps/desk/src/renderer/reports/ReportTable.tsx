/**
 * The report's figures: one row per group and the total, the same cells the exports hold. The
 * reader chooses which columns show (kept on this computer); the rest scroll sideways inside
 * the table's own box, with the group's name held at the left. The exports hold every column.
 */
import type { Centre, ReportColumn } from '@queue/core';
import { REPORT_COLUMNS, groupName, reportCells } from '@queue/core';
import type { ReportView } from '@queue/protocol';
import { useLanguage, useT } from '@queue/ui';
import { useState } from 'react';
import { DEFAULT_COLUMNS, loadColumns, saveColumns, withColumn } from './column-choice';
import { formatDay } from './date-format';
import { WEEKDAY_KEYS } from './weekdays';

interface Props {
  readonly report: ReportView;
  readonly centre: Centre;
}

const show = (value: number | null): string => (value === null ? '—' : String(value));

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export const ReportTable = ({ report, centre }: Props) => {
  const t = useT();
  const language = useLanguage();
  const [columns, setColumns] = useState<readonly ReportColumn[]>(() => loadColumns(storage()));
  const choose = (next: readonly ReportColumn[]): void => {
    setColumns(next);
    saveColumns(storage(), next);
  };
  const naming = {
    centre,
    language,
    operatorNames: report.operatorNames,
    weekdays: WEEKDAY_KEYS.map((key) => t(key)),
    none: t('reports.none'),
    total: t('reports.totalRow'),
  };
  const nameOf = (key: string): string =>
    report.groupBy === 'day' && key !== ''
      ? formatDay(key, language)
      : groupName(report.groupBy, key, naming);
  const rows = report.groupBy === 'total' ? [] : report.rows;
  const shown = REPORT_COLUMNS.filter((column) => columns.includes(column));
  return (
    <>
      <details className="report-columns" data-testid="report-columns">
        <summary>{t('reports.columns', { shown: shown.length, total: REPORT_COLUMNS.length })}</summary>
        <fieldset className="report-columns__set">
          <legend>{t('reports.columns.legend')}</legend>
          <div className="report-columns__grid">
            {REPORT_COLUMNS.map((column) => (
              <label key={column} className="report-columns__choice">
                <input
                  type="checkbox"
                  name="report-column"
                  value={column}
                  checked={columns.includes(column)}
                  onChange={(event) => choose(withColumn(columns, column, event.target.checked))}
                />
                {t(`reports.col.${column}`)}
              </label>
            ))}
          </div>
          <div className="report-columns__actions">
            <button type="button" className="button button--small" onClick={() => choose(REPORT_COLUMNS)}>
              {t('reports.columns.all')}
            </button>
            <button type="button" className="button button--small" onClick={() => choose(DEFAULT_COLUMNS)}>
              {t('reports.columns.default')}
            </button>
            <span className="report-columns__note">{t('reports.columns.note')}</span>
          </div>
        </fieldset>
      </details>
      <div className="report-table__scroll" tabIndex={0} role="region" aria-label={t('reports.tableLabel')}>
        <table className="report-table" data-testid="report-table">
          <thead>
            <tr>
              <th scope="col">{t(`reports.group.${report.groupBy}`)}</th>
              {shown.map((column) => (
                <th scope="col" key={column} data-column={column}>
                  {t(`reports.col.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const cells = reportCells(row.figures);
              return (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row" className={report.groupBy === 'day' ? 'report-table__day' : undefined}>
                    {nameOf(row.key)}
                  </th>
                  {shown.map((column) => (
                    <td key={column} data-column={column}>
                      {show(cells[column])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-key="total">
              <th scope="row">{t('reports.totalRow')}</th>
              {shown.map((column) => (
                <td key={column} data-column={column}>
                  {show(reportCells(report.total)[column])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
};
