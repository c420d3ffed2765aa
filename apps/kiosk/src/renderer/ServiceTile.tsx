/**
 * One service: its name, whether it is open now (and when it opens if not), the people
 * waiting and the wait range; a tap takes a ticket. A service no desk serves shows as closed,
 * never with a wait range. A visitor who has claimed priority sees the wait of a priority
 * visitor, who is called ahead of the walk-ins.
 */
import { type Centre, type Instant, type Service, serviceAvailability } from '@queue/core';
import type { ServiceLoad } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { nextOpeningOf, useFormatOpening } from './availability';
import { issueTicket } from './issue-flow';
import { useKiosk } from './kiosk-store';

interface Props {
  readonly centre: Centre;
  readonly service: Service;
  readonly load: ServiceLoad | undefined;
  readonly now: Instant;
  readonly disabled: boolean;
}

export const ServiceTile = ({ centre, service, load, now, disabled }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const formatOpening = useFormatOpening(centre);
  const claimed = useKiosk((state) => state.priority !== undefined);
  const estimate = (claimed ? load?.priorityEstimate : undefined) ?? load?.estimate;
  const availability = serviceAvailability(centre, service, now);
  const open = availability === 'open';
  // A service no desk serves opens at no hour, so no opening time is promised.
  const opens = availability === 'closed' ? nextOpeningOf(centre, service.hours, now) : undefined;
  return (
    <button
      type="button"
      className={`tile tile--service ${open ? '' : 'tile--closed'}`}
      disabled={disabled}
      data-service={service.code}
      data-open={open}
      onClick={() => void issueTicket(service.code)}
    >
      <span className="tile__title">{localize(service.name)}</span>
      <span className={`tile__status ${open ? 'tile__status--open' : 'tile__status--closed'}`}>
        {open ? t('kiosk.service.open') : t('kiosk.service.closed')}
        {opens !== undefined && <> · {t('kiosk.service.opens', { when: formatOpening(opens) })}</>}
      </span>
      {open && load && estimate && (
        <span className="tile__meta">
          <span>{t('kiosk.service.waiting', { count: load.waiting })}</span>
          <span>
            {estimate.highMinutes === 0
              ? t('kiosk.service.noWait')
              : t('kiosk.service.wait', { low: estimate.lowMinutes, high: estimate.highMinutes })}
          </span>
        </span>
      )}
    </button>
  );
};
