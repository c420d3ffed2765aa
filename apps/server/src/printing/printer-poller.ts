/**
 * Asks every printer the server drives for its status every few seconds while it is idle, so
 * its alerts follow the printer rather than the visitors: a new paper roll clears "paper out"
 * without a ticket, and a printer switched off overnight is on staff screens before the
 * first visitor finds it. A printer busy with a job or a status check is left alone (network
 * printers often serve one connection at a time); the answer raises and clears alerts the
 * same way a print's own status check does.
 */
import type { Logger } from '../logger';
import type { Timers } from '../timers';
import type { PrintService } from './print-service';

export const DEFAULT_PRINTER_POLL_MS = 10_000;

export interface PrinterPollerOptions {
  readonly printing: Pick<PrintService, 'serverKioskIds' | 'isIdle' | 'status'>;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly intervalMs?: number;
}

export class PrinterPoller {
  private cancel: (() => void) | undefined;
  private stopped = false;
  private readonly intervalMs: number;

  constructor(private readonly options: PrinterPollerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_PRINTER_POLL_MS;
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
  }

  /** One round: each idle printer is asked; the next round is due one interval from now. */
  private poll(): void {
    this.cancel = undefined;
    if (this.stopped) return;
    this.schedule();
    const { printing, logger } = this.options;
    for (const kioskId of printing.serverKioskIds()) {
      if (!printing.isIdle(kioskId)) continue;
      printing.status(kioskId).catch((error: unknown) => {
        logger.warn('printer poll failed', { kioskId, error: String(error) });
      });
    }
  }

  private schedule(): void {
    this.cancel = this.options.timers.after(this.intervalMs, () => this.poll());
  }
}
