import { describe, expect, it } from 'vitest';
import { createPinGuard, hashPin, verifyPin, waitAfterMistakes } from './admin-pin';

describe('administrator PIN', () => {
  it('is stored salted, and only the same PIN matches', () => {
    const first = hashPin('2580');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hashPin('2580')).not.toBe(first);
    expect(verifyPin('2580', first)).toBe(true);
    expect(verifyPin('2581', first)).toBe(false);
    expect(verifyPin('2580', 'sha256-of-2580')).toBe(false);
    expect(verifyPin('2580', 'scrypt$99$8$1$AAAA$AAAA')).toBe(false);
  });

  it('waits longer after each mistake past the free ones, up to a quarter of an hour', () => {
    expect([1, 2, 3, 4, 5, 6].map((mistakes) => waitAfterMistakes(mistakes))).toEqual([
      0, 0, 0, 5_000, 10_000, 20_000,
    ]);
    expect(waitAfterMistakes(40)).toBe(15 * 60_000);
  });

  it('does not check a PIN during the wait, and starts over after the right one', () => {
    let now = 0;
    const guard = createPinGuard({
      hash: hashPin('2580'),
      now: () => now,
      freeAttempts: 1,
      firstWaitMs: 1_000,
    });
    expect(guard.attempt('1')).toEqual({ ok: false, reason: 'wrong', retryAfterMs: 0 });
    expect(guard.attempt('2')).toEqual({ ok: false, reason: 'wrong', retryAfterMs: 1_000 });
    now = 500;
    expect(guard.attempt('2580')).toEqual({ ok: false, reason: 'locked', retryAfterMs: 500 });
    now = 1_000;
    expect(guard.attempt('2580')).toEqual({ ok: true });
    // Not a string, or absurdly long: a mistake like any other.
    expect(guard.attempt(1234)).toEqual({ ok: false, reason: 'wrong', retryAfterMs: 0 });
    expect(guard.attempt('x'.repeat(1_000))).toEqual({ ok: false, reason: 'wrong', retryAfterMs: 1_000 });
  });

  it('refuses every PIN when none is configured', () => {
    const guard = createPinGuard({ hash: undefined, now: () => 0 });
    expect(guard.attempt('')).toEqual({ ok: false, reason: 'not-configured', retryAfterMs: 0 });
  });
});
