import { describe, expect, it } from 'vitest';
import { formatDay, formatPeriod, sentence } from './date-format';

const ISO = /\d{4}-\d{2}-\d{2}/;

describe('days in the screen’s language', () => {
  it('writes a period with the month’s name, never as ISO', () => {
    expect(formatPeriod('2026-12-04', '2026-12-04', 'uk')).toContain('4 грудня 2026');
    expect(formatPeriod('2026-12-04', '2026-12-04', 'ru')).toContain('4 декабря 2026');
    expect(formatPeriod('2026-12-04', '2026-12-04', 'en')).toBe('4 December 2026');
    expect(formatPeriod('2026-11-23', '2026-11-24', 'uk')).toMatch(/^23\s?–\s?24 листопада 2026/);
    expect(formatPeriod('2026-11-23', '2026-11-24', 'en')).toMatch(/^23\s?–\s?24 November 2026$/);
    const across = formatPeriod('2026-12-28', '2027-01-03', 'ru');
    expect(across).toContain('28 декабря 2026');
    expect(across).toContain('3 января 2027');
    for (const language of ['uk', 'ru', 'en'] as const) {
      expect(formatPeriod('2026-11-01', '2026-11-30', language)).not.toMatch(ISO);
    }
  });

  it('is the same day in any time zone (no shift at midnight UTC)', () => {
    expect(formatDay('2026-11-24', 'en')).toBe('24 Nov 2026');
    expect(formatDay('2026-11-24', 'uk')).toContain('24 лист');
    expect(formatDay('2026-01-01', 'ru')).toContain('1 янв');
  });

  it('leaves text that is not a day as it is', () => {
    expect(formatDay('', 'uk')).toBe('');
    expect(formatPeriod('x', 'x', 'uk')).toBe('x');
  });
});

describe('a period in a sentence', () => {
  it('ends with one full stop, also after an abbreviated year', () => {
    expect(sentence(`Період: ${formatPeriod('2026-12-04', '2026-12-04', 'uk')}`)).toMatch(/р\.$/);
    expect(sentence(`Період: ${formatPeriod('2026-12-04', '2026-12-04', 'uk')}`)).not.toMatch(/\.\.$/);
    expect(sentence(`Period: ${formatPeriod('2026-12-04', '2026-12-04', 'en')}`)).toBe(
      'Period: 4 December 2026.',
    );
  });
});
