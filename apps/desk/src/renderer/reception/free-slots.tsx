/**
 * The free times of a bookable service on a day, asked of the server whenever the service,
 * the day or `refresh` changes, and the one chosen among them (cleared when a new list
 * arrives, so a time that is no longer offered cannot stay chosen).
 */
import type { QueueConnection } from '@queue/client';
import type { OfferedSlotView } from '@queue/protocol';
import { useT } from '@queue/ui';
import { useEffect, useState } from 'react';

export interface FreeSlots {
  readonly slots: readonly OfferedSlotView[];
  readonly slotAt: string;
  readonly setSlotAt: (slotAt: string) => void;
}

export const useFreeSlots = (
  connection: QueueConnection | undefined,
  online: boolean,
  serviceCode: string | undefined,
  day: string,
  refresh?: unknown,
): FreeSlots => {
  const [slots, setSlots] = useState<readonly OfferedSlotView[]>([]);
  const [slotAt, setSlotAt] = useState('');
  useEffect(() => {
    if (!connection || !online || !serviceCode || !day) return;
    let current = true;
    void connection.request('booking:slots', { serviceCode, day }).then((answer) => {
      if (!current) return;
      setSlots(answer.ok ? answer.data : []);
      setSlotAt('');
    });
    return () => {
      current = false;
    };
  }, [connection, online, serviceCode, day, refresh]);
  return { slots, slotAt, setSlotAt };
};

/** The day and the free time, as both the booking form and the move of a booking ask them. */
export const DayAndSlotFields = ({
  names,
  day,
  onDay,
  free,
  required = false,
}: {
  readonly names: { readonly day: string; readonly slot: string };
  readonly day: string;
  readonly onDay: (day: string) => void;
  readonly free: FreeSlots;
  readonly required?: boolean;
}) => {
  const t = useT();
  return (
    <>
      <label className="field">
        <span className="field__label">{t('booking.reception.day')}</span>
        <input type="date" name={names.day} value={day} onChange={(event) => onDay(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('booking.reception.slot')}</span>
        <select
          name={names.slot}
          value={free.slotAt}
          required={required}
          onChange={(event) => free.setSlotAt(event.target.value)}
        >
          <option value="">{free.slots.length === 0 ? t('booking.reception.noSlots') : '—'}</option>
          {free.slots.map((slot) => (
            <option key={slot.start} value={slot.start}>
              {slot.time}
            </option>
          ))}
        </select>
      </label>
    </>
  );
};
