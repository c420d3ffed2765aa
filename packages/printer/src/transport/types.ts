/**
 * One interface for every way bytes reach a printer (TCP 9100, a device file, USB), so the
 * kiosk picks a transport from its configuration and the rest of the code does not care.
 */
import type { PrinterStatus } from '../status';

export interface PrinterTransport {
  /** Asks DLE EOT 1, 2, 4; 'no-answer' when the printer is silent, unreachable or babbling. */
  status(timeoutMs?: number): Promise<PrinterStatus | 'no-answer'>;
  /**
   * Resolves once every byte has been handed to the printer within a deadline and the
   * printer then confirmed it is still ready (unless `confirm: false`); rejects with
   * `PrinterTransportError`.
   */
  print(bytes: Uint8Array, options?: PrintOptions): Promise<void>;
  close(): Promise<void>;
}

export interface PrintOptions {
  /**
   * Ask the printer after the job whether it is still ready, and fail the job if it does not
   * say so (default true). Off for printers that cannot answer DLE EOT.
   */
  readonly confirm?: boolean;
}

/**
 * Ask for status with this much patience (three queries): long enough for a clone that
 * answers each in 160 ms while busy, short enough that a visitor does not wait on a dead one.
 * A profile may set its own (`statusTimeoutMs`).
 */
export const DEFAULT_STATUS_TIMEOUT_MS = 1_000;

export type PrinterErrorCode =
  /** No printer at the address, path or USB ids. */
  | 'not-found'
  /** The printer is there but would not take a connection (refused, no permission, timeout). */
  | 'connect-failed'
  /** The connection broke before the whole job was handed over. */
  | 'connection-lost'
  /** The printer did not accept the job in time. */
  | 'timeout'
  /** The printer took the job but did not confirm it was still ready after it (paper out, silent). */
  | 'not-confirmed'
  /** The transport was closed. */
  | 'closed';

export class PrinterTransportError extends Error {
  override readonly name = 'PrinterTransportError';
  readonly code: PrinterErrorCode;

  constructor(code: PrinterErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export const isPrinterTransportError = (error: unknown): error is PrinterTransportError =>
  error instanceof PrinterTransportError;
