/**
 * Which recent calls a client keeps. A board may show only some desks (a zone, one
 * organisation's windows), so a window of the latest calls of the whole hall could hold none
 * of its own after a busy spell elsewhere: instead, the latest calls of every desk are kept.
 */
import type { CallView } from './views';

/** Per desk: enough for a board's list of previous calls (8), with room for recalls. */
export const RECENT_CALLS_PER_DESK = 12;

/** The latest `perDesk` calls of each desk, oldest first. */
export const latestCallsPerDesk = (
  calls: readonly CallView[],
  perDesk: number = RECENT_CALLS_PER_DESK,
): CallView[] => {
  const kept: CallView[] = [];
  const countByDesk = new Map<string, number>();
  for (const call of [...calls].sort((a, b) => b.seq - a.seq)) {
    const count = countByDesk.get(call.deskId) ?? 0;
    if (count >= perDesk) continue;
    countByDesk.set(call.deskId, count + 1);
    kept.push(call);
  }
  return kept.reverse();
};
