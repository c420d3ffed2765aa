/** Calls `onIdle` when nobody has touched the screen for `timeoutMs`. */
import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export const useIdle = (timeoutMs: number, onIdle: () => void): void => {
  useEffect(() => {
    let timer = window.setTimeout(onIdle, timeoutMs);
    const restart = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, timeoutMs);
    };
    for (const name of ACTIVITY) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, restart);
    };
  }, [timeoutMs, onIdle]);
};
