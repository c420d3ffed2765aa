/**
 * A USB printer through libusb, using `@node-escpos/usb-adapter` (on `usb` 2.x, whose
 * N-API binaries ship inside the npm package). The adapter is loaded only when a USB
 * transport is opened, so nothing native loads for network or device-file printers.
 * Tests pass a fake device with the adapter's shape.
 */
import type { PrinterStatus } from '../status';
import { ByteInbox, beforeDeadline, isTimedOut, queryStatus } from './status-query';
import { DEFAULT_STATUS_TIMEOUT_MS, type PrinterTransport, PrinterTransportError } from './types';

type Callback = (error: Error | null | undefined) => void;

/** The part of the adapter's `USBAdapter` this transport uses. */
export interface UsbPrinterDevice {
  open(callback?: Callback): unknown;
  write(data: Buffer, callback?: Callback): unknown;
  /** Calls back with the next bytes from the printer; on a read error it never calls back. */
  read(callback?: (data: Buffer) => void): void;
  close(callback?: Callback): unknown;
}

export interface UsbTransportOptions {
  /** USB ids of the printer; the first printer-class device when absent. */
  readonly vendorId?: number;
  readonly productId?: number;
  readonly writeTimeoutMs?: number;
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

export const createUsbTransport = (options: UsbTransportOptions = {}): PrinterTransport => {
  const { vendorId, productId, writeTimeoutMs = 10_000 } = options;
  const openDevice = options.openDevice ?? (() => loadAdapter(vendorId, productId));
  let device: Promise<UsbPrinterDevice> | undefined;
  let closed = false;
  const inbox = new ByteInbox();
  let reading = false;

  /** Opens the device once; after a failure the next call tries again. */
  const opened = (): Promise<UsbPrinterDevice> => {
    if (closed) return Promise.reject(new PrinterTransportError('closed', 'USB transport is closed'));
    if (device) return device;
    const attempt = (async () => {
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
    device = attempt;
    attempt.catch(() => {
      if (device === attempt) device = undefined;
    });
    return attempt;
  };

  /** One read in flight at a time: a read the printer never answers stays pending in libusb. */
  const startRead = (usb: UsbPrinterDevice): void => {
    if (reading) return;
    reading = true;
    usb.read((data) => {
      reading = false;
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
    return queryStatus(
      (request) => callback((done) => usb.write(Buffer.from(request), done)),
      inbox,
      deadline,
      () => startRead(usb),
    );
  };

  const print = async (bytes: Uint8Array): Promise<void> => {
    const usb = await opened();
    let written: unknown;
    try {
      written = await beforeDeadline(
        callback((done) => usb.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), done)),
        performance.now() + writeTimeoutMs,
      );
    } catch (error) {
      // The device may have gone (unplugged, reset): release it and open afresh next time.
      const stale = device;
      device = undefined;
      void stale?.then((gone) => callback((done) => gone.close(done))).catch(() => {});
      throw new PrinterTransportError('connection-lost', `USB write failed: ${describe(error)}`, {
        cause: error,
      });
    }
    if (isTimedOut(written)) {
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
    if (usb) await callback((done) => usb.close(done)).catch(() => {});
  };

  return { status, print, close };
};
