/**
 * Dates, times and opening hours as printed: always in the site's own time zone, in a fixed
 * numeric form (23.11.2026 14:05) that reads the same in every language and does not depend
 * on the ICU data of the machine that prints.
 */
import type { Language, TimeRange, WeeklyHours } from '@queue/core';
import { MESSAGES } from './messages';

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export interface LocalDateTime {
  /** `DD.MM.YYYY` */
  readonly date: string;
  /** `HH:MM`, 24-hour clock */
  readonly time: string;
}

/** The wall-clock date and time at the site for an instant (milliseconds since the epoch). */
export const localDateTime = (at: number, timeZone: string): LocalDateTime => {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
  return {
    date: `${parts.day}.${parts.month}.${parts.year}`,
    time: `${parts.hour}:${parts.minute}`,
  };
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const rangesText = (ranges: readonly TimeRange[] | undefined, language: Language): string =>
  ranges && ranges.length > 0
    ? ranges.map((range) => `${range.from}–${range.to}`).join(', ')
    : MESSAGES[language].closed;

/**
 * The week in as few lines as it takes: runs of days with the same hours are joined,
 * e.g. `Пн–Пт 08:00–21:00`, `Сб–Нд 09:00–17:00`.
 */
export const weeklyHoursLines = (hours: WeeklyHours, language: Language): string[] => {
  const names = MESSAGES[language].weekdays;
  const lines: string[] = [];
  let runStart = 0;
  for (let index = 1; index <= WEEKDAYS.length; index += 1) {
    const previous = rangesText(hours[WEEKDAYS[index - 1] ?? 1], language);
    const current = index < WEEKDAYS.length ? rangesText(hours[WEEKDAYS[index] ?? 1], language) : undefined;
    if (current === previous) continue;
    const days =
      runStart === index - 1 ? names[runStart] : `${names[runStart] ?? ''}–${names[index - 1] ?? ''}`;
    lines.push(`${days} ${previous}`);
    runStart = index;
  }
  return lines;
};
