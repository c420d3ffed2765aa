/**
 * The language the screen speaks now, shared by every component through a small zustand
 * store; `useT()` gives a translate function bound to it.
 */
import { DEFAULT_LANGUAGE, type Language } from '@queue/core';
import { useCallback } from 'react';
import { create } from 'zustand';
import { type MessageParams, translate } from './translate';
import type { MessageKey } from './uk';

interface LanguageState {
  readonly language: Language;
}

export const useLanguageStore = create<LanguageState>()(() => ({ language: DEFAULT_LANGUAGE }));

export const setLanguage = (language: Language): void => {
  useLanguageStore.setState({ language });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};

export const getLanguage = (): Language => useLanguageStore.getState().language;

export const useLanguage = (): Language => useLanguageStore((state) => state.language);

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const useT = (): Translate => {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
};
