/**
 * How much of each local hour each desk was open on a past day, from the desks' events: open
 * and not on a break counts, a pause or a closed desk does not. The day starts with every desk
 * closed (the day's start closes them all).
 */
import { localClockFor } from '../reports/local-clock';

export interface DeskEventRow {
  readonly type: string;
  readonly at: number;
  /** Null for `day:started`, which closes every desk. */
  readonly deskId: string | null;
}

const MINUTE_MS = 60_000;

/**
 * For each desk, 24 shares (0..1) of the local hours between `from` and `to` (the day's two
 * local midnights) when it was open. Sampled each minute, so a daylight-saving day's doubled
 * or missing hour is still a share of the minutes that hour really had.
 */
export const deskOpenShares = (
  events: readonly DeskEventRow[],
  from: number,
  to: number,
  timeZone: string,
): Record<string, number[]> => {
  const clock = localClockFor(timeZone);
  const sorted = [...events].sort((left, right) => left.at - right.at);
  const status = new Map<string, 'open' | 'paused' | 'closed'>();
  const minutesInHour = new Array<number>(24).fill(0);
  const openMinutes = new Map<string, number[]>();
  let next = 0;
  for (let at = from; at < to; at += MINUTE_MS) {
    // Events up to the minute's middle decide its state.
    for (; next < sorted.length && (sorted[next] as DeskEventRow).at <= at + MINUTE_MS / 2; next += 1) {
      const event = sorted[next] as DeskEventRow;
      if (event.type === 'day:started') status.clear();
      else if (event.deskId === null) continue;
      else if (event.type === 'desk:opened' || event.type === 'desk:resumed')
        status.set(event.deskId, 'open');
      else if (event.type === 'desk:paused') status.set(event.deskId, 'paused');
      else if (event.type === 'desk:closed') status.set(event.deskId, 'closed');
    }
    const { hour } = clock(at);
    minutesInHour[hour] = (minutesInHour[hour] ?? 0) + 1;
    for (const [deskId, state] of status) {
      if (state !== 'open') continue;
      let minutes = openMinutes.get(deskId);
      if (!minutes) {
        minutes = new Array<number>(24).fill(0);
        openMinutes.set(deskId, minutes);
      }
      minutes[hour] = (minutes[hour] ?? 0) + 1;
    }
  }
  const shares: Record<string, number[]> = {};
  for (const [deskId, minutes] of openMinutes) {
    shares[deskId] = minutes.map((count, hour) => (count === 0 ? 0 : count / (minutesInHour[hour] ?? 1)));
  }
  return shares;
};
