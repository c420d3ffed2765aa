/**
 * A USB printer through libusb, using `@node-escpos/usb-adapter` (on `usb` 2.x, whose
 * N-API binaries ship inside the npm package). The adapter is loaded only when a USB
 * transport is opened, so nothing native loads for network or device-file printers.
 * Tests pass a fake device with the adapter's shape.
 *
 * A USB printer comes and goes (unplugged, switched off, reset), and libusb waits for ever
 * unless told otherwise, so: every transfer carries a libusb timeout, a failed or stuck
 * transfer drops the device so the next status check or job opens it afresh (a replugged
 * printer is a new device), and a read that never calls back (the adapter drops read
 * errors) does not stop later status checks from reading.
 */
import type { PrinterStatus } from '../status';
import { ByteInbox, beforeDeadline, isTimedOut, queryStatus } from './status-query';
import { DEFAULT_STATUS_TIMEOUT_MS, type PrinterTransport, PrinterTransportError } from './types';

type Callback = (error: Error | null | undefined) => void;

/** A `usb` endpoint: `timeout` (ms, 0 = for ever) applies to each transfer submitted after it is set. */
export interface UsbEndpoint {
  timeout: number;
}

/** The part of the adapter's `USBAdapter` this transport uses. */
export interface UsbPrinterDevice {
  open(callback?: Callback): unknown;
  write(data: Buffer, callback?: Callback): unknown;
  /** Calls back with the next bytes from the printer; on a read error it never calls back. */
  read(callback?: (data: Buffer) => void): void;
  close(callback?: Callback): unknown;
  /** The bulk OUT endpoint once open (the adapter's name for it). */
  readonly endpoint?: UsbEndpoint | null;
  /** The bulk IN endpoint once open. */
  readonly deviceToPcEndpoint?: UsbEndpoint | null;
}

export interface UsbTransportOptions {
  /** USB ids of the printer; the first printer-class device when absent. */
  readonly vendorId?: number;
  readonly productId?: number;
  /** How long a job's transfer may take before it is cancelled and print() rejects with 'timeout'. */
  readonly writeTimeoutMs?: number;
  /** How long finding, opening and claiming the device may take. */
  readonly openTimeoutMs?: number;
  readonly openDevice?: () => Promise<UsbPrinterDevice>;
}

const loadAdapter = async (vendorId?: number, productId?: number): Promise<UsbPrinterDevice> => {
  const { default: USBAdapter } = await import('@node-escpos/usb-adapter');
  return vendorId !== undefined && productId !== undefined
    ? new USBAdapter(vendorId, productId)
    : new USBAdapter();
};

const callback = (run: (done: Callback) => unknown): Promise<void> =>
  new Promise((resolve, reject) => {
    run((error) => (error ? reject(error) : resolve()));
  });

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** libusb cancelled the transfer at its timeout (`LIBUSB_TRANSFER_TIMED_OUT`). */
const isTransferTimeout = (error: unknown): boolean => /TIMED_OUT/.test(describe(error));

/** Past libusb's own timeout, for an adapter that never calls back at all. */
const CALLBACK_GRACE_MS = 500;
const CLOSE_TIMEOUT_MS = 1000;

