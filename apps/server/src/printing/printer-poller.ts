/**
 * Asks every printer the server drives for its status every few seconds while it is idle, so
 * its alerts follow the printer rather than the visitors: a new paper roll clears "paper out"
 * without a ticket, and a printer switched off overnight is on staff screens before the
 * first visitor finds it. A printer busy with a job or a status check is left alone (network
 * printers often serve one connection at a time); the answer raises and clears alerts the
 * same way a print's own status check does. With no such printer it waits for none until
 * the configuration changes (`wake`).
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
    this.arm();
  }

  /** The configuration changed: a printer the server drives may have been added. */
  wake(): void {
    this.arm();
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
    const { printing, logger } = this.options;
    for (const kioskId of printing.serverKioskIds()) {
      if (!printing.isIdle(kioskId)) continue;
      printing.status(kioskId).catch((error: unknown) => {
        logger.warn('printer poll failed', { kioskId, error: String(error) });
      });
    }
    this.arm();
  }

  /** Due one interval from now, unless a round is already due or there is nothing to ask. */
  private arm(): void {
    if (this.stopped || this.cancel || this.options.printing.serverKioskIds().length === 0) return;
    this.cancel = this.options.timers.after(this.intervalMs, () => this.poll());
  }
}
