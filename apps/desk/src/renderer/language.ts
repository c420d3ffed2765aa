/** An operator's language choice is kept on this computer between sessions. */
import { LANGUAGES, type Language } from '@queue/core';
import { setLanguage, useLanguageStore } from '@queue/ui';

const KEY = 'queue.desk.language';

const isLanguage = (value: string | null): value is Language =>
  value !== null && (LANGUAGES as readonly string[]).includes(value);

export const restoreLanguage = (): void => {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (isLanguage(saved)) setLanguage(saved);
    useLanguageStore.subscribe(({ language }) => window.localStorage.setItem(KEY, language));
  } catch {
    // Without storage the default language is used.
  }
};
