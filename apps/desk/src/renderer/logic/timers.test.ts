import { DEFAULT_POLICY, type Ticket, instant } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { correctedOffset, formatDuration, noShowGate, timerLevel } from './timers';
import { ticketOf } from './fixtures';

const MIN = 60_000;

describe('visit timer level', () => {
  it('is ok within the standard, amber past it, red past one and a half times it', () => {
    expect(timerLevel(0, 10)).toBe('ok');
    expect(timerLevel(10 * MIN - 1, 10)).toBe('ok');
    expect(timerLevel(10 * MIN, 10)).toBe('amber');
    expect(timerLevel(15 * MIN - 1, 10)).toBe('amber');
    expect(timerLevel(15 * MIN, 10)).toBe('red');
  });

  it('treats a standard below a minute as one minute', () => {
    expect(timerLevel(30_000, 0)).toBe('ok');
    expect(timerLevel(MIN, 0)).toBe('amber');
  });
});

describe('durations', () => {
  it('formats minutes and seconds, and hours when there are any', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(59 * MIN + 59_999)).toBe('59:59');
    expect(formatDuration(61 * MIN)).toBe('1:01:00');
    expect(formatDuration(-5_000)).toBe('0:00');
  });
});

describe('no-show gate', () => {
  const policy = { ...DEFAULT_POLICY, noShowAfterMinutes: 2, noShowAfterCalls: 3 };
  const called: Ticket = ticketOf({ status: 'called', callCount: 1, lastCalledAt: instant(1_000_000) });

  it('counts down from the last call', () => {
    expect(noShowGate(called, policy, 1_000_000)).toEqual({ allowed: false, remainingMs: 2 * MIN });
    expect(noShowGate(called, policy, 1_000_000 + 90_000)).toEqual({ allowed: false, remainingMs: 30_000 });
    expect(noShowGate(called, policy, 1_000_000 + 2 * MIN)).toEqual({ allowed: true, remainingMs: 0 });
  });

  it('restarts with a recall and opens once called often enough', () => {
    const recalled = { ...called, callCount: 2, lastCalledAt: instant(1_000_000 + MIN) };
    expect(noShowGate(recalled, policy, 1_000_000 + 2 * MIN).remainingMs).toBe(MIN);
    expect(noShowGate({ ...recalled, callCount: 3 }, policy, 1_000_000 + MIN).allowed).toBe(true);
  });

  it('is closed for a visitor already being served', () => {
    expect(noShowGate({ ...called, status: 'serving' }, policy, 9e12).allowed).toBe(false);
  });
});

describe('server clock offset', () => {
  it('moves forward when the server is seen ahead, never back', () => {
    expect(correctedOffset(1_000, undefined, 50_000)).toBe(1_000);
    expect(correctedOffset(1_000, 50_500, 50_000)).toBe(1_000);
    expect(correctedOffset(1_000, 200_000, 50_000)).toBe(150_000);
  });
});
