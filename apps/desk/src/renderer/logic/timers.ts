/**
 * Timers of a visit: how long it has lasted against the service's standard, and when the
 * operator may mark a called visitor as absent. Pure, so the thresholds are tested.
 */
import type { QueuePolicy, Ticket } from '@queue/core';
import { MS_PER_MINUTE } from '@queue/core';

export type TimerLevel = 'ok' | 'amber' | 'red';

/** Past the standard the timer turns amber; past half as much again, red. */
export const RED_RATIO = 1.5;

export const timerLevel = (elapsedMs: number, standardMinutes: number): TimerLevel => {
  const standardMs = Math.max(1, standardMinutes) * MS_PER_MINUTE;
  if (elapsedMs >= standardMs * RED_RATIO) return 'red';
  if (elapsedMs >= standardMs) return 'amber';
  return 'ok';
};

/** `m:ss`, or `h:mm:ss` from an hour on; never negative. */
export const formatDuration = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
};

export interface NoShowGate {
  readonly allowed: boolean;
  /** Time left until the no-show time has passed; 0 once allowed. */
  readonly remainingMs: number;
}

/**
 * The same rule as the server's: no-show once `noShowAfterMinutes` have passed since the
 * last call, or once the visitor has been called `noShowAfterCalls` times.
 */
export const noShowGate = (ticket: Ticket, policy: QueuePolicy, now: number): NoShowGate => {
  if (ticket.status !== 'called') return { allowed: false, remainingMs: 0 };
  if (ticket.callCount >= policy.noShowAfterCalls) return { allowed: true, remainingMs: 0 };
  const since = now - (ticket.lastCalledAt ?? now);
  const remainingMs = Math.max(0, policy.noShowAfterMinutes * MS_PER_MINUTE - since);
  return { allowed: remainingMs === 0, remainingMs };
};

/**
 * The estimate of the server's clock only moves forward between snapshots: a summary
 * stamped later than the local estimate shows the server is ahead (its clock was set
 * forward, or the first offset was measured late).
 */
export const correctedOffset = (offsetMs: number, serverAt: number | undefined, localNow: number): number =>
  serverAt === undefined ? offsetMs : Math.max(offsetMs, serverAt - localNow);
