/**
 * Bursts of public bookings, for a supervisor to see and cancel: the bookings made within a
 * window grouped by where they came from (the address; an IPv6 /64 is one) and by phone. A
 * group of at least the policy's threshold is a burst. Invented phones from one address show
 * up in its address group; one phone used from many addresses in its phone group.
 */
import { addressKey } from './origin';
import type { PublicBookingRecord } from './public-limits';

export type BurstKind = 'address' | 'phone';

export interface PublicBookingGroup {
  readonly kind: BurstKind;
  /** The address key or the normalised phone. */
  readonly key: string;
  /** Newest first. */
  readonly bookings: readonly PublicBookingRecord[];
  readonly firstAt: number;
  readonly lastAt: number;
  /** Bookings still holding a place. */
  readonly active: number;
  readonly burst: boolean;
}

/** Groups below this size are one person's ordinary booking and are not listed. */
const SMALLEST_GROUP = 2;

/** Public bookings grouped by address and by phone, bursts first, then the largest, then the latest. */
export const groupPublicBookings = (
  records: readonly PublicBookingRecord[],
  threshold: number,
): PublicBookingGroup[] => {
  const groups = new Map<string, { kind: BurstKind; key: string; bookings: PublicBookingRecord[] }>();
  const add = (kind: BurstKind, key: string, record: PublicBookingRecord): void => {
    const id = `${kind} ${key}`;
    const group = groups.get(id) ?? { kind, key, bookings: [] };
    group.bookings.push(record);
    groups.set(id, group);
  };
  for (const record of records) {
    add('address', addressKey(record.address), record);
    if (record.phone !== undefined) add('phone', record.phone, record);
  }
  return [...groups.values()]
    .filter((group) => group.bookings.length >= SMALLEST_GROUP)
    .map((group): PublicBookingGroup => {
      // A stable sort: bookings made at one moment keep the order given (the log's, newest first).
      const bookings = [...group.bookings].sort((a, b) => b.at - a.at);
      return {
        kind: group.kind,
        key: group.key,
        bookings,
        firstAt: bookings.at(-1)?.at ?? 0,
        lastAt: bookings[0]?.at ?? 0,
        active: bookings.filter((booking) => booking.active).length,
        burst: bookings.length >= threshold,
      };
    })
    .sort(
      (a, b) =>
        Number(b.burst) - Number(a.burst) || b.bookings.length - a.bookings.length || b.lastAt - a.lastAt,
    );
};
