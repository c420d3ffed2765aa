/**
 * The city pages' translate function, bound to the language chosen on the screen (the shared
 * store of @queue/ui, so its language switch drives these messages too).
 */
import type { Language } from '@queue/core';
import { useLanguage } from '@queue/ui';
import { useCallback } from 'react';
import { CITY_MESSAGES, type CityMessageKey } from './messages';

export type CityParams = Readonly<Record<string, string | number>>;
export type CityTranslate = (key: CityMessageKey, params?: CityParams) => string;

export const cityText = (language: Language, key: CityMessageKey, params?: CityParams): string => {
  const template = CITY_MESSAGES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
};

export const useCityT = (): CityTranslate => {
  const language = useLanguage();
  return useCallback((key, params) => cityText(language, key, params), [language]);
};
