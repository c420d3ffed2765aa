/** One service: its name, the people waiting and the wait range; a tap takes a ticket. */
import type { Service } from '@queue/core';
import type { ServiceLoad } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { issueTicket } from './kiosk-store';

interface Props {
  readonly service: Service;
  readonly load: ServiceLoad | undefined;
  readonly disabled: boolean;
}

export const ServiceTile = ({ service, load, disabled }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const estimate = load?.estimate;
  return (
    <button
      type="button"
      className="tile tile--service"
      disabled={disabled}
      data-service={service.code}
      onClick={() => void issueTicket(service.code)}
    >
      <span className="tile__title">{localize(service.name)}</span>
      {load && estimate && (
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
