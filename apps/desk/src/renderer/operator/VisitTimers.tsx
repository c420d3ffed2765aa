/**
 * The clocks of a visit: the wait before the call, the time since the last call (with the
 * no-show countdown), and the length of the visit, amber then red past the service's
 * standard length.
 */
import type { Centre, Service, Ticket } from '@queue/core';
import { formatTime, useLanguage, useT } from '@queue/ui';
import { type NoShowGate, formatDuration, timerLevel } from '../logic/timers';

interface Props {
  readonly ticket: Ticket;
  readonly service: Service | undefined;
  readonly centre: Centre | undefined;
  readonly now: number;
  readonly noShow: NoShowGate | undefined;
}

export const VisitTimers = ({ ticket, service, centre, now, noShow }: Props) => {
  const t = useT();
  const language = useLanguage();
  const waitedMs = (ticket.calledAt ?? now) - ticket.queuedAt;
  const standard = service?.expectedMinutes ?? 10;
  const visitMs = ticket.servingStartedAt !== undefined ? now - ticket.servingStartedAt : undefined;
  const level = visitMs === undefined ? 'ok' : timerLevel(visitMs, standard);
  return (
    <dl className="timers">
      <div className="timer">
        <dt>{t('desk.current.arrived')}</dt>
        <dd>{formatTime(ticket.queuedAt, language, centre?.site.timeZone)}</dd>
      </div>
      <div className="timer">
        <dt>{t('desk.current.waitedLabel')}</dt>
        <dd data-testid="waited">{formatDuration(waitedMs)}</dd>
      </div>
      {ticket.status === 'called' && (
        <div className="timer">
          <dt>{t('desk.current.sinceCall')}</dt>
          <dd>
            {formatDuration(now - (ticket.lastCalledAt ?? now))}
            {noShow && !noShow.allowed && (
              <span className="timer__hint" data-testid="no-show-countdown">
                {t('desk.current.noShowIn', { time: formatDuration(noShow.remainingMs) })}
              </span>
            )}
          </dd>
        </div>
      )}
      {visitMs !== undefined && (
        <div className={`timer timer--visit timer--${level}`} data-testid="visit-timer" data-level={level}>
          <dt>{t('desk.current.visit')}</dt>
          <dd>
            {formatDuration(visitMs)}
            <span className="timer__hint">{t('desk.current.standard', { minutes: standard })}</span>
          </dd>
        </div>
      )}
    </dl>
  );
};
