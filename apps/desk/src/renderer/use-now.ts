/** The server's time now, refreshed every few seconds: enough for minutes of waiting. */
import { useEffect, useState } from 'react';

export const useNow = (offsetMs: number, everyMs = 10_000): number => {
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setLocal(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return local + offsetMs;
};
