/** Which call is fresh: the newest one is highlighted for a few seconds after it comes. */
import { create } from 'zustand';

export const HIGHLIGHT_MS = 10_000;

interface HighlightState {
  readonly seq?: number;
}

export const useHighlight = create<HighlightState>()(() => ({}));

let timer: ReturnType<typeof setTimeout> | undefined;

export const highlight = (seq: number): void => {
  if (timer) clearTimeout(timer);
  useHighlight.setState({ seq });
  timer = setTimeout(() => useHighlight.setState({ seq: undefined }), HIGHLIGHT_MS);
};