export const createUsbTransport = (options: UsbTransportOptions = {}): PrinterTransport => {
  const { vendorId, productId, writeTimeoutMs = 10_000, openTimeoutMs = 3000 } = options;
  const openDevice = options.openDevice ?? (() => loadAdapter(vendorId, productId));
  let device: Promise<UsbPrinterDevice> | undefined;
  let closed = false;
  const inbox = new ByteInbox();
  /** The read in flight, if any: one at a time, so each answer is read once. */
  let pendingRead: object | undefined;
  /** OUT transfers not yet finished: libusb will not close a device with one pending. */
  const inFlight = new Set<Promise<void>>();
  /** Closing a discarded device: the next open waits for it, as both claim the same interface. */
  let releasing: Promise<unknown> = Promise.resolve();

  const release = async (usb: UsbPrinterDevice, after: readonly Promise<void>[] = []): Promise<void> => {
    await beforeDeadline(Promise.allSettled(after), performance.now() + writeTimeoutMs + CALLBACK_GRACE_MS);
    await beforeDeadline(
      callback((done) => usb.close(done)),
      performance.now() + CLOSE_TIMEOUT_MS,
    ).catch(() => {});
  };

  /** Forgets the device (gone, reset or stuck): the next status check or job opens it afresh. */
  const discard = (): void => {
    const stale = device;
    device = undefined;
    pendingRead = undefined;
    inbox.drain();
    const pending = [...inFlight];
    if (!stale) return;
    releasing = Promise.allSettled([releasing, stale.then((usb) => release(usb, pending))]);
  };

  /** Opens the device once; after a failure, or a discard, the next call opens it again. */
  const opened = (): Promise<UsbPrinterDevice> => {
    if (closed) return Promise.reject(new PrinterTransportError('closed', 'USB transport is closed'));
    if (device) return device;
    const opening = (async () => {
      await releasing;
      let candidate: UsbPrinterDevice;
      try {
        candidate = await openDevice();
      } catch (error) {
        throw new PrinterTransportError('not-found', `no USB printer: ${describe(error)}`, { cause: error });
      }
      try {
        await callback((done) => candidate.open(done));
      } catch (error) {
        throw new PrinterTransportError('connect-failed', `cannot open the USB printer: ${describe(error)}`, {
          cause: error,
        });
      }
      return candidate;
    })();
    const attempt = beforeDeadline(opening, performance.now() + openTimeoutMs).then((ready) => {
      if (!isTimedOut(ready)) return ready;
      // An open that finishes late is closed again, so it does not keep the interface claimed.
      void opening.then((late) => release(late)).catch(() => {});
      throw new PrinterTransportError(
        'connect-failed',
        `the USB printer did not open in ${openTimeoutMs} ms`,
      );
    });
    device = attempt;
    attempt.catch(() => {
      if (device === attempt) device = undefined;
    });
    return attempt;
  };

  /** Sends `data` with a libusb timeout of `timeoutMs`, so a stuck transfer is cancelled. */
  const transfer = (usb: UsbPrinterDevice, data: Buffer, timeoutMs: number): Promise<void> => {
    if (usb.endpoint) usb.endpoint.timeout = Math.max(1, Math.ceil(timeoutMs));
    const sent = callback((done) => usb.write(data, done));
    inFlight.add(sent);
    void sent.then(
      () => inFlight.delete(sent),
      () => inFlight.delete(sent),
    );
    return sent;
  };

  /** Starts a read that libusb cancels at the deadline; an error never calls back, so a later read clears it. */
  const startRead = (usb: UsbPrinterDevice, deadline: number): void => {
    if (pendingRead) return;
    const read = {};
    pendingRead = read;
    if (usb.deviceToPcEndpoint) {
      usb.deviceToPcEndpoint.timeout = Math.max(1, Math.ceil(deadline - performance.now()));
    }
    usb.read((data) => {
      if (pendingRead === read) pendingRead = undefined;
      inbox.push(data);
    });
  };

  const status = async (timeoutMs = DEFAULT_STATUS_TIMEOUT_MS): Promise<PrinterStatus | 'no-answer'> => {
    const deadline = performance.now() + timeoutMs;
    let usb: UsbPrinterDevice;
    try {
      const ready = await beforeDeadline(opened(), deadline);
      if (isTimedOut(ready)) return 'no-answer';
      usb = ready;
    } catch {
      return 'no-answer';
    }
    // Drop late answers to an earlier request before asking again.
    inbox.drain();
    let writeFailed = false;
    let writing: Promise<void> | undefined;
    const send = async (request: Uint8Array): Promise<void> => {
      writing = transfer(usb, Buffer.from(request), deadline - performance.now());
      try {
        await writing;
      } catch (error) {
        writeFailed = true;
        throw error;
      }
    };
    const answer = await queryStatus(send, inbox, deadline, () => startRead(usb, deadline));
    if (answer !== 'no-answer') return answer;
    // The unanswered read is cancelled by libusb at the deadline and its error never reaches
    // us: no longer wait for it, or no status would ever be read again.
    pendingRead = undefined;
    const writeStuck = writing !== undefined && inFlight.has(writing);
    if (writeFailed || writeStuck) discard();
    return answer;
  };

  const print = async (bytes: Uint8Array): Promise<void> => {
    const usb = await opened();
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let written: unknown;
    try {
      written = await beforeDeadline(
        transfer(usb, data, writeTimeoutMs),
        performance.now() + writeTimeoutMs + CALLBACK_GRACE_MS,
      );
    } catch (error) {
      // Unplugged, reset or stuck: release the device and open it afresh next time.
      discard();
      if (isTransferTimeout(error)) {
        throw new PrinterTransportError(
          'timeout',
          `the USB printer did not take the job in ${writeTimeoutMs} ms`,
          {
            cause: error,
          },
        );
      }
      throw new PrinterTransportError('connection-lost', `USB write failed: ${describe(error)}`, {
        cause: error,
      });
    }
    if (isTimedOut(written)) {
      discard();
      throw new PrinterTransportError(
        'timeout',
        `the USB printer did not take the job in ${writeTimeoutMs} ms`,
      );
    }
  };

  const close = async (): Promise<void> => {
    closed = true;
    const current = device;
    device = undefined;
    inbox.close();
    if (!current) return;
    const usb = await current.catch(() => undefined);
    if (usb) await release(usb, [...inFlight]);
  };

  return { status, print, close };
};
