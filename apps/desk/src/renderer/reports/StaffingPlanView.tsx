/**
 * Tomorrow's plan: for a chosen day (tomorrow unless changed), the desks each organisation
 * needs per opening hour to keep the waiting standard, beside the desks that were open on the
 * last such weekday (or on the day itself, if past). The figures are the server's (core's).
 */
import type { QueueConnection } from '@queue/client';
import { type Centre, type StaffingCell, addDays, serviceDay } from '@queue/core';
import type { StaffingPlanAnswer, StaffingPlanPayload } from '@queue/protocol';
import { useLanguage, useLocalize, useT } from '@queue/ui';
import { useState } from 'react';
import { formatDesks, formatLongDay, formatShortDay, hourRange } from './staffing-format';
import './staffing.css';
import { OrganisationSelect } from './OrganisationSelect';

interface Props {
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  /** Today's service day at the centre. */
  readonly today: string;
}

type Status = 'idle' | 'running' | 'failed' | 'preparing';

interface Figures {
  readonly needed: number;
  readonly open: number | null;
  readonly short: boolean;
  readonly capped?: boolean;
}

export const StaffingPlanView = ({ centre, connection, online, today }: Props) => {
  const t = useT();
  const language = useLanguage();
  const localize = useLocalize();
  const [day, setDay] = useState(() => addDays(serviceDay(today), 1) as string);
  const [organisationId, setOrganisationId] = useState('');
  const [plan, setPlan] = useState<StaffingPlanAnswer>();
  const [status, setStatus] = useState<Status>('idle');

  const run = async (): Promise<void> => {
    if (!connection) return;
    setStatus('running');
    const query: StaffingPlanPayload = { day, ...(organisationId ? { organisationId } : {}) };
    const answer = await connection.request('report:staffing', query);
    if (answer.ok) {
      setPlan(answer.data);
      setStatus('idle');
    } else setStatus(answer.error.code === 'REPORTS_PREPARING' ? 'preparing' : 'failed');
  };

  const organisationName = (id: string): string => {
    const organisation = centre.organisations.find((entry) => entry.id === id);
    return organisation ? localize(organisation.name) : id;
  };

  const cell = (figures: Figures, column: string) => {
    const needed = figures.capped
      ? t('staffing.capped', { count: figures.needed })
      : formatDesks(figures.needed, language);
    return (
      <td
        key={column}
        data-column={column}
        className={
          figures.short
            ? 'staffing__short'
            : figures.needed === 0 && !figures.open
              ? 'staffing__idle'
              : undefined
        }
      >
        <span data-needed>{needed}</span>
        {figures.open !== null && (
          <>
            {' / '}
            <span data-open>{formatDesks(figures.open, language)}</span>
          </>
        )}
        {figures.short && figures.open !== null && (
          <span className="staffing__gap" data-short>
            {t('staffing.short', {
              count: formatDesks(Math.round((figures.needed - figures.open) * 10) / 10, language),
            })}
          </span>
        )}
      </td>
    );
  };

  return (
    <div className="staffing" data-testid="staffing">
      <form
        className="reports__form panel"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <h2 className="staffing__title">{t('staffing.title')}</h2>
        <label>
          {t('staffing.day')}{' '}
          <input
            type="date"
            name="staffing-day"
            required
            value={day}
            onChange={(event) => setDay(event.target.value)}
          />
        </label>
        <OrganisationSelect
          centre={centre}
          label={t('staffing.organisation')}
          allLabel={t('staffing.organisation.all')}
          name="staffing-organisation"
          value={organisationId}
          onChange={setOrganisationId}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={!online || status === 'running' || day === ''}
        >
          {status === 'running' ? t('staffing.running') : t('staffing.run')}
        </button>
        {status === 'failed' && <p role="alert">{t('staffing.failed')}</p>}
        {status === 'preparing' && <p role="status">{t('staffing.preparing')}</p>}
      </form>
      {plan && (
        <section className="reports__result panel" aria-live="polite" data-testid="staffing-result">
          <h3 className="staffing__day">{formatLongDay(plan.day, language)}</h3>
          <p className="reports__note">
            {t('staffing.note', {
              percent: Math.round(plan.target * 100),
              days: plan.historyDays.map((entry) => formatShortDay(entry, language)).join(', ') || '—',
            })}
            {plan.comparedDay !== null && (
              <> {t('staffing.noteOpen', { day: formatLongDay(plan.comparedDay, language) })}</>
            )}
          </p>
          {plan.rows.length === 0 ? (
            <p>{t('staffing.closed')}</p>
          ) : (
            <>
              {plan.historyDays.length === 0 && <p role="status">{t('staffing.noHistory')}</p>}
              <div
                className="report-table__scroll"
                tabIndex={0}
                role="region"
                aria-label={t('staffing.tableLabel')}
              >
                <table className="report-table staffing__table" data-testid="staffing-table">
                  <caption className="staffing__caption">{t('staffing.cellLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('staffing.hour')}</th>
                      {plan.organisations.map((id) => (
                        <th scope="col" key={id} data-column={id}>
                          {organisationName(id)}
                        </th>
                      ))}
                      {plan.organisations.length > 1 && (
                        <th scope="col" data-column="total">
                          {t('staffing.total')}
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {plan.rows.map((row) => (
                      <tr key={row.hour} data-hour={row.hour}>
                        <th scope="row">{hourRange(row.hour)}</th>
                        {row.cells.map((entry: StaffingCell, index) =>
                          cell(entry, plan.organisations[index] ?? ''),
                        )}
                        {plan.organisations.length > 1 && cell(row.total, 'total')}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr data-hour="total">
                      <th scope="row">{t('staffing.totalRow')}</th>
                      {plan.totals.map((entry, index) => cell(entry, plan.organisations[index] ?? ''))}
                      {plan.organisations.length > 1 && cell(plan.total, 'total')}
                    </tr>
                  </tfoot>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
};
