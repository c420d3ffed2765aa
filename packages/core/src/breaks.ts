/**
 * When a paused desk is expected back. The operator may say how long the break is (the desk's
 * pause dialog offers lengths); otherwise a break is taken to last the typical length. A break
 * that has run past either is taken to have a few minutes left, not to be over: the desk
 * comes back, but not at once (a visitor issued at the only desk's break used to be told the
 * wait of a free desk).
 */
import { type Instant, MS_PER_MINUTE } from './ids';
import type { DeskState } from './state';

/** How long a break is taken to last when the operator did not say. */
export const TYPICAL_BREAK_MINUTES = 15;
/** The longest break an operator may announce; longer is closing the desk. */
export const MAX_BREAK_MINUTES = 240;
const LEFT_OF_LONG_BREAK_MINUTES = 5;

/** An announced break length as the queue keeps it: whole minutes within bounds, or none. */
export const plannedBreakMinutes = (minutes: number | undefined): number | undefined =>
  minutes !== undefined && Number.isFinite(minutes) && minutes >= 1
    ? Math.min(MAX_BREAK_MINUTES, Math.round(minutes))
    : undefined;

/** The moment a paused desk is expected to take visitors again, seen at `at`. */
export const expectedBackAt = (deskState: DeskState, at: Instant): number => {
  const minutes = deskState.pauseMinutes ?? TYPICAL_BREAK_MINUTES;
  const back = (deskState.since ?? at) + minutes * MS_PER_MINUTE;
  return Math.max(back, at + LEFT_OF_LONG_BREAK_MINUTES * MS_PER_MINUTE);
};
