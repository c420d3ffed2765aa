/**
 * Which desk this window display is for, and in which language it speaks: `?desk=5` (the
 * desk's number, or its id `desk-5`) and `?lang=uk|ru|en` in the address, remembered in
 * localStorage like the device token, so a screen that restarts without them stays the same.
 */
import type { Language } from '@queue/core';

const DESK_KEY = 'queue.window.desk';
const LANGUAGE_KEY = 'queue.window.language';
const LANGUAGES: readonly Language[] = ['uk', 'ru', 'en'];

const take = (name: string, storageKey: string): string | undefined => {
  const fromUrl = new URL(window.location.href).searchParams.get(name)?.trim();
  try {
    if (fromUrl) {
      window.localStorage.setItem(storageKey, fromUrl);
      return fromUrl;
    }
    return window.localStorage.getItem(storageKey) ?? undefined;
  } catch {
    // Storage may be disabled; the address still works for this visit.
    return fromUrl || undefined;
  }
};

export const takeDeskKey = (): string | undefined => take('desk', DESK_KEY);

export const takeLanguage = (): Language => {
  const wanted = take('lang', LANGUAGE_KEY);
  return LANGUAGES.find((language) => language === wanted) ?? 'uk';
};
