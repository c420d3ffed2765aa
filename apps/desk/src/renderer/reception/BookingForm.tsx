/**
 * Reception books a visit for someone at the counter or on the phone: a bookable service, a
 * day and one of its free times (asked of the server), the visitor's name and phone. The
 * answer is the booking's code, which the visitor types at the kiosk when they come.
 */
import type { QueueConnection } from '@queue/client';
import { type Centre, bookingPolicyOf, instant, isBookable, serviceDayOf } from '@queue/core';
import type { StaffBooking } from '@queue/protocol';
import { useLocalize, useT } from '@queue/ui';
import { type FormEvent, useState } from 'react';
import { useCommands } from '../common/use-commands';
import { DayAndSlotFields, useFreeSlots } from './free-slots';

interface Props {
  readonly centre: Centre;
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly now: number;
}

export const BookingForm = ({ centre, connection, online, now }: Props) => {
  const t = useT();
  const localize = useLocalize();
  const commands = useCommands(connection, online);
  const policy = bookingPolicyOf(centre);
  const services = centre.services.filter((service) => isBookable(policy, service));
  const [serviceCode, setServiceCode] = useState(services[0]?.code ?? '');
  // Today is the server's date in the centre's time zone, until reception picks a day.
  const [picked, setDay] = useState<string>();
  const day = picked ?? serviceDayOf(instant(now), centre.site.timeZone);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [booked, setBooked] = useState<StaffBooking>();
  const [failure, setFailure] = useState<string>();
  // A new booking takes its time: the list is asked again after each one.
  const free = useFreeSlots(connection, online, serviceCode, day, booked);
  const { slotAt } = free;

  if (services.length === 0) return null;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!slotAt) return;
    const answer = await commands.send('booking:create', {
      serviceCode,
      slotAt: Number(slotAt),
      name: name.trim(),
      phone: phone.trim(),
    });
    if (!answer) return;
    if (!answer.ok) return setFailure(answer.error.code);
    setFailure(undefined);
    setBooked(answer.data);
    setName('');
    setPhone('');
  };

  return (
    <section className="panel booking" aria-labelledby="booking-heading" data-testid="booking-form">
      <h2 className="panel-heading" id="booking-heading">
        {t('booking.reception.heading')}
      </h2>
      <form onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span className="field__label">{t('booking.reception.service')}</span>
          <select
            name="booking-service"
            value={serviceCode}
            onChange={(event) => setServiceCode(event.target.value)}
          >
            {services.map((service) => (
              <option key={service.code} value={service.code}>
                {localize(service.name)}
              </option>
            ))}
          </select>
        </label>
        <DayAndSlotFields
          names={{ day: 'booking-day', slot: 'booking-slot' }}
          day={day}
          onDay={setDay}
          free={free}
          required
        />
        <label className="field">
          <span className="field__label">{t('booking.reception.name')}</span>
          <input
            type="text"
            name="booking-name"
            required
            minLength={2}
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('booking.reception.phone')}</span>
          <input
            type="tel"
            name="booking-phone"
            required
            maxLength={20}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
        </label>
        {failure && (
          <p className="refusal" role="alert" data-code={failure}>
            {t('booking.reception.failed', { reason: failure })}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-action="book"
          disabled={!commands.ready || !slotAt}
        >
          {t('booking.reception.submit')}
        </button>
        {booked && (
          <p className="booking__done" role="status" data-testid="booking-done">
            {t('booking.reception.done', { code: booked.code, day: booked.day, time: booked.time })}
          </p>
        )}
      </form>
    </section>
  );
};
