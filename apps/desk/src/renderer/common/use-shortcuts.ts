/**
 * Keyboard shortcuts for the operator: function keys and Space. Typing in a field is left
 * alone, held keys do not repeat the command, nothing fires behind an open dialog or on a
 * hidden tab, and the browser's own use of the keys (help on F1, activating a focused
 * button on Space) is suppressed.
 */
import { useLayoutEffect, useRef } from 'react';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement;

const dialogOpen = (): boolean => document.querySelector('dialog[open]') !== null;

export const useShortcuts = (bindings: ReadonlyMap<string, () => void>, active = true): void => {
  // The listener reads the bindings through a ref that is swapped before the browser paints:
  // a key pressed the moment a button shows as enabled runs that button's command, not the
  // one the previous render bound (a passive effect would re-bind only after the paint).
  const current = useRef(bindings);
  useLayoutEffect(() => {
    current.current = bindings;
  }, [bindings]);

  useLayoutEffect(() => {
    if (!active) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      const handler = current.current.get(event.code);
      if (!handler || isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (dialogOpen()) return;
      event.preventDefault();
      if (!event.repeat) handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
};
