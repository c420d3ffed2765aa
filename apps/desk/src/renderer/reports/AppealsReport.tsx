/**
 * The appeals report under the visit reports: the same period, grouped by organisation,
 * topic, class, channel or responsible person, with the journal and the report as files.
 */
import type { QueueConnection } from '@queue/client';
import {
  APPEAL_REPORT_COLUMNS,
  APPEAL_REPORT_DIMENSIONS,
  type AppealReportDimension,
  type AppealReportRow,
  type Centre,
} from '@queue/core';
import type { AppealReportAnswer } from '@queue/protocol';
import { useLanguage, useLocalize, useT } from '@queue/ui';
import { useState } from 'react';
import { downloadAppeals } from './export-download';
import type { Period } from './period';

interface Props {
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly token: string;
  readonly period: Period;
  readonly organisationId: string;
}

type Status = 'idle' | 'running' | 'failed' | 'exportFailed';

const show = (value: number | null): string => (value === null ? '—' : String(value));

export const AppealsReport = ({ centre, connection, online, token, period, organisationId }: Props) => {
  const t = useT();
  const language = useLanguage();
  const localize = useLocalize();
  const [dimension, setDimension] = useState<AppealReportDimension>('organisation');
  const [report, setReport] = useState<AppealReportAnswer & { readonly dimension: AppealReportDimension }>();
  const [status, setStatus] = useState<Status>('idle');
  const scope = organisationId ? { organisationId } : {};

  const run = async (): Promise<void> => {
    if (!connection) return;
    setStatus('running');
    const answer = await connection.request('appeal:report', { ...period, dimension, ...scope });
    if (answer.ok) {
      setReport({ ...answer.data, dimension });
      setStatus('idle');
    } else setStatus('failed');
  };

  const download = async (kind: 'journal' | 'report', format: 'csv' | 'xlsx'): Promise<void> => {
    const done = await downloadAppeals(token, { kind, format, ...period, dimension, ...scope }, language);
    setStatus(done ? 'idle' : 'exportFailed');
  };

  const label = (row: AppealReportRow, shown: AppealReportDimension): string => {
    switch (shown) {
      case 'organisation': {
        const organisation = centre.organisations.find((entry) => entry.id === row.key);
        return organisation ? localize(organisation.name) : row.key;
      }
      case 'topic': {
        if (row.key.startsWith('organisation:')) {
          const organisation = centre.organisations.find((entry) => `organisation:${entry.id}` === row.key);
          return organisation ? localize(organisation.name) : row.key;
        }
        const service = centre.services.find((entry) => entry.code === row.key);
        return service ? localize(service.name) : row.key;
      }
      case 'class':
        return row.key === 'unclassified' ? t('appealReports.unclassified') : row.key;
      case 'channel':
        return t(`appealReports.channel.${row.key as 'phone'}`);
      case 'person':
        return row.key === 'unassigned'
          ? t('appealReports.unassigned')
          : (report?.staffNames[row.key] ?? row.key);
      case 'total':
        return t('appealReports.totalRow');
    }
  };

  return (
    <section
      className="reports__appeals panel"
      data-testid="appeals-report"
      aria-labelledby="appeals-report-title"
    >
      <h2 id="appeals-report-title">{t('appealReports.title')}</h2>
      <form
        className="reports__form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label>
          {t('appealReports.dimension')}{' '}
          <select
            name="appeal-dimension"
            value={dimension}
            onChange={(event) => setDimension(event.target.value as AppealReportDimension)}
          >
            {APPEAL_REPORT_DIMENSIONS.map((entry) => (
              <option key={entry} value={entry}>
                {t(`appealReports.dimension.${entry}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="reports__actions">
          <button type="submit" className="button button--primary" disabled={!online || status === 'running'}>
            {t('appealReports.run')}
          </button>
          <button type="button" className="button" onClick={() => void download('report', 'csv')}>
            {t('appealReports.export.csv')}
          </button>
          <button type="button" className="button" onClick={() => void download('report', 'xlsx')}>
            {t('appealReports.export.xlsx')}
          </button>
          <button type="button" className="button" onClick={() => void download('journal', 'xlsx')}>
            {t('appealReports.export.journal')}
          </button>
        </div>
        {status === 'failed' && <p role="alert">{t('appealReports.failed')}</p>}
        {status === 'exportFailed' && <p role="alert">{t('appealReports.exportFailed')}</p>}
      </form>
      {report &&
        (report.total.received === 0 ? (
          <p>{t('appealReports.empty')}</p>
        ) : (
          <>
            <p className="reports__note">{t('appealReports.daysNote')}</p>
            <div
              className="report-table__scroll"
              tabIndex={0}
              role="region"
              aria-label={t('appealReports.tableLabel')}
            >
              <table className="report-table" data-testid="appeals-report-table">
                <thead>
                  <tr>
                    <th scope="col">{t(`appealReports.dimension.${report.dimension}`)}</th>
                    {APPEAL_REPORT_COLUMNS.map((column) => (
                      <th scope="col" key={column}>
                        {t(`appealReports.col.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(report.dimension === 'total' ? [] : report.rows).map((row) => (
                    <tr key={row.key} data-key={row.key}>
                      <th scope="row">{label(row, report.dimension)}</th>
                      {APPEAL_REPORT_COLUMNS.map((column) => (
                        <td key={column} data-column={column}>
                          {show(row[column])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-key="total">
                    <th scope="row">{t('appealReports.totalRow')}</th>
                    {APPEAL_REPORT_COLUMNS.map((column) => (
                      <td key={column} data-column={column}>
                        {show(report.total[column])}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        ))}
    </section>
  );
};
