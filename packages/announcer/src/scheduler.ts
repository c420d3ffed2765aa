/**
 * Time, injected: the queue and the voices read the clock and set timeouts only through a
 * `Scheduler`, so tests run with vitest's fake timers or a hand-driven clock. The default
 * uses the global timers (browser or Node) and looks them up on each call, so fake timers
 * installed after construction still apply.
 */

export interface Scheduler {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * `promise`, or a `TimeoutError` after `ms` (no limit when `ms` is not a positive finite
 * number). The timer is cleared as soon as the promise settles.
 */
export const withTimeout = <T>(
  promise: Promise<T>,
  ms: number,
  scheduler: Scheduler,
  what: string,
): Promise<T> => {
  if (!Number.isFinite(ms) || ms <= 0) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = scheduler.setTimeout(
      () => reject(new TimeoutError(`${what} timed out after ${ms} ms`)),
      ms,
    );
    promise.then(
      (value) => {
        scheduler.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        scheduler.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
};

/** Resolves after `ms` on the scheduler's clock (at once for `ms` <= 0). */
export const sleep = (ms: number, scheduler: Scheduler): Promise<void> =>
  ms > 0 ? new Promise((resolve) => scheduler.setTimeout(resolve, ms)) : Promise.resolve();

/** A readable message for anything thrown. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
