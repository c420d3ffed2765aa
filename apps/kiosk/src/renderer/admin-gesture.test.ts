import { describe, expect, it } from 'vitest';
import { MAX_PIN_LENGTH, createTapCounter, typePinDigit } from './admin-gesture';

describe('administrator gesture', () => {
  it('opens on the fifth tap within three seconds, and starts over after', () => {
    const counter = createTapCounter();
    expect([0, 500, 1_000, 1_500].map((at) => counter.tap(at))).toEqual([false, false, false, false]);
    expect(counter.tap(2_000)).toBe(true);
    expect(counter.tap(2_100)).toBe(false);
  });

  it('does not open for taps spread out over time', () => {
    const counter = createTapCounter();
    expect([0, 1_000, 2_000, 3_000, 4_000, 5_000].some((at) => counter.tap(at))).toBe(false);
  });

  it('types digits only, up to the longest PIN', () => {
    expect(typePinDigit('12', '3')).toBe('123');
    expect(typePinDigit('12', 'A')).toBe('12');
    expect(typePinDigit('1'.repeat(MAX_PIN_LENGTH), '2')).toBe('1'.repeat(MAX_PIN_LENGTH));
  });
});
