/**
 * The axes of the reports' charts, as plain arithmetic: the hours the hourly chart spans (the
 * centre's opening hours, widened to any hour somebody came outside them) and the ticks of a
 * value axis (round steps from zero to at least the largest value).
 */
import type { WeeklyHours } from '@queue/core';

export interface HourSpan {
  /** The first hour shown (its bar is `from:00–from+1:00`). */
  readonly from: number;
  /** The hour the last bar ends at, exclusive. */
  readonly to: number;
}

/** When the centre's hours are unknown: a weekday at a typical centre. */
export const DEFAULT_HOUR_SPAN: HourSpan = { from: 8, to: 21 };

const hourOf = (time: string): number => {
  const [hours = 'NaN', minutes = '0'] = time.split(':');
  return Number(hours) + Number(minutes) / 60;
};

/** From the earliest opening to the latest closing on any day of the week, in whole hours. */
export const openingSpan = (hours: WeeklyHours | undefined): HourSpan | undefined => {
  const ranges = Object.values(hours ?? {}).flatMap((day) => day ?? []);
  const froms = ranges.map((range) => hourOf(range.from)).filter(Number.isFinite);
  const tos = ranges.map((range) => hourOf(range.to)).filter(Number.isFinite);
  if (froms.length === 0 || tos.length === 0) return undefined;
  const from = Math.max(0, Math.floor(Math.min(...froms)));
  const to = Math.min(24, Math.ceil(Math.max(...tos)));
  return from < to ? { from, to } : undefined;
};

/**
 * The hours the chart shows: the opening hours (08–21 when unknown), and any hour outside them
 * that had arrivals, so that no visit falls off the chart.
 */
export const hourSpan = (arrivalsByHour: readonly number[], hours?: WeeklyHours): HourSpan => {
  const open = openingSpan(hours) ?? DEFAULT_HOUR_SPAN;
  const busy = arrivalsByHour.flatMap((count, hour) => (count > 0 ? [hour] : []));
  if (busy.length === 0) return open;
  return { from: Math.min(open.from, ...busy), to: Math.max(open.to, Math.max(...busy) + 1) };
};

/** `08` for 8: the hour as the axis labels it. */
export const hourLabel = (hour: number): string => String(hour).padStart(2, '0');

/**
 * Round ticks from 0 up to at least `max`, at most five steps: 1, 2 or 5 times a power of ten
 * apart (counts are whole, so never less than 1).
 */
export const valueTicks = (max: number): number[] => {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  while (Math.ceil(top / step) > 5) {
    const power = step;
    step =
      [2, 5, 10].map((factor) => factor * power).find((entry) => Math.ceil(top / entry) <= 5) ?? 10 * power;
  }
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, index) => index * step);
};
