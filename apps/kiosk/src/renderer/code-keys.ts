/**
 * A booking code typed on a keyboard, which is what a barcode scanner is: the code's letters
 * and digits, then Enter. Listened to all the time, so that a visitor may scan straight from
 * the start screen: the first character opens the appointment screen and no character is lost
 * (the code lives in the kiosk store, written synchronously, not in a screen that mounts later).
 */
import { BOOKING_CODE_ALPHABET } from '@queue/core';
import { useEffect } from 'react';
import { MAX_CODE_LENGTH, editCode, requestCheckIn, show, useKiosk } from './kiosk-store';

export const useCodeKeys = (): void => {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const { screen, code } = useKiosk.getState();
      if (screen.kind !== 'home' && screen.kind !== 'appointment') return;
      // Only the characters codes are made of, as on the on-screen keypad.
      if (event.key.length === 1 && BOOKING_CODE_ALPHABET.includes(event.key.toUpperCase())) {
        const typed = screen.kind === 'home' ? '' : code;
        if (screen.kind === 'home') show({ kind: 'appointment' });
        editCode((typed + event.key.toUpperCase()).slice(0, MAX_CODE_LENGTH));
      } else if (screen.kind === 'appointment' && event.key === 'Backspace') {
        editCode(code.slice(0, -1));
      } else if (screen.kind === 'appointment' && event.key === 'Enter') {
        event.preventDefault();
        requestCheckIn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
};
