/**
 * One centre as a row of the wall's table: its queue now and today's figures, so that every
 * centre of the city fits one screen. A centre past its waiting standard is marked by colour,
 * an icon and words together; a revoked one is struck through and says so. Times are ages
 * ("5 min ago"), which read the same in every time zone.
 */
import type { CityCentreLive } from '@queue/protocol';
import { useLanguage, useLocalize } from '@queue/ui';
import { formatAgo, formatCount, formatMean, formatMinutes, formatShare } from '../i18n/format';
import { useCityT } from '../i18n/translate';

export const CentreRow = ({ centre, now }: { readonly centre: CityCentreLive; readonly now: number }) => {
  const t = useCityT();
  const language = useLanguage();
  const localize = useLocalize();
  const count = (value: number): string => formatCount(value, language);
  const minutes = (value: number | null): string =>
    value === null ? t('live.none') : formatMinutes(value, language);
  const ago = (at: number): string => formatAgo(at, now, language);
  const { withinStandard, ratings } = centre.today;
  const classes = [
    'row',
    centre.pastStandard && 'row--past',
    centre.revoked && 'row--revoked',
    !centre.open && 'row--closed',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <tr className={classes} data-centre={centre.centreId} data-past={centre.pastStandard}>
      <th scope="row" className="row__centre">
        <span className="row__name">{localize(centre.name)}</span>
        <span className="row__chips">
          <span className={centre.open ? 'chip chip--open' : 'chip chip--closed'}>
            {t(centre.open ? 'live.open' : 'live.closed')}
          </span>
          {centre.revoked && <span className="chip chip--revoked">{t('live.revoked')}</span>}
          {centre.pastStandard && (
            <span className="chip chip--past">
              <span aria-hidden="true">⚠</span> {t('live.pastStandard')}
            </span>
          )}
        </span>
        {!centre.profiled && <span className="row__small">{t('live.noProfile')}</span>}
      </th>
      <td className="row__big">
        {count(centre.waiting)}
        {centre.organisations.map((organisation) => (
          <span key={organisation.organisationId} className="row__small">
            {t('live.organisation', {
              name: localize(organisation.name),
              waiting: count(organisation.waiting),
              longest: minutes(organisation.longestWaitMinutes),
            })}
          </span>
        ))}
      </td>
      <td className="row__big">{minutes(centre.longestWaitMinutes)}</td>
      <td>{t('live.desksValue', { open: count(centre.desksOpen), total: count(centre.desksTotal) })}</td>
      <td>
        {withinStandard.share === null ? (
          t('live.none')
        ) : (
          <>
            {formatShare(withinStandard.share, language)}
            <span className="row__small">
              {t('live.ofVisits', { met: count(withinStandard.met), total: count(withinStandard.total) })}
            </span>
          </>
        )}
      </td>
      <td>
        {ratings.mean === null
          ? t('live.none')
          : t('live.ratingsValue', { mean: formatMean(ratings.mean, language), count: count(ratings.count) })}
      </td>
      <td className={centre.alerts.length > 0 ? 'row__alerts' : undefined}>
        {centre.alerts.length === 0
          ? t('live.none')
          : centre.alerts.map((alert) => (
              <span key={`${alert.device}-${alert.kind}`} className="row__line">
                <span aria-hidden="true">⚠</span>{' '}
                {t('live.alert', { device: alert.device, kind: alert.kind, time: ago(alert.since) })}
              </span>
            ))}
      </td>
      <td className={centre.appeals.overdue > 0 ? 'row__alerts' : undefined}>
        {centre.appeals.open === 0 ? (
          t('live.none')
        ) : (
          <span className="row__line">
            {centre.appeals.overdue > 0 ? <span aria-hidden="true">⚠ </span> : null}
            {t('live.appealsValue', {
              open: count(centre.appeals.open),
              overdue: count(centre.appeals.overdue),
            })}
          </span>
        )}
      </td>
      <td>
        <span className="row__line">
          {centre.sync.behind > 0
            ? t('live.sync.behind', { count: count(centre.sync.behind) })
            : t('live.sync.upToDate')}
        </span>
        <span className="row__small">
          {centre.sync.lastSeenAt === null
            ? t('live.sync.never')
            : t('live.sync.lastSeen', { ago: ago(centre.sync.lastSeenAt) })}
          {centre.sync.problems > 0 &&
            ` · ${t('live.sync.problems', { count: count(centre.sync.problems) })}`}
        </span>
      </td>
      <td>
        {centre.lastCall ? (
          <>
            <span className="row__line">
              {t('live.lastCallValue', {
                number: centre.lastCall.number,
                desk: centre.lastCall.deskName[language],
              })}
            </span>
            <span className="row__small">{ago(centre.lastCall.at)}</span>
          </>
        ) : (
          t('live.noCalls')
        )}
      </td>
    </tr>
  );
};
