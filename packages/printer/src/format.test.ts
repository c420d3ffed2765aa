/** Site-local dates and times, and opening hours folded into short lines. */
import { DEMO_SITE_HOURS } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { localDateTime, weeklyHoursLines } from './format';

describe('localDateTime', () => {
  it('prints the time of the site, not of the machine', () => {
    expect(localDateTime(Date.UTC(2026, 10, 23, 12, 5), 'Europe/Kyiv')).toEqual({
      date: '23.11.2026',
      time: '14:05',
    });
    // Summer time (UTC+3), and a date that is still the day before in UTC.
    expect(localDateTime(Date.UTC(2026, 6, 1, 22, 30), 'Europe/Kyiv')).toEqual({
      date: '02.07.2026',
      time: '01:30',
    });
  });
});

describe('weeklyHoursLines', () => {
  it('joins runs of days with the same hours', () => {
    expect(weeklyHoursLines(DEMO_SITE_HOURS, 'uk')).toEqual(['Пн–Пт 08:00–21:00', 'Сб–Нд 09:00–17:00']);
    expect(weeklyHoursLines(DEMO_SITE_HOURS, 'en')).toEqual(['Mon–Fri 08:00–21:00', 'Sat–Sun 09:00–17:00']);
  });

  it('names closed days and split days', () => {
    const hours = {
      1: [
        { from: '08:00', to: '13:00' },
        { from: '14:00', to: '18:00' },
      ],
      2: [{ from: '08:00', to: '18:00' }],
      3: [{ from: '08:00', to: '18:00' }],
    };
    expect(weeklyHoursLines(hours, 'ru')).toEqual([
      'Пн 08:00–13:00, 14:00–18:00',
      'Вт–Ср 08:00–18:00',
      'Чт–Вс выходной',
    ]);
  });
});
