/**
 * The ticket just issued, shown big. It goes back to the start after a while or on a tap;
 * taps in the first moment are ignored, so the second half of a double tap cannot hide it.
 */
import type { Centre } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { useEffect, useState } from 'react';
import { goHome } from './kiosk-store';

const SHOW_MS = 15_000;
const IGNORE_TAPS_MS = 1_500;

interface Props {
  readonly centre: Centre;
  readonly issued: IssuedTicket;
}

export const TicketScreen = ({ centre, issued }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const [armed, setArmed] = useState(false);
  const { ticket, estimate } = issued;
  const service = centre.services.find((entry) => entry.code === ticket.serviceCode);

  useEffect(() => {
    const arm = window.setTimeout(() => setArmed(true), IGNORE_TAPS_MS);
    const leave = window.setTimeout(goHome, SHOW_MS);
    return () => {
      window.clearTimeout(arm);
      window.clearTimeout(leave);
    };
  }, [ticket.id]);

  const close = (): void => {
    if (armed) goHome();
  };

  return (
    <section className="screen ticket" onClick={close} aria-live="polite">
      <h2 className="ticket__heading">{t('kiosk.ticket.heading')}</h2>
      <p className="ticket__number" data-testid="ticket-number">
        {ticket.number}
      </p>
      {service && <p className="ticket__service">{localize(service.name)}</p>}
      <p className="ticket__line">{t('kiosk.ticket.ahead', { count: estimate.ahead })}</p>
      <p className="ticket__line">
        {estimate.highMinutes === 0
          ? t('kiosk.ticket.noWait')
          : t('kiosk.ticket.wait', { low: estimate.lowMinutes, high: estimate.highMinutes })}
      </p>
      <p className="ticket__hint">{t('kiosk.ticket.hint')}</p>
      <button type="button" className="primary-button">
        {t('kiosk.ticket.done')}
      </button>
    </section>
  );
};
