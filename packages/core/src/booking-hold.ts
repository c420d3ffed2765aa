/**
 * A desk kept free for a booked visitor who has not checked in yet. Booked visitors come a
 * few minutes before their slot; a desk that started a walk-in's 20-minute visit just before
 * they came keeps them waiting past their slot whatever the calling order does next. So a
 * desk that a booking due soon will need does not start a walk-in whose typical visit would
 * run past the slot by more than the few minutes a booked visitor may wait: it calls a
 * walk-in with a shorter visit, or nobody, until the visitor checks in or the slot is that
 * far behind (a booked visitor who does not come frees the desk then).
 *
 * Which desk a booking needs: each booking due at a moment goes to the lowest-numbered open
 * desk that serves its service and is not already kept for another booking at that moment,
 * so a service with several desks keeps one of them, not all.
 */
import { type Centre, type Desk, deskWeightFor } from './centre';
import { type Instant, MS_PER_MINUTE, type ServiceCode } from './ids';
import { type QueueState, deskStateOf } from './state';

/** A booking whose visitor has not checked in: its service and its slot. */
export interface ExpectedBooking {
  readonly serviceCode: ServiceCode;
  readonly slotAt: Instant;
}

/** A booked visitor called within this many minutes of the slot is called on time. */
export const BOOKING_ON_TIME_MINUTES = 5;

/**
 * A walk-in who has waited more than this many times their service's waiting standard is
 * called though the desk is kept: a booked visitor's few minutes weigh less than a wait that
 * long. Without it the longest ordinary wait of the simulated day rose from 145 to 158 minutes
 * (first-come-first-served: 142); with it, 145 again (docs/performance.md, finding 9).
 */
export const HELD_BACK_UP_TO_STANDARDS = 3;

const onTimeUntil = (booking: ExpectedBooking): number =>
  booking.slotAt + BOOKING_ON_TIME_MINUTES * MS_PER_MINUTE;

/**
 * The moment by which this desk must be free for a booking it is kept for (the earliest such
 * booking's slot plus the on-time minutes), or undefined when it is kept for none.
 */
export const keptFreeUntil = (
  centre: Centre,
  state: QueueState,
  desk: Desk,
  expected: readonly ExpectedBooking[],
  at: Instant,
): Instant | undefined => {
  const coming = expected
    .filter((booking) => onTimeUntil(booking) > at)
    .sort((a, b) => a.slotAt - b.slotAt || (a.serviceCode < b.serviceCode ? -1 : 1));
  const open = centre.desks
    .filter((candidate) => deskStateOf(state, candidate.id).status === 'open')
    .sort((a, b) => a.number - b.number);
  let taken = new Set<string>();
  let moment: number | undefined;
  for (const booking of coming) {
    if (booking.slotAt !== moment) {
      moment = booking.slotAt;
      taken = new Set();
    }
    const keeper = open.find(
      (candidate) => !taken.has(candidate.id) && deskWeightFor(candidate, booking.serviceCode) > 0,
    );
    if (!keeper) continue;
    taken.add(keeper.id);
    if (keeper.id === desk.id) return onTimeUntil(booking) as Instant;
  }
  return undefined;
};

/**
 * Whether a visit of typical length `minutes` started at `at` ends by `until`. The typical
 * length, not a margin above it: with every slot of a busy sole desk booked, keeping the desk
 * free for twice the typical visit brought booked visitors on time from 78% to 91% but made
 * its walk-ins wait three times as long, some past closing (docs/performance.md, finding 9).
 */
export const endsBy = (at: Instant, minutes: number, until: Instant | undefined): boolean =>
  until === undefined || at + minutes * MS_PER_MINUTE <= until;
