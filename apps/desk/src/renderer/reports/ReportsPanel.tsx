/**
 * Reports for supervisors and administrators: choose a period and a grouping, see the figures
 * and charts, export them as CSV or XLSX.
 */
import type { QueueConnection } from '@queue/client';
import type { Centre } from '@queue/core';
import { REPORT_GROUPINGS, type ReportGrouping, instant, serviceDayOf } from '@queue/core';
import type { ReportExportFormat, ReportRunPayload, ReportView } from '@queue/protocol';
import { useLanguage, useT } from '@queue/ui';
import { useState } from 'react';
import { formatPeriod, sentence } from './date-format';
import { downloadReport } from './export-download';
import { type PeriodChoice, periodFor } from './period';
import { ReportCharts } from './ReportCharts';
import { ReportTable } from './ReportTable';
import { AppealsReport } from './AppealsReport';
import { StaffingPlanView } from './StaffingPlanView';
import { OrganisationSelect } from './OrganisationSelect';

interface Props {
  readonly centre: Centre | undefined;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly now: number;
  readonly token: string;
}

const CHOICES: readonly PeriodChoice[] = ['today', 'week', 'month', 'custom'];

type Status = 'idle' | 'running' | 'failed' | 'preparing' | 'exportFailed';

export const ReportsPanel = ({ centre, connection, online, now, token }: Props) => {
  const t = useT();
  const language = useLanguage();
  const today = serviceDayOf(instant(now), centre?.site.timeZone ?? 'Europe/Kyiv');
  const [choice, setChoice] = useState<PeriodChoice>('today');
  const [custom, setCustom] = useState<{ from: string; to: string }>({ from: today, to: today });
  const [groupBy, setGroupBy] = useState<ReportGrouping>('service');
  const [organisationId, setOrganisationId] = useState('');
  const [report, setReport] = useState<ReportView>();
  const [status, setStatus] = useState<Status>('idle');
  const [view, setView] = useState<'figures' | 'staffing'>('figures');

  const period = choice === 'custom' ? custom : periodFor(choice, today);
  const query: ReportRunPayload = {
    ...period,
    groupBy,
    ...(organisationId ? { organisationId } : {}),
  };

  const run = async (): Promise<void> => {
    if (!connection) return;
    setStatus('running');
    const answer = await connection.request('report:run', query);
    if (answer.ok) {
      setReport(answer.data);
      setStatus('idle');
    } else setStatus(answer.error.code === 'REPORTS_PREPARING' ? 'preparing' : 'failed');
  };

  const exportAs = async (format: ReportExportFormat): Promise<void> => {
    const done = await downloadReport(token, query, format, language);
    setStatus(done ? 'idle' : 'exportFailed');
  };

  if (!centre) return <p className="desk__loading">{t('desk.loading')}</p>;
  // The period in words of the screen's language ("23–24 листопада 2026 р."), never as ISO.
  const periodNote =
    report && sentence(t('reports.periodNote', { period: formatPeriod(report.from, report.to, language) }));
  const views = (
    <div className="reports__views" role="group" aria-label={t('staffing.views')}>
      {(['figures', 'staffing'] as const).map((entry) => (
        <button
          key={entry}
          type="button"
          className={entry === view ? 'button button--primary' : 'button'}
          aria-pressed={entry === view}
          data-view={entry}
          onClick={() => setView(entry)}
        >
          {t(`staffing.view.${entry}`)}
        </button>
      ))}
    </div>
  );
  if (view === 'staffing') {
    return (
      <div className="reports" data-testid="reports">
        {views}
        <StaffingPlanView centre={centre} connection={connection} online={online} today={today} />
      </div>
    );
  }
  return (
    <div className="reports" data-testid="reports">
      {views}
      <form
        className="reports__form panel"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <fieldset className="reports__period">
          <legend>{t('reports.period')}</legend>
          {CHOICES.map((entry) => (
            <label key={entry} className="reports__choice">
              <input
                type="radio"
                name="report-period"
                value={entry}
                checked={choice === entry}
                onChange={() => setChoice(entry)}
              />
              {t(`reports.period.${entry}`)}
            </label>
          ))}
          {choice === 'custom' && (
            <span className="reports__dates">
              <label>
                {t('reports.from')}{' '}
                <input
                  type="date"
                  name="from"
                  value={custom.from}
                  onChange={(event) => setCustom({ ...custom, from: event.target.value })}
                />
              </label>
              <label>
                {t('reports.to')}{' '}
                <input
                  type="date"
                  name="to"
                  value={custom.to}
                  onChange={(event) => setCustom({ ...custom, to: event.target.value })}
                />
              </label>
            </span>
          )}
        </fieldset>
        <label>
          {t('reports.groupBy')}{' '}
          <select
            name="group-by"
            value={groupBy}
            onChange={(event) => setGroupBy(event.target.value as ReportGrouping)}
          >
            {REPORT_GROUPINGS.map((entry) => (
              <option key={entry} value={entry}>
                {t(`reports.group.${entry}`)}
              </option>
            ))}
          </select>
        </label>
        <OrganisationSelect
          centre={centre}
          label={t('reports.organisation')}
          allLabel={t('reports.organisation.all')}
          name="organisation"
          value={organisationId}
          onChange={setOrganisationId}
        />
        <div className="reports__actions">
          <button type="submit" className="button button--primary" disabled={!online || status === 'running'}>
            {status === 'running' ? t('reports.running') : t('reports.run')}
          </button>
          <button type="button" className="button" onClick={() => void exportAs('csv')}>
            {t('reports.export.csv')}
          </button>
          <button type="button" className="button" onClick={() => void exportAs('xlsx')}>
            {t('reports.export.xlsx')}
          </button>
        </div>
        {status === 'failed' && <p role="alert">{t('reports.failed')}</p>}
        {status === 'preparing' && <p role="status">{t('reports.preparing')}</p>}
        {status === 'exportFailed' && <p role="alert">{t('reports.export.failed')}</p>}
      </form>
      {report && (
        <section className="reports__result panel" aria-live="polite">
          {report.total.issued === 0 && report.total.served === 0 ? (
            <>
              <p className="reports__note" data-testid="report-period">
                {periodNote}
              </p>
              <p className="reports__empty" data-testid="report-empty">
                {t('reports.empty')}
              </p>
            </>
          ) : (
            <>
              <p className="reports__note">
                <span data-testid="report-period">{periodNote}</span> {t('reports.minutesNote')}
              </p>
              <ReportTable report={report} centre={centre} />
              <ReportCharts report={report} centre={centre} />
            </>
          )}
        </section>
      )}
      <AppealsReport
        centre={centre}
        connection={connection}
        online={online}
        token={token}
        period={period}
        organisationId={organisationId}
      />
    </div>
  );
};
