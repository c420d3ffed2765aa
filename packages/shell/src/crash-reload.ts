/**
 * A kiosk or a board must come back by itself when its page crashes or hangs. A page that
 * keeps crashing is reloaded less and less often (doubling, up to a minute), so a broken
 * update does not spin the CPU; crashes older than ten minutes are forgotten.
 */
export interface CrashReloaderOptions {
  readonly reload: () => void;
  readonly now: () => number;
  readonly baseDelayMs: number;
  readonly maxDelayMs?: number;
  readonly forgetAfterMs?: number;
  readonly schedule?: (run: () => void, delayMs: number) => void;
}

export const createCrashReloader = (options: CrashReloaderOptions) => {
  const forgetAfter = options.forgetAfterMs ?? 10 * 60_000;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const schedule = options.schedule ?? ((run, delayMs) => void setTimeout(run, delayMs));
  let recent: number[] = [];
  let pending = false;
  let total = 0;
  return {
    /** Called on `render-process-gone` and `unresponsive`; returns the delay chosen. */
    crashed(): number | undefined {
      total += 1;
      const now = options.now();
      recent = [...recent.filter((at) => now - at < forgetAfter), now];
      // Several events for one crash (gone, then unresponsive) make a single reload.
      if (pending) return undefined;
      pending = true;
      const delay = Math.min(maxDelay, options.baseDelayMs * 2 ** (recent.length - 1));
      schedule(() => {
        pending = false;
        options.reload();
      }, delay);
      return delay;
    },
    /** Crashes since start, for the shell's info and the logs. */
    get count(): number {
      return total;
    },
  };
};
