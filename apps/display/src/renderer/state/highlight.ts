/** Which call blinks: the newest call of the board, for a few seconds after it comes. */
import { create } from 'zustand';

/** As long as the blinking in display.css (five 1 s blinks). */
export const HIGHLIGHT_MS = 5_000;

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
