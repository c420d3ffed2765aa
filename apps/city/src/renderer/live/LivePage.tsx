/** `/city/live`: every centre of the city on one screen, for the city's staff. */
import { useLanguage } from '@queue/ui';
import { useEffect, useMemo, useState } from 'react';
import { formatClockTime, formatCount } from '../i18n/format';
import { useCityT } from '../i18n/translate';
import { LanguageLinks } from '../shared/LanguageLinks';
import { CentreRow } from './CentreRow';
import { loadLive, stopLive, useLiveStore } from './live-store';
import { LoginForm } from './LoginForm';
import { orderLive } from './order';

const TICK_MS = 15_000;

/** The hub's time now: the view's own instant, aged by this browser's clock since it arrived. */
const useHubNow = (at: number, receivedAt: number): number => {
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setClock(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return at + Math.max(0, clock - receivedAt);
};

export const LivePage = () => {
  const t = useCityT();
  const language = useLanguage();
  const { phase, view, receivedAt, reconnecting } = useLiveStore();
  const now = useHubNow(view?.at ?? 0, receivedAt);
  const centres = useMemo(() => orderLive(view?.centres ?? []), [view]);

  useEffect(() => {
    void loadLive();
    return stopLive;
  }, []);
  useEffect(() => {
    document.title = t('live.title');
  }, [t]);

  const open = centres.filter((centre) => centre.open).length;
  const waiting = centres.reduce((sum, centre) => sum + centre.waiting, 0);

  return (
    <div className="live">
      <header className="live__bar">
        <h1 className="live__title">{t('live.title')}</h1>
        {view && (
          <p className="live__summary">
            {t('live.summary', {
              open: formatCount(open, language),
              total: formatCount(centres.length, language),
              waiting: formatCount(waiting, language),
            })}
            {' · '}
            {t('live.updated', { time: formatClockTime(view.at, language) })}
          </p>
        )}
        <LanguageLinks />
      </header>
      {reconnecting && (
        <p className="live__banner" role="alert">
          {t('live.reconnecting')}
        </p>
      )}
      <main className="live__main">
        {phase === 'loading' && <p className="notice">{t('live.loading')}</p>}
        {phase === 'failed' && (
          <p className="notice notice--alert" role="alert">
            {t('live.loadFailed')}
          </p>
        )}
        {phase === 'login' && <LoginForm />}
        {phase === 'ready' && centres.length === 0 && <p className="notice">{t('live.empty')}</p>}
        {phase === 'ready' && centres.length > 0 && (
          <table className="live__table">
            <thead>
              <tr>
                <th scope="col">{t('live.centre')}</th>
                <th scope="col">{t('live.waiting')}</th>
                <th scope="col">{t('live.longest')}</th>
                <th scope="col">{t('live.desks')}</th>
                <th scope="col">{t('live.withinStandard')}</th>
                <th scope="col">{t('live.ratings')}</th>
                <th scope="col">{t('live.alertsHead')}</th>
                <th scope="col">{t('live.appealsHead')}</th>
                <th scope="col">{t('live.sync')}</th>
                <th scope="col">{t('live.lastCall')}</th>
              </tr>
            </thead>
            <tbody>
              {centres.map((centre) => (
                <CentreRow key={centre.centreId} centre={centre} now={now} />
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
};
