/**
 * The supervisor's live monitor: warnings for queues past or near their waiting standard,
 * device alerts, every desk (open, on a break and why, serving whom for how long, closed) and
 * every queue. From here a supervisor opens a closed desk under their own name (to serve at it
 * they log in there), closes a desk with nobody at it (freeing it for another operator), or
 * moves a desk to other services. The staffing advisor proposes the smallest change of desks
 * that keeps every queue within its standard for the next hour. A block lists the appeals
 * overdue and due soon.
 */
import type { QueueConnection, SyncState } from '@queue/client';
import type { Desk } from '@queue/core';
import type { DeviceAlert } from '@queue/protocol';
import { isMessageKey, useLocalize, useT } from '@queue/ui';
import { useMemo, useState } from 'react';
import { AppealsDueBlock } from '../appeals/AppealsDueBlock';
import { RefusalLine } from '../common/RefusalLine';
import { useCommands } from '../common/use-commands';
import { AssignServicesDialog } from './AssignServicesDialog';
import { StaffingAdviceBlock } from './StaffingAdviceBlock';
import { monitorViewOf, servicesToShow } from './monitor-view';
import './monitor.css';

interface Props {
  readonly sync: SyncState;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly now: number;
  /** The monitor's tab is shown (the appeals block fetches only then). */
  readonly active?: boolean;
}

export const MonitorPanel = ({ sync, connection, online, now, active = true }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const commands = useCommands(connection, online);
  const [showAll, setShowAll] = useState(false);
  const [assigning, setAssigning] = useState<Desk>();
  const view = useMemo(() => monitorViewOf(sync, now), [sync, now]);
  if (!sync.centre || !sync.queue) return <p className="desk__loading">{t('desk.loading')}</p>;
  const centre = sync.centre;
  const services = servicesToShow(view.services, showAll, localize);

  const alertText = (alert: DeviceAlert): string => {
    const device = centre.kiosks.find((kiosk) => kiosk.deviceId === alert.deviceId)?.name ?? alert.deviceId;
    const key = `monitor.alert.${alert.kind}`;
    const what = isMessageKey(key) ? t(key, { number: alert.ticketNumber ?? '' }) : alert.message;
    return `${device}: ${what}`;
  };

  return (
    <div className="monitor" data-testid="monitor">
      <section className="monitor__side">
        <h2 className="panel-heading">{t('monitor.warnings')}</h2>
        {view.warnings.length === 0 ? (
          <p className="monitor__quiet">{t('monitor.noWarnings')}</p>
        ) : (
          <ul className="monitor__warnings" data-testid="monitor-warnings">
            {view.warnings.map((row) => (
              <li key={row.service.code} className={`risk risk--${row.risk}`} data-service={row.service.code}>
                <strong>{t(`monitor.risk.${row.risk as 'over' | 'at-risk'}`)}</strong>{' '}
                {t('monitor.warning', {
                  service: localize(row.service.name),
                  minutes: row.longestWaitMinutes,
                  standard: row.service.waitingStandardMinutes,
                })}
              </li>
            ))}
          </ul>
        )}
        <StaffingAdviceBlock centre={centre} queue={sync.queue} now={now} commands={commands} />
        <h2 className="panel-heading">{t('monitor.alerts')}</h2>
        {view.alerts.length === 0 ? (
          <p className="monitor__quiet">{t('monitor.noAlerts')}</p>
        ) : (
          <ul className="monitor__alerts" data-testid="monitor-alerts">
            {view.alerts.map((alert) => (
              <li key={`${alert.deviceId}-${alert.kind}`} className="risk risk--over" data-kind={alert.kind}>
                {alertText(alert)}
              </li>
            ))}
          </ul>
        )}
        <AppealsDueBlock connection={connection} online={online} active={active} />
        <RefusalLine code={commands.refusal} />
      </section>

      <section className="monitor__main">
        <h2 className="panel-heading" id="monitor-desks-heading">
          {t('monitor.desks')}
        </h2>
        {/* Focusable, so that a keyboard can scroll the list too. */}
        <div className="monitor__scroll" tabIndex={0} role="region" aria-labelledby="monitor-desks-heading">
          <table className="grid" data-testid="monitor-desks">
            <thead>
              <tr>
                <th>{t('monitor.col.desk')}</th>
                <th>{t('monitor.col.status')}</th>
                <th>{t('monitor.col.serving')}</th>
                <th>{t('monitor.col.minutes')}</th>
                <th>
                  <span className="visually-hidden">{t('monitor.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.desks.map((row) => {
                const service =
                  row.ticket && centre.services.find((entry) => entry.code === row.ticket?.serviceCode);
                return (
                  <tr key={row.desk.id} data-desk={row.desk.id} data-status={row.status}>
                    <td>
                      {localize(row.desk.name)}
                      {row.operatorId && (
                        <span className="monitor__who">
                          {sync.staffNames?.[row.operatorId] ?? row.operatorId}
                        </span>
                      )}
                    </td>
                    <td>
                      <span className={`badge badge--${row.status}`}>
                        {t(`monitor.status.${row.status}`)}
                      </span>
                      {row.pauseReason && <span className="monitor__reason"> {row.pauseReason}</span>}
                    </td>
                    <td>
                      {row.ticket ? (
                        <>
                          <strong>{row.ticket.number}</strong> {service ? localize(service.name) : ''}
                        </>
                      ) : (
                        t('admin.none')
                      )}
                    </td>
                    <td className="grid__number">{row.minutes ?? ''}</td>
                    <td className="grid__actions">
                      {row.status !== 'closed' && !row.ticket && (
                        <button
                          type="button"
                          className="button button--small button--danger"
                          data-action="close"
                          disabled={!commands.ready}
                          onClick={() => void commands.send('desk:close', { deskId: row.desk.id })}
                        >
                          {t('monitor.close')}
                        </button>
                      )}
                      {row.status === 'closed' && (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={!commands.ready}
                          onClick={() => void commands.send('desk:open', { deskId: row.desk.id })}
                        >
                          {t('monitor.open')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button--small button--plain"
                        data-action="assign"
                        onClick={() => setAssigning(row.desk)}
                      >
                        {t('monitor.assign')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="monitor__main">
        <div className="monitor__heading">
          <h2 className="panel-heading" id="monitor-services-heading">
            {t('monitor.services')}
          </h2>
          <label className="monitor__toggle">
            <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />
            {t('monitor.showAll')}
          </label>
        </div>
        <div
          className="monitor__scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="monitor-services-heading"
        >
          <table className="grid" data-testid="monitor-services">
            <thead>
              <tr>
                <th>{t('monitor.col.service')}</th>
                <th>{t('monitor.col.waiting')}</th>
                <th>{t('monitor.col.longest')}</th>
                <th>{t('monitor.col.over')}</th>
                <th>{t('monitor.col.desks')}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((row) => (
                <tr key={row.service.code} data-service={row.service.code} className={`risk--${row.risk}`}>
                  <td>{localize(row.service.name)}</td>
                  <td className="grid__number">{row.waiting}</td>
                  <td className="grid__number">{row.longestWaitMinutes}</td>
                  <td className="grid__number" data-cell="over">
                    {row.overStandard}
                  </td>
                  <td className="grid__number">{row.openDesks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {assigning && (
        <AssignServicesDialog
          centre={centre}
          desk={assigning}
          commands={commands}
          onClose={() => setAssigning(undefined)}
        />
      )}
    </div>
  );
};
