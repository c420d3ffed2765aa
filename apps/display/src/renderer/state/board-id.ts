/**
 * Which board this screen is: `?board=<id>` in the address, remembered in localStorage like
 * the device token, so a board that restarts without it stays the same board. Without
 * either, the centre's first board.
 */
const STORAGE_KEY = 'queue.display.board';

export const takeBoardId = (): string | undefined => {
  const fromUrl = new URL(window.location.href).searchParams.get('board')?.trim();
  try {
    if (fromUrl) {
      window.localStorage.setItem(STORAGE_KEY, fromUrl);
      return fromUrl;
    }
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    // Storage may be disabled; the address still works for this visit.
    return fromUrl || undefined;
  }
};
