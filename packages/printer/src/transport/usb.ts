/**
 * A USB printer over libusb (`usb-device.ts`: the `usb` package directly).
 *
 * A USB printer comes and goes (unplugged, switched off, reset), and libusb waits for ever
 * unless told otherwise, so: every transfer carries a libusb timeout, and a failed or stuck
 * transfer drops the device so the next status check or job opens it afresh (a replugged
 * printer is a new device). Status checks and jobs take turns, so answers are never read by
 * the wrong question. The OUT transfer finishing only says the printer's buffer took the
 * bytes, so a job is done only when the printer then answers a status query saying it is
 * still ready (paper that ran out mid-ticket, or a printer gone silent, fails the job).
 */
import { type PrinterStatus, printerProblem } from '../status';
import { ByteInbox, beforeDeadline, isTimedOut, queryStatus } from './status-query';
import {
  DEFAULT_STATUS_TIMEOUT_MS,
  type PrintOptions,
  type PrinterTransport,
  PrinterTransportError,
  isPrinterTransportError,
} from './types';
import {
  type ListUsbDevices,
  type UsbPrinterConnection,
  type UsbPrinterMatch,
  listUsbDevices,
  openUsbPrinter,
} from './usb-device';

export interface UsbTransportOptions extends UsbPrinterMatch {
  /** How long a job's transfer may take before it is cancelled and print() rejects with 'timeout'. */
  readonly writeTimeoutMs?: number;
  /** How long finding, opening and claiming the device may take. */
  readonly openTimeoutMs?: number;
  /** How long the printer has, after the job's last byte, to answer that it is still ready. */
  readonly confirmTimeoutMs?: number;
  /** The devices on the bus (tests pass a fake bus); `usb`'s `getDeviceList()` by default. */
  readonly listDevices?: ListUsbDevices;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** libusb cancelled the transfer at its timeout (`LIBUSB_TRANSFER_TIMED_OUT`). */
const isTransferTimeout = (error: unknown): boolean => /TIMED_OUT/.test(describe(error));

/** Past libusb's own timeout, in case a transfer's callback never comes. */
const CALLBACK_GRACE_MS = 500;
const CLOSE_TIMEOUT_MS = 1000;
const DEFAULT_CONFIRM_TIMEOUT_MS = 2000;

export const createUsbTransport = (options: UsbTransportOptions = {}): PrinterTransport => {
  const {
    writeTimeoutMs = 10_000,
    openTimeoutMs = 3000,
    confirmTimeoutMs = DEFAULT_CONFIRM_TIMEOUT_MS,
    listDevices = listUsbDevices,
  } = options;
  const match: UsbPrinterMatch = {
    ...(options.vendorId !== undefined ? { vendorId: options.vendorId } : {}),
    ...(options.productId !== undefined ? { productId: options.productId } : {}),
    ...(options.serialNumber !== undefined ? { serialNumber: options.serialNumber } : {}),
  };
  let connection: Promise<UsbPrinterConnection> | undefined;
  let closed = false;
  /** Transfers libusb has not finished: a device cannot be closed with one pending. */
  const inFlight = new Set<Promise<unknown>>();
  /** Closing a discarded device: the next open waits for it, as both claim the same interface. */
  let releasing: Promise<unknown> = Promise.resolve();
  let previous: Promise<unknown> = Promise.resolve();

  /** Runs `operation` once the one before it has finished. */
  const inTurn = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = previous.then(operation, operation);
    previous = result.catch(() => undefined);
    return result;
  };

  const track = <T>(transfer: Promise<T>): Promise<T> => {
    inFlight.add(transfer);
    const settled = (): void => void inFlight.delete(transfer);
    transfer.then(settled, settled);
    return transfer;
  };

  const release = async (usb: UsbPrinterConnection, pending: readonly Promise<unknown>[]): Promise<void> => {
    await beforeDeadline(Promise.allSettled(pending), performance.now() + writeTimeoutMs + CALLBACK_GRACE_MS);
    await beforeDeadline(usb.close(), performance.now() + CLOSE_TIMEOUT_MS).catch(() => {});
  };

  /** Forgets the device (gone, reset or stuck): the next status check or job opens it afresh. */
  const discard = (): void => {
    const stale = connection;
    connection = undefined;
    if (!stale) return;
    const pending = [...inFlight];
    releasing = Promise.allSettled([releasing, stale.then((usb) => release(usb, pending))]);
  };

