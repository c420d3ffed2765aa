/** How the staffing plan's figures read on screen, in the screen's language. */
import type { Language } from '@queue/core';
import { localeOf } from '@queue/ui';

/** Desks to one decimal: "1,3" in Ukrainian, "1.3" in English. */
export const formatDesks = (value: number, language: Language): string =>
  new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value);

/** A calendar day as day and month ("18.11"), the same in any zone. */
export const formatShortDay = (day: string, language: Language): string =>
  new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(
    Date.parse(`${day}T12:00:00Z`),
  );

/** A calendar day in full ("середа, 18 листопада 2026 р."). */
export const formatLongDay = (day: string, language: Language): string =>
  new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T12:00:00Z`));

/** "08:00–09:00" for the hour 8. */
export const hourRange = (hour: number): string =>
  `${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00`;
