import { describe, expect, it } from 'vitest';
import { minutesLeft } from './countdown';

describe('the minutes until a postponed visitor is back', () => {
  it('rounds up to whole minutes, never saying 0 while the visitor is away', () => {
    expect(minutesLeft(9 * 60_000)).toBe(9);
    expect(minutesLeft(8 * 60_000 + 1)).toBe(9);
    expect(minutesLeft(61_000)).toBe(2);
    expect(minutesLeft(1_000)).toBe(1);
    expect(minutesLeft(0)).toBe(0);
    expect(minutesLeft(-5_000)).toBe(0);
  });
});