  /** Opens the device once; after a failure, or a discard, the next call opens it again. */
  const opened = (): Promise<UsbPrinterConnection> => {
    if (closed) return Promise.reject(new PrinterTransportError('closed', 'USB transport is closed'));
    if (connection) return connection;
    const opening = (async () => {
      await releasing;
      try {
        return await openUsbPrinter(match, listDevices);
      } catch (error) {
        if (isPrinterTransportError(error)) throw error;
        throw new PrinterTransportError('connect-failed', `cannot open the USB printer: ${describe(error)}`, {
          cause: error,
        });
      }
    })();
    const attempt = beforeDeadline(opening, performance.now() + openTimeoutMs).then((ready) => {
      if (!isTimedOut(ready)) return ready;
      // An open that finishes late is closed again, so it does not keep the interface claimed.
      void opening.then((late) => release(late, [])).catch(() => {});
      throw new PrinterTransportError(
        'connect-failed',
        `the USB printer did not open in ${openTimeoutMs} ms`,
      );
    });
    connection = attempt;
    attempt.catch(() => {
      if (connection === attempt) connection = undefined;
    });
    return attempt;
  };

  /**
   * DLE EOT 1, 2, 4 on an open device, before `deadline`. Each request is followed by one
   * IN transfer that libusb cancels at the deadline; a transfer that fails otherwise (the
   * endpoint stalled, the printer went away) ends the conversation and drops the device.
   */
  const ask = async (usb: UsbPrinterConnection, deadline: number): Promise<PrinterStatus | 'no-answer'> => {
    const inbox = new ByteInbox();
    let active = true;
    let broken = false;
    const send = (request: Uint8Array): Promise<void> =>
      track(usb.write(Buffer.from(request), deadline - performance.now())).catch((error: unknown) => {
        broken = true;
        throw error;
      });
    const read = (): void => {
      const left = deadline - performance.now();
      if (left <= 0) return;
      track(usb.read(left)).then(
        (data) => {
          if (active) inbox.push(data);
        },
        (error: unknown) => {
          if (!isTransferTimeout(error)) broken = true;
          if (active) inbox.close();
        },
      );
    };
    try {
      return await queryStatus(send, inbox, deadline, read);
    } finally {
      active = false;
      if (broken) discard();
      else {
        // The last read, if unanswered, ends at the deadline; the next question waits for it
        // so that no answer is read by a transfer left over from this one.
        const leftover = [...inFlight];
        await beforeDeadline(Promise.allSettled(leftover), deadline + CALLBACK_GRACE_MS);
        if (leftover.some((transfer) => inFlight.has(transfer))) discard();
      }
    }
  };

  const statusNow = async (deadline: number): Promise<PrinterStatus | 'no-answer'> => {
    let usb: UsbPrinterConnection;
    try {
      const ready = await beforeDeadline(opened(), deadline);
      if (isTimedOut(ready)) return 'no-answer';
      usb = ready;
    } catch {
      return 'no-answer';
    }
    return ask(usb, deadline);
  };

  const timedOut = (cause?: unknown): PrinterTransportError =>
    new PrinterTransportError(
      'timeout',
      `the USB printer did not take the job in ${writeTimeoutMs} ms`,
      cause === undefined ? undefined : { cause },
    );

  const printNow = async (bytes: Uint8Array, confirm: boolean): Promise<void> => {
    const usb = await opened();
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let written: unknown;
    try {
      written = await beforeDeadline(
        track(usb.write(data, writeTimeoutMs)),
        performance.now() + writeTimeoutMs + CALLBACK_GRACE_MS,
      );
    } catch (error) {
      // Unplugged, reset or stuck: release the device and open it afresh next time.
      discard();
      if (isTransferTimeout(error)) throw timedOut(error);
      throw new PrinterTransportError('connection-lost', `USB write failed: ${describe(error)}`, {
        cause: error,
      });
    }
    if (isTimedOut(written)) {
      discard();
      throw timedOut();
    }
    if (!confirm) return;
    const answer = await ask(usb, performance.now() + confirmTimeoutMs);
    if (answer === 'no-answer') {
      throw new PrinterTransportError(
        'not-confirmed',
        `the USB printer ${usb.description} did not confirm it was ready after the job (no status answer in time)`,
      );
    }
    const problem = printerProblem(answer);
    if (problem) {
      throw new PrinterTransportError(
        'not-confirmed',
        `the USB printer ${usb.description} reports ${problem} after the job`,
      );
    }
  };

  const status = (timeoutMs = DEFAULT_STATUS_TIMEOUT_MS): Promise<PrinterStatus | 'no-answer'> => {
    const deadline = performance.now() + timeoutMs;
    return inTurn(() => statusNow(deadline));
  };

  const print = (bytes: Uint8Array, printOptions: PrintOptions = {}): Promise<void> =>
    inTurn(() => printNow(bytes, printOptions.confirm ?? true));

  const close = async (): Promise<void> => {
    closed = true;
    const current = connection;
    connection = undefined;
    if (!current) return;
    const usb = await current.catch(() => undefined);
    if (usb) await release(usb, [...inFlight]);
  };

  return { status, print, close };
};
