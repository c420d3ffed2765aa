/**
 * In the Electron shell, an administrator leaves kiosk mode here: five quick taps on the
 * kiosk's title (not a control, so visitors do not use it) open a PIN pad; the shell checks
 * the PIN and slows down guessing. In a browser, or in a shell without the function, the
 * taps do nothing. Only a kiosk in such a shell loads the PIN pad (after its first screen,
 * see `preloadAdminExit`), so that it opens even when the server has gone away.
 */
import { type PointerEvent, type ReactNode, Suspense, useCallback, useRef, useState } from 'react';
import { createTapCounter } from './admin-gesture';
import { preloadable } from './preloadable';
import { exitKiosk } from './shell-exit';

const PinPad = preloadable(async () => (await import('./PinPad')).PinPad);

/** In a shell that can leave kiosk mode, fetch the PIN pad now; elsewhere it is never needed. */
export const preloadAdminExit = (): void => {
  if (exitKiosk()) void PinPad.preload();
};

export interface AdminExit {
  /** For the title's `onPointerDown`. */
  readonly onTap: (event: PointerEvent) => void;
  /** The PIN pad while it is open, else nothing. */
  readonly dialog: ReactNode;
}

export const useAdminExit = (): AdminExit => {
  const [open, setOpen] = useState(false);
  const counter = useRef(createTapCounter());
  const close = useCallback(() => setOpen(false), []);
  const onTap = useCallback((event: PointerEvent) => {
    if (exitKiosk() && counter.current.tap(event.timeStamp)) setOpen(true);
  }, []);
  return {
    onTap,
    dialog: open ? (
      <Suspense fallback={null}>
        <PinPad.Component onClose={close} />
      </Suspense>
    ) : null,
  };
};
