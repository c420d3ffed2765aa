/**
 * Texts that come from the server (service, category and desk names) carry all three
 * languages; these pick the one the screen speaks, Ukrainian when one is blank.
 */
import { DEFAULT_LANGUAGE, type Language, type LocalizedText } from '@queue/core';
import { useCallback } from 'react';
import { useLanguage } from './language-store';

export const localize = (text: LocalizedText, language: Language): string =>
  text[language] || text[DEFAULT_LANGUAGE];

export const useLocalize = (): ((text: LocalizedText) => string) => {
  const language = useLanguage();
  return useCallback((text) => localize(text, language), [language]);
};
