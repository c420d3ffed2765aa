/**
 * The ticket just issued, shown big: "take it from the printer", or on screen with a QR code
 * of its status page when it was not printed. It goes back to the start after a while or on
 * a tap; taps in the first moment are ignored, so the second half of a double tap cannot hide it.
 * What the ticket says is in its body; the QR code, the hint and "Done" beside it on a landscape
 * screen, below it on a portrait one (landscape.css).
 */
import { type Centre, findKiosk, formatClock, localTime } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { useEffect, useState } from 'react';
import { type TicketDelivery, goHome } from './kiosk-store';
import { statusUrlOf } from './print-view';
import { QrCode } from './QrCode';
import { useQueue } from './queue';
import { waitLineOf } from './wait-line';

const SHOW_MS = 15_000;
/** An on-screen ticket stays longer: the visitor takes a photo of it. */
const SHOW_ON_SCREEN_MS = 45_000;
const IGNORE_TAPS_MS = 1_500;

interface Props {
  readonly centre: Centre;
  readonly issued: IssuedTicket;
  readonly delivery: TicketDelivery;
  /** Set for a booking's check-in: whether the visitor kept the slot. */
  readonly booking?: 'on-time' | 'late';
}

export const TicketScreen = ({ centre, issued, delivery, booking }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const [armed, setArmed] = useState(false);
  const principal = useQueue((state) => state.sync.principal);
  const { ticket, estimate } = issued;
  const service = centre.services.find((entry) => entry.code === ticket.serviceCode);
  const printed = delivery === 'printed';
  const kiosk = principal?.kind === 'device' ? findKiosk(centre, principal.deviceId) : undefined;

  useEffect(() => {
    const arm = window.setTimeout(() => setArmed(true), IGNORE_TAPS_MS);
    const leave = window.setTimeout(goHome, printed ? SHOW_MS : SHOW_ON_SCREEN_MS);
    return () => {
      window.clearTimeout(arm);
      window.clearTimeout(leave);
    };
  }, [ticket.id, printed]);

  const close = (): void => {
    if (armed) goHome();
  };

  return (
    <section
      className={`screen ticket ticket--${delivery}`}
      onClick={close}
      aria-live="polite"
      data-delivery={delivery}
    >
      <div className="ticket__body">
        <h2 className="ticket__heading">{printed ? t('kiosk.ticket.take') : t('kiosk.ticket.heading')}</h2>
        <p className="ticket__number" data-testid="ticket-number">
          {ticket.number}
        </p>
        {service && <p className="ticket__service">{localize(service.name)}</p>}
        <p className="ticket__line" data-testid="ticket-issued">
          {t('kiosk.ticket.issuedAt', {
            time: formatClock(localTime(ticket.issuedAt, centre.site.timeZone).minuteOfDay),
          })}
        </p>
        <p className="ticket__line">{t('kiosk.ticket.ahead', { count: estimate.ahead })}</p>
        <p className="ticket__line">{t(...waitLineOf(estimate))}</p>
        {estimate.closesBefore !== undefined && (
          <p className="ticket__priority" role="alert" data-testid="past-closing">
            {t('kiosk.ticket.pastClosing', {
              time: formatClock(localTime(estimate.closesBefore, centre.site.timeZone).minuteOfDay),
            })}
          </p>
        )}
        {booking === 'late' && (
          <p className="ticket__priority" role="alert" data-testid="booking-late">
            {t('booking.kiosk.late')}
          </p>
        )}
        {booking === 'on-time' && ticket.appointmentAt !== undefined && (
          <p className="ticket__line" data-testid="booking-on-time">
            {t('booking.kiosk.onTime', {
              time: formatClock(localTime(ticket.appointmentAt, centre.site.timeZone).minuteOfDay),
            })}
          </p>
        )}
        {ticket.priority && (
          <p className="ticket__priority" data-testid="ticket-priority">
            {t('kiosk.ticket.priority', {
              category: t(`kiosk.priority.category.${ticket.priority.category}`),
            })}
            {!ticket.priority.confirmed && (
              <>
                <br />
                <strong>{t('kiosk.ticket.priorityConfirm')}</strong>
              </>
            )}
          </p>
        )}
      </div>
      <div className="ticket__side">
        {!printed && (
          <div className="ticket__qr">
            <QrCode data={statusUrlOf(issued, kiosk)} label={t('kiosk.ticket.qr')} size={260} />
          </div>
        )}
        <p className="ticket__hint">
          {delivery === 'print-failed'
            ? t('kiosk.ticket.printFailed')
            : printed
              ? t('kiosk.ticket.hint')
              : t('kiosk.ticket.screenHint')}
        </p>
        <button type="button" className="primary-button">
          {t('kiosk.ticket.done')}
        </button>
      </div>
    </section>
  );
};
