/**
 * Kiosks and boards hold a device token: from pairing (see `pairing/`) or, for the demo
 * devices, given once in the address
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

/** Keep a token given by pairing (the secret of an approved request). */
export const saveDeviceToken = (storageKey: string, token: string): void => {
  try {
    window.localStorage.setItem(storageKey, token);
  } catch {
    // Without storage the device pairs again after a reload.
  }
};

/** Forget a token the server no longer accepts (revoked), so the device pairs again. */
export const forgetDeviceToken = (storageKey: string): void => {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    // Nothing was kept.
  }
};
