/** The report's figures: one row per group and the total, the same cells the exports hold. */
import type { Centre } from '@queue/core';
import { REPORT_COLUMNS, groupName, reportCells } from '@queue/core';
import type { ReportView } from '@queue/protocol';
import { useLanguage, useT } from '@queue/ui';
import { WEEKDAY_KEYS } from './weekdays';

interface Props {
  readonly report: ReportView;
  readonly centre: Centre;
}

const show = (value: number | null): string => (value === null ? '—' : String(value));

export const ReportTable = ({ report, centre }: Props) => {
  const t = useT();
  const language = useLanguage();
  const naming = {
    centre,
    language,
    operatorNames: report.operatorNames,
    weekdays: WEEKDAY_KEYS.map((key) => t(key)),
    none: t('reports.none'),
    total: t('reports.totalRow'),
  };
  const rows = report.groupBy === 'total' ? [] : report.rows;
  return (
    <div className="report-table__scroll" tabIndex={0} role="region" aria-label={t('reports.tableLabel')}>
      <table className="report-table" data-testid="report-table">
        <thead>
          <tr>
            <th scope="col">{t(`reports.group.${report.groupBy}`)}</th>
            {REPORT_COLUMNS.map((column) => (
              <th scope="col" key={column}>
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
                <th scope="row">{groupName(report.groupBy, row.key, naming)}</th>
                {REPORT_COLUMNS.map((column) => (
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
            {REPORT_COLUMNS.map((column) => (
              <td key={column} data-column={column}>
                {show(reportCells(report.total)[column])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
};
