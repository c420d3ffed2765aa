/**
 * One centre on the wall: its queue now and today's figures, dense but readable from afar.
 * A centre past its waiting standard is marked by colour, an icon and words together; a
 * revoked one is struck through and says so. Times are ages ("5 min ago"), which read the
 * same in every time zone.
 */
import type { CityCentreLive } from '@queue/protocol';
import { useLanguage, useLocalize } from '@queue/ui';
import { formatAgo, formatCount, formatMean, formatMinutes, formatShare } from '../i18n/format';
import { useCityT } from '../i18n/translate';

const Figure = ({
  label,
  value,
  wide = false,
}: {
  readonly label: string;
  readonly value: string;
  readonly wide?: boolean;
}) => (
  <div className={wide ? 'figure figure--wide' : 'figure'}>
    <dt>{label}</dt>
    <dd>{value}</dd>
  </div>
);

export const CentreTile = ({ centre, now }: { readonly centre: CityCentreLive; readonly now: number }) => {
  const t = useCityT();
  const language = useLanguage();
  const localize = useLocalize();
  const count = (value: number): string => formatCount(value, language);
  const minutes = (value: number | null): string =>
    value === null ? t('live.none') : formatMinutes(value, language);
  const ago = (at: number): string => formatAgo(at, now, language);
  const { withinStandard, ratings } = centre.today;
  const headingId = `live-${centre.centreId}`;
  const classes = [
    'tile',
    centre.pastStandard && 'tile--past',
    centre.revoked && 'tile--revoked',
    !centre.open && 'tile--closed',
  ]
    .filter(Boolean)
    .join(' ');
  const sync = [
    centre.sync.behind > 0
      ? t('live.sync.behind', { count: count(centre.sync.behind) })
      : t('live.sync.upToDate'),
    centre.sync.lastSeenAt === null
      ? t('live.sync.never')
      : t('live.sync.lastSeen', { ago: ago(centre.sync.lastSeenAt) }),
    ...(centre.sync.problems > 0 ? [t('live.sync.problems', { count: count(centre.sync.problems) })] : []),
  ].join(' · ');

  return (
    <article
      className={classes}
      aria-labelledby={headingId}
      data-centre={centre.centreId}
      data-past={centre.pastStandard}
    >
      <header className="tile__head">
        <h2 id={headingId} className="tile__name">
          {localize(centre.name)}
        </h2>
        <span className={centre.open ? 'chip chip--open' : 'chip chip--closed'}>
          {t(centre.open ? 'live.open' : 'live.closed')}
        </span>
        {centre.revoked && <span className="chip chip--revoked">{t('live.revoked')}</span>}
      </header>
      {centre.pastStandard && (
        <p className="tile__past">
          <span aria-hidden="true">⚠</span> {t('live.pastStandard')}
        </p>
      )}
      {!centre.profiled && <p className="tile__note">{t('live.noProfile')}</p>}
      <dl className="tile__figures">
        <Figure label={t('live.waiting')} value={count(centre.waiting)} />
        <Figure label={t('live.longest')} value={minutes(centre.longestWaitMinutes)} />
        <Figure
          label={t('live.desks')}
          value={t('live.desksValue', { open: count(centre.desksOpen), total: count(centre.desksTotal) })}
        />
        <Figure
          label={t('live.withinStandard')}
          value={
            withinStandard.share === null
              ? t('live.none')
              : t('live.withinStandardValue', {
                  share: formatShare(withinStandard.share, language),
                  met: count(withinStandard.met),
                  total: count(withinStandard.total),
                })
          }
        />
        <Figure
          label={t('live.ratings')}
          value={
            ratings.mean === null
              ? t('live.none')
              : t('live.ratingsValue', {
                  mean: formatMean(ratings.mean, language),
                  count: count(ratings.count),
                })
          }
        />
        <Figure label={t('live.served')} value={count(centre.today.served)} />
        <Figure
          wide
          label={t('live.lastCall')}
          value={
            centre.lastCall
              ? t('live.lastCallValue', {
                  number: centre.lastCall.number,
                  desk: centre.lastCall.deskName,
                  time: ago(centre.lastCall.at),
                })
              : t('live.noCalls')
          }
        />
        <Figure wide label={t('live.sync')} value={sync} />
      </dl>
      {centre.organisations.length > 0 && (
        <ul className="tile__organisations">
          {centre.organisations.map((organisation) => (
            <li key={organisation.organisationId}>
              {t('live.organisation', {
                name: localize(organisation.name),
                waiting: count(organisation.waiting),
                longest: minutes(organisation.longestWaitMinutes),
              })}
            </li>
          ))}
        </ul>
      )}
      {centre.alerts.length > 0 && (
        <div className="tile__alerts">
          <p>
            <span aria-hidden="true">🔔</span> {t('live.alerts', { count: count(centre.alerts.length) })}
          </p>
          <ul>
            {centre.alerts.map((alert) => (
              <li key={`${alert.device}-${alert.kind}`}>
                {t('live.alert', { device: alert.device, kind: alert.kind, time: ago(alert.since) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
};
