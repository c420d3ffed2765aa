/**
 * The status conversation every transport has: send DLE EOT 1, wait for its byte, then 2,
 * then 4, all within one deadline. Asking one at a time keeps each answer tied to its
 * question even on printers that drop a request.
 */
import { statusRequest } from '../escpos/commands';
import { InvalidStatusError, type PrinterStatus, STATUS_REQUESTS, parsePrinterStatus } from '../status';

/** Bytes arriving from the printer, handed out one at a time to whoever waits. */
export class ByteInbox {
  private readonly bytes: number[] = [];
  private waiter: ((byte: number | undefined) => void) | undefined;
  private closed = false;

  push(chunk: Uint8Array): void {
    this.bytes.push(...chunk);
    this.wake();
  }

  /** Forgets bytes nobody asked for (late answers to an earlier request). */
  drain(): void {
    this.bytes.length = 0;
  }

  /** No more bytes will come (the connection closed or failed). */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The next byte, or undefined at the deadline (a `performance.now()` time) or on close. */
  next(deadline: number): Promise<number | undefined> {
    const byte = this.bytes.shift();
    if (byte !== undefined) return Promise.resolve(byte);
    const wait = deadline - performance.now();
    if (this.closed || wait <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(undefined);
      }, wait);
      this.waiter = (value) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(value);
      };
    });
  }

  private wake(): void {
    if (!this.waiter) return;
    const byte = this.bytes.shift();
    if (byte !== undefined || this.closed) this.waiter(byte);
  }
}

const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT if the deadline (a `performance.now()` time) comes first. */
export const beforeDeadline = <T>(promise: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - performance.now()));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

export const isTimedOut = (value: unknown): value is typeof TIMED_OUT => value === TIMED_OUT;

/**
 * Runs the three requests. `send` writes a request; `afterSend` lets a transport start a
 * read (USB reads are pulled, sockets push). Garbage or silence gives 'no-answer'.
 */
export const queryStatus = async (
  send: (bytes: Uint8Array) => Promise<void>,
  inbox: ByteInbox,
  deadline: number,
  afterSend: () => void = () => {},
): Promise<PrinterStatus | 'no-answer'> => {
  const answers: number[] = [];
  for (const n of STATUS_REQUESTS) {
    try {
      if (isTimedOut(await beforeDeadline(send(statusRequest(n)), deadline))) return 'no-answer';
    } catch {
      return 'no-answer';
    }
    afterSend();
    const byte = await inbox.next(deadline);
    if (byte === undefined) return 'no-answer';
    answers.push(byte);
  }
  try {
    return parsePrinterStatus(answers);
  } catch (error) {
    if (error instanceof InvalidStatusError) return 'no-answer';
    throw error;
  }
};
