/**
 * The desk terminal's window remembers its size and place between runs. Saved bounds are
 * used only if they are still visible on a connected display (a monitor may be gone).
 */
import type { DisplayInfo, Rectangle } from './electron-api';

export interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  bounds: { x: 0, y: 0, width: 1366, height: 768 },
  maximized: false,
};

const MIN_VISIBLE = 100;

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/** Whether enough of the window would be on some display for a person to grab it. */
export const isVisibleOn = (bounds: Rectangle, displays: readonly DisplayInfo[]): boolean =>
  displays.some((display) => {
    const shared = overlap(bounds, display.workArea);
    return shared.width >= MIN_VISIBLE && shared.height >= MIN_VISIBLE;
  });

/** Parse stored JSON; anything malformed or off-screen gives the default, centred on the primary. */
export const restoreWindowState = (
  stored: string | undefined,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
): WindowState => {
  const centred: WindowState = {
    maximized: false,
    bounds: {
      width: Math.min(DEFAULT_WINDOW_STATE.bounds.width, primary.workArea.width),
      height: Math.min(DEFAULT_WINDOW_STATE.bounds.height, primary.workArea.height),
      x: primary.workArea.x + Math.max(0, (primary.workArea.width - DEFAULT_WINDOW_STATE.bounds.width) / 2),
      y: primary.workArea.y + Math.max(0, (primary.workArea.height - DEFAULT_WINDOW_STATE.bounds.height) / 2),
    },
  };
  if (!stored) return centred;
  try {
    const parsed = JSON.parse(stored) as Partial<WindowState>;
    const bounds = parsed.bounds;
    const numbers =
      bounds && [bounds.x, bounds.y, bounds.width, bounds.height].every((value) => Number.isFinite(value));
    if (!bounds || !numbers || bounds.width < 400 || bounds.height < 300) return centred;
    if (!isVisibleOn(bounds, displays)) return centred;
    return { bounds, maximized: parsed.maximized === true };
  } catch {
    return centred;
  }
};
