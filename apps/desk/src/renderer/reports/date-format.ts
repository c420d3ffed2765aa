/**
 * Calendar days (`YYYY-MM-DD`) as people read them in the screen's language: "24 лист. 2026 р."
 * in a table, "23–24 листопада 2026 р." for a period. The day is the same in any time zone.
 */
import type { Language } from '@queue/core';
import { localeOf } from '@queue/ui';

const noon = (day: string): number => Date.parse(`${day}T12:00:00Z`);

/** A day in a table's cell: short month, with the year. */
export const formatDay = (day: string, language: Language): string => {
  const at = noon(day);
  if (!Number.isFinite(at)) return day;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
};

/** A period in a sentence: one day, or from one day to another, the month and year said once if shared. */
export const formatPeriod = (from: string, to: string, language: Language): string => {
  const start = noon(from);
  const end = noon(to);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return from === to ? from : `${from} – ${to}`;
  const format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' });
  return from === to ? format.format(start) : format.formatRange(Math.min(start, end), Math.max(start, end));
};

/** The text as a sentence: a full stop at the end, unless a date's "р." or "г." already ends it. */
export const sentence = (text: string): string => (text.endsWith('.') ? text : `${text}.`);
