/** Numbers, minutes, shares and times in the screen's language, with Intl. */
import type { Language } from '@queue/core';
import { localeOf } from '@queue/ui';

export const formatCount = (value: number, language: Language): string =>
  new Intl.NumberFormat(localeOf(language)).format(value);

export const formatMinutes = (minutes: number, language: Language): string =>
  new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(minutes);

export const formatShare = (share: number, language: Language): string =>
  new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const formatMean = (mean: number, language: Language): string =>
  new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    mean,
  );

/** `HH:MM` in the given zone (the centre's own; the browser's when none is known). */
export const formatClockTime = (at: number, language: Language, timeZone?: string): string =>
  new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(at);

/** "5 minutes ago", "now": how long before `now` something happened. */
export const formatAgo = (at: number, now: number, language: Language): string => {
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto', style: 'short' });
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 60) return format.format(0, 'minute');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
};

/** A zone's name as people read it ("Europe/Kyiv" → "Kyiv"). */
export const zoneLabel = (timeZone: string): string =>
  (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
