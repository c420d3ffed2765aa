/**
 * One centre for residents: open or closed now, today's hours (the week folded away), the
 * wait for the chosen service in large type, every service's wait, and where to book.
 */
import type { CityPublicCentre, CityPublicService } from '@queue/protocol';
import { useLanguage, useLocalize } from '@queue/ui';
import { formatCount, formatMinutes, zoneLabel } from '../i18n/format';
import { type CityTranslate, useCityT } from '../i18n/translate';
import { rangesText, serviceAt, todayAt } from './choose';

const WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

const browserZone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

const waitText = (
  service: CityPublicService,
  t: CityTranslate,
  minutes: (value: number) => string,
): string => {
  if (service.waitMinutes === null) return t('public.notServedNow');
  if (service.waitMinutes === 0 && service.waiting === 0) return t('public.noWait');
  return t('public.wait', { minutes: minutes(service.waitMinutes) });
};

const ServiceWait = ({
  service,
  big = false,
}: {
  readonly service: CityPublicService;
  readonly big?: boolean;
}) => {
  const t = useCityT();
  const language = useLanguage();
  const localize = useLocalize();
  const minutes = (value: number): string => formatMinutes(value, language);
  return (
    <div className={big ? 'wait wait--big' : 'wait'} data-service={service.code}>
      <span className="wait__name">{localize(service.name)}</span>
      <span className="wait__minutes">{waitText(service, t, minutes)}</span>
      <span className="wait__people">
        {t('public.waiting', { count: formatCount(service.waiting, language) })}
      </span>
    </div>
  );
};

export const CentreCard = ({
  centre,
  at,
  chosen,
}: {
  readonly centre: CityPublicCentre;
  readonly at: number;
  readonly chosen: string | undefined;
}) => {
  const t = useCityT();
  const language = useLanguage();
  const localize = useLocalize();
  const name = localize(centre.name);
  const today = todayAt(centre, at);
  const chosenService = chosen ? serviceAt(centre, chosen) : undefined;
  const waitingTotal = centre.services.reduce((sum, service) => sum + service.waiting, 0);
  const headingId = `centre-${centre.centreId}`;
  return (
    <article className="centre" aria-labelledby={headingId} data-centre={centre.centreId}>
      <header className="centre__head">
        <h2 id={headingId} className="centre__name">
          {name}
        </h2>
        <span className={centre.openNow ? 'status status--open' : 'status status--closed'}>
          <span aria-hidden="true">{centre.openNow ? '●' : '○'}</span>{' '}
          {t(centre.openNow ? 'public.open' : 'public.closed')}
        </span>
      </header>
      <p className="centre__today">
        {today.hours.length > 0
          ? `${t('public.today')}: ${rangesText(today.hours)}`
          : t('public.today.closed')}
        {centre.timeZone !== browserZone() && (
          <span className="centre__zone">{t('public.timeZone', { zone: zoneLabel(centre.timeZone) })}</span>
        )}
      </p>
      {chosenService ? (
        <ServiceWait service={chosenService} big />
      ) : (
        <p className="centre__waiting">
          {t('public.waitingTotal', { count: formatCount(waitingTotal, language) })}
        </p>
      )}
      {centre.bookUrl && (
        <a className="centre__book" href={centre.bookUrl} aria-label={t('public.bookIn', { centre: name })}>
          {t('public.book')}
        </a>
      )}
      <details className="centre__more">
        <summary>{t('public.services', { count: centre.services.length })}</summary>
        <div className="centre__services">
          {centre.services.map((service) => (
            <ServiceWait key={service.code} service={service} />
          ))}
        </div>
      </details>
      <details className="centre__more">
        <summary>{t('public.week')}</summary>
        <dl className="centre__week">
          {WEEK.map((day) => (
            <div
              key={day}
              className={day === today.weekday ? 'centre__day centre__day--today' : 'centre__day'}
            >
              <dt>{t(`weekday.${day}`)}</dt>
              <dd>{rangesText(centre.hours[day] ?? []) || t('public.dayOff')}</dd>
            </div>
          ))}
        </dl>
      </details>
    </article>
  );
};
