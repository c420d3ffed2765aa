/** The staffing plan's numbers and days as each language writes them. */
import { describe, expect, it } from 'vitest';
import { formatDesks, formatShortDay, hourRange } from './staffing-format';

describe('staffing formats', () => {
  it('writes desks to one decimal with the language’s separator', () => {
    expect(formatDesks(1.25, 'uk')).toBe('1,3');
    expect(formatDesks(1.25, 'en')).toBe('1.3');
    expect(formatDesks(2, 'ru')).toBe('2');
  });

  it('writes a day the same in any zone, and an hour as its range', () => {
    expect(formatShortDay('2026-11-04', 'uk')).toBe('04.11');
    expect(formatShortDay('2026-11-04', 'en')).toBe('04/11');
    expect(hourRange(9)).toBe('09:00–10:00');
  });
});
