/** Dates and times in the screen's language and the centre's time zone. */
import type { Language } from '@queue/core';

const LOCALES: Readonly<Record<Language, string>> = { uk: 'uk-UA', ru: 'ru-UA', en: 'en-GB' };

export const localeOf = (language: Language): string => LOCALES[language];

export const formatTime = (at: number, language: Language, timeZone?: string): string =>
  new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(at);

export const formatDate = (at: number, language: Language, timeZone?: string): string =>
  new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(at);
