/**
 * The server's time now, ticking every second: the local clock plus the offset measured at
 * the last snapshot, moved forward when a summary shows the server is ahead. The offset is
 * worked out while rendering, so the very first frame after a snapshot already runs on the
 * server's clock (a screen that reads "today" then never sees the browser's date).
 */
import type { SyncState } from '@queue/client';
import { useEffect, useState } from 'react';
import { correctedOffset } from '../logic/timers';

/** A summary's correction, valid for the snapshot offset it was measured against. */
interface Ahead {
  readonly base: number;
  readonly offset: number;
}

/** The offset in force: the snapshot's, or the summary's correction of it. */
export const offsetInForce = (snapshotOffset: number, ahead: Ahead | undefined): number =>
  ahead && ahead.base === snapshotOffset ? ahead.offset : snapshotOffset;

export const useServerNow = (sync: SyncState, everyMs = 1_000): number => {
  const [local, setLocal] = useState(() => Date.now());
  const [ahead, setAhead] = useState<Ahead>();
  const snapshotOffset = sync.clockOffsetMs;
  const summaryAt = sync.summary?.at;

  useEffect(() => {
    if (summaryAt === undefined) return;
    setAhead((previous) => ({
      base: snapshotOffset,
      offset: correctedOffset(offsetInForce(snapshotOffset, previous), summaryAt, Date.now()),
    }));
  }, [summaryAt, snapshotOffset]);

  useEffect(() => {
    const timer = window.setInterval(() => setLocal(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);

  return local + offsetInForce(snapshotOffset, ahead);
};
