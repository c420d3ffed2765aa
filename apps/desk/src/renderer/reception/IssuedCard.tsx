/** The ticket just issued: its number to tell the visitor, the route and the expected wait. */
import type { Centre } from '@queue/core';
import { findService } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { itineraryOf } from '../logic/itinerary';

export const IssuedCard = ({
  issued,
  centre,
}: {
  readonly issued: IssuedTicket;
  readonly centre: Centre;
}) => {
  const t = useT();
  const localize = useLocalize();
  const { ticket, estimate } = issued;
  const service = findService(centre, ticket.serviceCode);
  return (
    <div className="issued" role="status" data-testid="issued">
      <span className="issued__label">{t('reception.issued.heading')}</span>
      <span className="issued__number" data-testid="issued-number">
        {ticket.number}
      </span>
      <span>
        {ticket.itinerary.length > 0
          ? itineraryOf(ticket, centre)
              .map((step) => (step.name ? localize(step.name) : step.code))
              .join(' → ')
          : service
            ? localize(service.name)
            : ticket.serviceCode}
      </span>
      <span>
        {t('reception.position', {
          ahead: estimate.ahead,
          low: estimate.lowMinutes,
          high: estimate.highMinutes,
        })}
      </span>
    </div>
  );
};
