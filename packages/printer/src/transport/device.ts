/**
 * A printer behind a device file: `/dev/usb/lp0` from the Linux usblp driver, a serial
 * port, or a parallel port. Printing is a plain write. Status is read back with the file
 * opened non-blocking (usblp supports it), polling until the deadline, so a printer that
 * never answers cannot hold a libuv thread. usblp allows one open at a time, so status checks
 * and jobs take turns, and each closes its handle before the next opens. A finished write
 * only says the driver took the bytes, so a job is done when the printer then answers a
 * status query, in the same turn, saying it is still ready.
 */
import { constants } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { type PrinterStatus, printerProblem } from '../status';
import { ByteInbox, beforeDeadline, isTimedOut, queryStatus } from './status-query';
import {
  DEFAULT_STATUS_TIMEOUT_MS,
  type PrintOptions,
  type PrinterTransport,
  PrinterTransportError,
} from './types';

/** The few file operations the transport needs; tests pass a fake device. */
export interface DeviceHandle {
  write(data: Uint8Array): Promise<unknown>;
  /** Resolves with the number of bytes read; may reject with EAGAIN when nothing is there. */
  read(into: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

export type OpenDevice = (path: string, flags: number) => Promise<DeviceHandle>;

export const openDeviceFile: OpenDevice = async (path, flags) => {
  const handle = await openFile(path, flags);
  return {
    write: (data) => handle.write(data),
    read: async (into) => (await handle.read(into, 0, into.length, null)).bytesRead,
    close: () => handle.close(),
  };
};

export interface DeviceTransportOptions {
  /** e.g. `/dev/usb/lp0`, or the stable name the udev rules create. */
  readonly path: string;
  /** How long a job may take to be accepted before print() rejects with 'timeout'. */
  readonly writeTimeoutMs?: number;
  /** How long the printer has, after the job was written, to answer that it is still ready. */
  readonly confirmTimeoutMs?: number;
  readonly pollIntervalMs?: number;
  readonly openDevice?: OpenDevice;
}

const failure = (path: string, error: unknown): PrinterTransportError => {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') {
    return new PrinterTransportError('not-found', `no printer at ${path}: ${message}`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new PrinterTransportError('connect-failed', `cannot open ${path}: ${message}`, { cause: error });
  }
  return new PrinterTransportError('connection-lost', `writing to ${path} failed: ${message}`, {
    cause: error,
  });
};

/** Waits `ms`, or less if `cut` settles first (so a finished status check closes at once). */
const pause = (ms: number, cut: Promise<void>): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void cut.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });

export const createDeviceTransport = (options: DeviceTransportOptions): PrinterTransport => {
  const {
    path,
    writeTimeoutMs = 10_000,
    confirmTimeoutMs = 2000,
    pollIntervalMs = 15,
    openDevice = openDeviceFile,
  } = options;
  let closed = false;
  let previous: Promise<unknown> = Promise.resolve();

  /** Runs `operation` after the one before it has finished and closed its handle. */
  const inTurn = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = previous.then(operation, operation);
    previous = result.catch(() => undefined);
    return result;
  };

  const ensureOpen = (): void => {
    if (closed) throw new PrinterTransportError('closed', `transport to ${path} is closed`);
  };

  const printNow = async (bytes: Uint8Array): Promise<void> => {
    ensureOpen();
    let handle: DeviceHandle;
    try {
      handle = await openDevice(path, constants.O_WRONLY);
    } catch (error) {
      throw failure(path, error);
    }
    let written: unknown;
    try {
      written = await beforeDeadline(handle.write(bytes), performance.now() + writeTimeoutMs);
    } catch (error) {
      await handle.close().catch(() => {});
      throw failure(path, error);
    }
    if (isTimedOut(written)) {
      // Closing waits for the stuck write, so it is left to finish on its own (the next open
      // may then be refused as busy, which is the truth about a stuck printer).
      void handle.close().catch(() => {});
      throw new PrinterTransportError('timeout', `${path} did not take the job in ${writeTimeoutMs} ms`);
    }
    await handle.close().catch(() => {});
  };

  const statusNow = async (timeoutMs: number): Promise<PrinterStatus | 'no-answer'> => {
    ensureOpen();
    const deadline = performance.now() + timeoutMs;
    let handle: DeviceHandle;
    try {
      handle = await openDevice(path, constants.O_RDWR | constants.O_NONBLOCK);
    } catch {
      return 'no-answer';
    }
    const inbox = new ByteInbox();
    let polling = true;
    let stopPolling = (): void => {};
    const stopped = new Promise<void>((resolve) => {
      stopPolling = resolve;
    });
    const poll = async (): Promise<void> => {
      const buffer = new Uint8Array(16);
      while (polling && performance.now() < deadline) {
        const count = await handle.read(buffer).catch(() => 0);
        if (count > 0) inbox.push(buffer.slice(0, count));
        else await pause(pollIntervalMs, stopped);
      }
    };
    const reading = poll();
    try {
      return await queryStatus(async (request) => void (await handle.write(request)), inbox, deadline);
    } finally {
      polling = false;
      stopPolling();
      // The handle is closed before the answer is given: a print right after would be refused.
      await reading;
      await handle.close().catch(() => {});
    }
  };

  /** Asks after the job, on a handle of its own, whether the printer is still ready. */
  const confirmNow = async (): Promise<void> => {
    const answer = await statusNow(confirmTimeoutMs);
    if (answer === 'no-answer') {
      throw new PrinterTransportError(
        'not-confirmed',
        `${path} did not confirm it was ready after the job (no status answer in time)`,
      );
    }
    const problem = printerProblem(answer);
    if (problem) throw new PrinterTransportError('not-confirmed', `${path} reports ${problem} after the job`);
  };

  const print = (bytes: Uint8Array, printOptions: PrintOptions = {}): Promise<void> =>
    inTurn(async () => {
      await printNow(bytes);
      if (printOptions.confirm ?? true) await confirmNow();
    });
  const status = (timeoutMs = DEFAULT_STATUS_TIMEOUT_MS): Promise<PrinterStatus | 'no-answer'> =>
    inTurn(() => statusNow(timeoutMs));

  const close = async (): Promise<void> => {
    closed = true;
  };

  return { status, print, close };
};
