/**
 * The server's time now, ticking every second: the local clock plus the offset measured at
 * the last snapshot, moved forward when a summary shows the server is ahead.
 */
import type { SyncState } from '@queue/client';
import { useEffect, useState } from 'react';
import { correctedOffset } from '../logic/timers';

export const useServerNow = (sync: SyncState, everyMs = 1_000): number => {
  const [local, setLocal] = useState(() => Date.now());
  const [offset, setOffset] = useState(sync.clockOffsetMs);
  const summaryAt = sync.summary?.at;

  useEffect(() => {
    setOffset(sync.clockOffsetMs);
  }, [sync.clockOffsetMs]);

  useEffect(() => {
    setOffset((previous) => correctedOffset(previous, summaryAt, Date.now()));
  }, [summaryAt]);

  useEffect(() => {
    const timer = window.setInterval(() => setLocal(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);

  return local + offset;
};
