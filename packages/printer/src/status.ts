/**
 * The printer's answers to `DLE EOT 1`, `DLE EOT 2` and `DLE EOT 4`, read as the four facts
 * the kiosk acts on. One byte per request; a byte is a status byte only when its fixed bits
 * are right ((b & 0x93) == 0x12), anything else is noise and is not trusted.
 */
import { statusRequest } from './escpos/commands';

export interface PrinterStatus {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
}

/** The requests, in the order their answers are passed to `parsePrinterStatus`. */
export const STATUS_REQUESTS = [1, 2, 4] as const;
export const statusRequests = (): Uint8Array[] => STATUS_REQUESTS.map((n) => statusRequest(n));

export const isStatusByte = (byte: number): boolean => (byte & 0x93) === 0x12;

export class InvalidStatusError extends Error {
  override readonly name = 'InvalidStatusError';
}

/** n = 1, bit 3: the printer is offline. */
const OFFLINE = 0x08;
/** n = 2, bit 2: the cover is open. */
const COVER_OPEN = 0x04;
/** n = 2, bit 5: printing stopped because the paper ran out. */
const STOPPED_PAPER_END = 0x20;
/** n = 4, bits 2–3: the paper roll is nearly used up. */
const NEAR_END = 0x0c;
/** n = 4, bits 5–6: no paper. */
const PAPER_END = 0x60;

/**
 * Reads the answers to DLE EOT 1, 2 and 4 (in that order). Throws `InvalidStatusError`
 * when a byte is missing or is not a status byte.
 */
export const parsePrinterStatus = (bytes: ArrayLike<number>): PrinterStatus => {
  if (bytes.length !== 3) throw new InvalidStatusError(`expected 3 status bytes, got ${bytes.length}`);
  const [printer, offlineCause, paper] = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0];
  for (const [index, byte] of [printer, offlineCause, paper].entries()) {
    if (!isStatusByte(byte)) {
      throw new InvalidStatusError(
        `answer to DLE EOT ${STATUS_REQUESTS[index]} is not a status byte: 0x${byte.toString(16)}`,
      );
    }
  }
  return {
    online: (printer & OFFLINE) === 0,
    coverOpen: (offlineCause & COVER_OPEN) !== 0,
    paperOut: (offlineCause & STOPPED_PAPER_END) !== 0 || (paper & PAPER_END) !== 0,
    paperNearEnd: (paper & NEAR_END) !== 0,
  };
};

/** Whether a ticket can be printed now. */
export const isPrinterReady = (status: PrinterStatus): boolean =>
  status.online && !status.coverOpen && !status.paperOut;

/** What stops the printer from printing, in words for an alert; undefined when it is ready. */
export const printerProblem = (status: PrinterStatus): string | undefined => {
  if (status.paperOut) return 'paper out';
  if (status.coverOpen) return 'cover open';
  if (!status.online) return 'offline';
  return undefined;
};
