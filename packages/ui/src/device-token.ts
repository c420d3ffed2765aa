/**
 * Kiosks and boards are paired by a device token given once in the address
 * (`?device=<token>`). It is kept in localStorage and removed from the address bar so it is
 * not shown on screen or kept in the browser history.
 */
export const takeDeviceToken = (storageKey: string): string | undefined => {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('device');
  if (fromUrl) {
    try {
      window.localStorage.setItem(storageKey, fromUrl);
    } catch {
      // Storage may be disabled; the token from the address still works for this visit.
    }
    url.searchParams.delete('device');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return window.localStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
};
