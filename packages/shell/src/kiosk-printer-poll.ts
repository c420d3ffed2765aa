/**
 * Asks the kiosk's own printer for its status every few seconds while it is idle, so staff
 * alerts follow the printer rather than the visitors: a new paper roll clears "paper out"
 * without a ticket, and a printer switched off overnight is known before the first visitor
 * finds it. A printer busy with a job or a status check is left alone (a USB printer or
 * `/dev/usb/lp0` serves one conversation at a time). Each change is handed to `report`,
 * which passes it to the page; the page tells the server as it does for its own checks.
 */
import type { LocalPrinterStatus } from './ipc';
import type { ShellPrinter } from './kiosk-printer';

export const DEFAULT_KIOSK_PRINTER_POLL_MS = 5_000;

/** Timers the poll waits on; tests fire them by hand. */
export interface PollTimers {
  /** Run `task` after `ms`; the returned function cancels it. */
  after(ms: number, task: () => void): () => void;
}

export const nodeTimers: PollTimers = {
  after: (ms, task) => {
    const timer = setTimeout(task, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface KioskPrinterPollOptions {
  readonly printer: Pick<ShellPrinter, 'status' | 'isIdle'>;
  readonly report: (status: LocalPrinterStatus) => void;
  readonly timers?: PollTimers;
  readonly intervalMs?: number;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface KioskPrinterPoll {
  stop(): void;
}

const sameStatus = (a: LocalPrinterStatus | undefined, b: LocalPrinterStatus): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

export const startKioskPrinterPoll = (options: KioskPrinterPollOptions): KioskPrinterPoll => {
  const { printer, report, timers = nodeTimers, intervalMs = DEFAULT_KIOSK_PRINTER_POLL_MS } = options;
  let last: LocalPrinterStatus | undefined;
  let cancel: (() => void) | undefined;
  let stopped = false;

  const arm = (): void => {
    if (stopped) return;
    cancel = timers.after(intervalMs, () => void poll());
  };

  /** One round; the next is due one interval after this one ends, so rounds never overlap. */
  const poll = async (): Promise<void> => {
    cancel = undefined;
    if (stopped) return;
    if (printer.isIdle()) {
      try {
        const status = await printer.status();
        if (!stopped && !sameStatus(last, status)) {
          last = status;
          report(status);
        }
      } catch (error) {
        options.log?.('printer poll failed', { error: String(error) });
      }
    }
    arm();
  };

  arm();
  return {
    stop: () => {
      stopped = true;
      cancel?.();
      cancel = undefined;
    },
  };
};
