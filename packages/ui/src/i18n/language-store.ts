/**
 * The language the screen speaks now, shared by every component through a small zustand
 * store; `useT()` gives a translate function bound to it.
 */
import { DEFAULT_LANGUAGE, type Language } from '@queue/core';
import { useCallback } from 'react';
import { create } from 'zustand';
import { type MessageParams, hasLanguage, loadLanguage, translate } from './translate';
import type { MessageKey } from './uk';

interface LanguageState {
  readonly language: Language;
}

export const useLanguageStore = create<LanguageState>()(() => ({ language: DEFAULT_LANGUAGE }));

let requested: Language = DEFAULT_LANGUAGE;

const apply = (language: Language): void => {
  useLanguageStore.setState({ language });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};

/**
 * Switch the screen's language. Ukrainian is always at hand; another language's messages
 * load the first time (a small chunk), and the screen switches when they are there, so it
 * never shows half a language. Of quick taps, the last one wins; if the load fails the
 * screen stays as it is and the next tap tries again.
 */
export const setLanguage = (language: Language): void => {
  requested = language;
  if (hasLanguage(language)) return apply(language);
  loadLanguage(language).then(
    () => {
      if (requested === language) apply(language);
    },
    () => undefined,
  );
};

export const getLanguage = (): Language => useLanguageStore.getState().language;

export const useLanguage = (): Language => useLanguageStore((state) => state.language);

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const useT = (): Translate => {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
};
