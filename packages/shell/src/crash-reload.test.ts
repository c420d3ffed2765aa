import { describe, expect, it } from 'vitest';
import { createCrashReloader } from './crash-reload';

const reloaderAt = (clock: { now: number }) => {
  const scheduled: { run: () => void; delayMs: number }[] = [];
  let reloads = 0;
  const reloader = createCrashReloader({
    reload: () => (reloads += 1),
    now: () => clock.now,
    baseDelayMs: 1_000,
    schedule: (run, delayMs) => scheduled.push({ run, delayMs }),
  });
  const runScheduled = () => scheduled.splice(0).forEach((entry) => entry.run());
  return { reloader, scheduled, runScheduled, reloads: () => reloads };
};

describe('crash reloads', () => {
  it('doubles the wait while the page keeps crashing, up to a minute', () => {
    const clock = { now: 0 };
    const { reloader, runScheduled, reloads } = reloaderAt(clock);
    const delays: (number | undefined)[] = [];
    for (let crash = 0; crash < 9; crash += 1) {
      clock.now += 1_000;
      delays.push(reloader.crashed());
      runScheduled();
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(reloads()).toBe(9);
    expect(reloader.count).toBe(9);
  });

  it('makes one reload of several events for one crash', () => {
    const { reloader, scheduled, runScheduled, reloads } = reloaderAt({ now: 0 });
    expect(reloader.crashed()).toBe(1_000);
    expect(reloader.crashed()).toBeUndefined();
    expect(scheduled).toHaveLength(1);
    runScheduled();
    expect(reloads()).toBe(1);
    expect(reloader.count).toBe(2);
  });

  it('forgets crashes older than ten minutes', () => {
    const clock = { now: 0 };
    const { reloader, runScheduled } = reloaderAt(clock);
    reloader.crashed();
    runScheduled();
    reloader.crashed();
    runScheduled();
    clock.now += 10 * 60_000;
    expect(reloader.crashed()).toBe(1_000);
  });
});
