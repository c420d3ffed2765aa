/** Erlang C against the service standards' figures: the yardstick for the simulator. */
import { describe, expect, it } from 'vitest';
import { erlangC, mmc } from './erlang';

describe('Erlang C', () => {
  it('matches the figures in the service standards (40/h, 8 min)', () => {
    expect(mmc(40, 8, 6).meanWaitMinutes).toBeCloseTo(8.6, 1);
    expect(mmc(40, 8, 6).waitOver(15)).toBeCloseTo(0.2, 1);
    expect(mmc(40, 8, 7).meanWaitMinutes).toBeCloseTo(2.0, 1);
    expect(mmc(40, 8, 8).meanWaitMinutes).toBeCloseTo(0.7, 1);
  });

  it('calls the queue unstable at or above full load', () => {
    expect(mmc(40, 8, 5).meanWaitMinutes).toBe(Infinity);
    expect(erlangC(5, 5.5)).toBe(1);
  });

  it('reduces to M/M/1 with one desk', () => {
    // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda).
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10);
    expect(mmc(30, 1, 1).meanWaitMinutes).toBeCloseTo(0.5 / (1 - 0.5), 10);
  });
});
