/** The visitor's language choice is kept in this browser (Ukrainian until one is chosen). */
import { LANGUAGES, type Language } from '@queue/core';
import { setLanguage, useLanguageStore } from '@queue/ui';

const KEY = 'queue.city.language';

const isLanguage = (value: string | null): value is Language =>
  value !== null && (LANGUAGES as readonly string[]).includes(value);

export const restoreLanguage = (): void => {
  try {
    const saved = window.localStorage.getItem(KEY);
    setLanguage(isLanguage(saved) ? saved : 'uk');
    useLanguageStore.subscribe(({ language }) => window.localStorage.setItem(KEY, language));
  } catch {
    // Without storage the default language is used.
  }
};
