/**
 * Timers the server waits on (a device's grace period), behind one small interface so that
 * tests fire them when they choose instead of sleeping against them.
 */
export interface Timers {
  /** Run `task` after `ms`; the returned function cancels it. */
  after(ms: number, task: () => void): () => void;
}

/** Node's timers, never keeping the process alive on their own. */
export const realTimers: Timers = {
  after: (ms, task) => {
    const timer = setTimeout(task, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
