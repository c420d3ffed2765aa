/**
 * Supervisors: online bookings grouped by the address they came from and by phone, a burst
 * (one person booking many slots, whatever names and numbers they invent) flagged, and its
 * bookings still held cancelled in one action. The server checks every code against the
 * group again, so a list gone stale cancels nothing it should not.
 */
import type { QueueConnection } from '@queue/client';
import { type Instant, formatClock, localTime } from '@queue/core';
import type { BookingBurstsView, PublicBookingGroupView } from '@queue/protocol';
import { useT } from '@queue/ui';
import { useCallback, useEffect, useState } from 'react';
import { useCommands } from '../common/use-commands';

interface Props {
  readonly connection: QueueConnection | undefined;
  readonly online: boolean;
  readonly timeZone: string;
}

const WINDOWS = [60, 1440, 10080] as const;
type WindowMinutes = (typeof WINDOWS)[number];

const groupId = (group: PublicBookingGroupView): string => `${group.kind} ${group.key}`;

export const BookingBursts = ({ connection, online, timeZone }: Props) => {
  const t = useT();
  const commands = useCommands(connection, online);
  const [windowMinutes, setWindowMinutes] = useState<WindowMinutes>(1440);
  const [view, setView] = useState<BookingBurstsView>();
  const [failure, setFailure] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [outcome, setOutcome] = useState<{ cancelled: number; skipped: number }>();

  const at = (instant: number): string => {
    const local = localTime(instant as Instant, timeZone);
    return `${local.day} ${formatClock(local.minuteOfDay)}`;
  };

  const load = useCallback(async (): Promise<void> => {
    if (!connection || !online) return;
    const answer = await connection.request('booking:bursts', { windowMinutes });
    setView(answer.ok ? answer.data : undefined);
    setFailure(answer.ok ? undefined : answer.error.code);
  }, [connection, online, windowMinutes]);

  useEffect(() => {
    void load();
  }, [load]);

  const cancel = async (group: PublicBookingGroupView): Promise<void> => {
    const codes = group.bookings
      .filter((booking) => booking.status === 'booked')
      .map((booking) => booking.code);
    setConfirming(undefined);
    if (codes.length === 0) return;
    const answer = await commands.send('booking:cancel-burst', {
      kind: group.kind,
      key: group.key,
      windowMinutes,
      codes,
    });
    if (!answer) return;
    if (answer.ok)
      setOutcome({ cancelled: answer.data.cancelled.length, skipped: answer.data.skipped.length });
    else setFailure(answer.error.code);
    await load();
  };

  return (
    <section
      className="panel booking-bursts"
      aria-labelledby="booking-bursts-heading"
      data-testid="booking-bursts"
    >
      <h2 className="panel-heading" id="booking-bursts-heading">
        {t('booking.bursts.heading')}
      </h2>
      <div className="booking-bursts__controls">
        <label className="field">
          <span className="field__label">{t('booking.bursts.window')}</span>
          <select
            name="burst-window"
            value={windowMinutes}
            onChange={(event) => setWindowMinutes(Number(event.target.value) as WindowMinutes)}
          >
            {WINDOWS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t(`booking.bursts.window.${minutes}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" data-action="refresh-bursts" onClick={() => void load()}>
          {t('booking.bursts.refresh')}
        </button>
      </div>
      {failure && (
        <p className="refusal" role="alert" data-code={failure}>
          {t('booking.bursts.failed', { reason: failure })}
        </p>
      )}
      {outcome && (
        <p className="booking-bursts__outcome" role="status" data-testid="burst-outcome">
          {t('booking.bursts.cancelled', outcome)}
        </p>
      )}
      {view && view.groups.length === 0 && <p>{t('booking.bursts.none')}</p>}
      <ul className="booking-bursts__groups">
        {view?.groups.map((group) => {
          const held = group.bookings.filter((booking) => booking.status === 'booked').length;
          return (
            <li
              key={groupId(group)}
              className="booking-bursts__group"
              data-testid="burst-group"
              data-kind={group.kind}
              data-burst={group.burst}
            >
              <p>
                <strong>
                  {t(`booking.bursts.kind.${group.kind}`)}: {group.key}
                </strong>
                {group.burst && <span className="booking-bursts__flag"> {t('booking.bursts.flag')}</span>}
              </p>
              <p>
                {t('booking.bursts.summary', {
                  count: group.count,
                  active: group.active,
                  first: at(group.firstAt),
                  last: at(group.lastAt),
                })}
              </p>
              <ul className="booking-bursts__bookings">
                {group.bookings.map((booking) => (
                  <li key={booking.code} data-status={booking.status}>
                    <strong>{booking.code}</strong>{' '}
                    {t('booking.lookup.when', { day: booking.day, time: booking.time })} ·{' '}
                    {t(`booking.lookup.status.${booking.status}`)} ·{' '}
                    {[booking.name, booking.phone].filter(Boolean).join(', ')} ·{' '}
                    {t('booking.bursts.madeAt', { time: at(booking.madeAt) })}
                  </li>
                ))}
              </ul>
              {held > 0 &&
                (confirming === groupId(group) ? (
                  <div className="booking-bursts__confirm">
                    <button
                      type="button"
                      className="button button--danger"
                      data-action="confirm-cancel-burst"
                      disabled={!commands.ready}
                      onClick={() => void cancel(group)}
                    >
                      {t('booking.bursts.confirm', { count: held })}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(undefined)}>
                      {t('booking.bursts.keep')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button--danger"
                    data-action="cancel-burst"
                    disabled={!commands.ready}
                    onClick={() => {
                      setOutcome(undefined);
                      setConfirming(groupId(group));
                    }}
                  >
                    {t('booking.bursts.cancel', { count: held })}
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
