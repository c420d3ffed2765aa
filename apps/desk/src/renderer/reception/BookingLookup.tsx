/**
 * Reception finds a booking by its code (a visitor on the phone, or at the counter without
 * the kiosk) and cancels it or moves it to another free time of the same service. The
 * kiosk does the check-in; this panel only changes what is booked.
 */
import type { QueueConnection } from '@queue/client';
import { type Centre, type ServiceCode, bookingPolicyOf, findService } from '@queue/core';
import type { StaffBooking } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { type FormEvent, useState } from 'react';
import { useCommands } from '../common/use-commands';
import { DayAndSlotFields, useFreeSlots } from './free-slots';

interface Props {
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
}

/** Codes are typed in any case and with spaces; the server's alphabet is upper case. */
const normaliseCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

export const BookingLookup = ({ centre, connection, online }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const commands = useCommands(connection, online);
  const [code, setCode] = useState('');
  const [booking, setBooking] = useState<StaffBooking>();
  const [failure, setFailure] = useState<string>();
  const [day, setDay] = useState('');
  const open = booking?.status === 'booked';
  // Free times to move to, only while the booking can still be moved.
  const free = useFreeSlots(connection, online, open ? booking.serviceCode : undefined, day, booking);
  const { slotAt } = free;

  const show = (found: StaffBooking | undefined, refusal?: string): void => {
    setBooking(found);
    setFailure(refusal);
    setDay(found?.day ?? '');
  };

  const find = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!connection || !online) return;
    const answer = await connection.request('booking:find', { code: normaliseCode(code) });
    if (answer.ok) show(answer.data);
    else show(undefined, answer.error.code);
  };

  const cancel = async (): Promise<void> => {
    if (!booking) return;
    const answer = await commands.send('booking:cancel', { code: booking.code });
    if (answer) show(answer.ok ? answer.data : booking, answer.ok ? undefined : answer.error.code);
  };

  const move = async (): Promise<void> => {
    if (!booking || !slotAt) return;
    const answer = await commands.send('booking:move', { code: booking.code, slotAt: Number(slotAt) });
    if (answer) show(answer.ok ? answer.data : booking, answer.ok ? undefined : answer.error.code);
  };

  if (!bookingPolicyOf(centre).enabled) return null;
  const service = booking ? findService(centre, booking.serviceCode as ServiceCode) : undefined;
  return (
    <section className="panel booking" aria-labelledby="booking-lookup-heading" data-testid="booking-lookup">
      <h2 className="panel-heading" id="booking-lookup-heading">
        {t('booking.lookup.heading')}
      </h2>
      <form className="booking__find" onSubmit={(event) => void find(event)}>
        <label className="field">
          <span className="field__label">{t('booking.lookup.code')}</span>
          <input
            type="text"
            name="booking-code"
            required
            maxLength={16}
            autoComplete="off"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </label>
        <button type="submit" className="button" data-action="find-booking" disabled={!commands.ready}>
          {t('booking.lookup.find')}
        </button>
      </form>
      {failure && (
        <p className="refusal" role="alert" data-code={failure}>
          {failure === 'NOT_FOUND'
            ? t('booking.lookup.notFound')
            : t('booking.lookup.failed', { reason: failure })}
        </p>
      )}
      {booking && (
        <div className="booking__card" data-testid="booking-card" data-status={booking.status}>
          <p>
            <strong>{booking.code}</strong> — {service ? localize(service.name) : booking.serviceCode}
          </p>
          <p data-testid="booking-when">
            {t('booking.lookup.when', { day: booking.day, time: booking.time })} ·{' '}
            {t(`booking.lookup.status.${booking.status}`)}
          </p>
          {(booking.name || booking.phone) && (
            <p>{[booking.name, booking.phone].filter(Boolean).join(', ')}</p>
          )}
          {open && (
            <div className="booking__move">
              <DayAndSlotFields
                names={{ day: 'move-day', slot: 'move-slot' }}
                day={day}
                onDay={setDay}
                free={free}
              />
              <button
                type="button"
                className="button"
                data-action="move-booking"
                disabled={!commands.ready || !slotAt}
                onClick={() => void move()}
              >
                {t('booking.lookup.move')}
              </button>
              <button
                type="button"
                className="button button--danger"
                data-action="cancel-booking"
                disabled={!commands.ready}
                onClick={() => void cancel()}
              >
                {t('booking.lookup.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
};
