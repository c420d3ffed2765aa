/**
 * Raw TCP to a network printer (port 9100, "JetDirect"). One connection per job or status
 * check: network printers often serve a single client, and a fresh connection survives a
 * printer restart or a DHCP renewal without any reconnect logic. The OS taking the bytes
 * proves nothing (a printer out of paper or jammed leaves them in socket buffers), so a job
 * is done only when its last byte left within a deadline that grows with the job's size and
 * the printer then answers a status query on the same connection saying it is still ready.
 */
import { type Socket, createConnection } from 'node:net';
import { type PrinterStatus, printerProblem } from '../status';
import { ByteInbox, beforeDeadline, isTimedOut, queryStatus } from './status-query';
import {
  DEFAULT_STATUS_TIMEOUT_MS,
  type PrintOptions,
  type PrinterTransport,
  PrinterTransportError,
} from './types';

export interface TcpTransportOptions {
  readonly host: string;
  readonly port?: number;
  readonly connectTimeoutMs?: number;
  /** The fixed part of a job's deadline for its last byte to leave for the printer. */
  readonly writeTimeoutMs?: number;
  /** The slowest a working printer takes a job: the last-byte deadline grows by size at this rate. */
  readonly minBytesPerSecond?: number;
  /**
   * How long the printer has, after the last byte left, to answer that it is still ready
   * (at least; never less than what is left of the last-byte deadline, since bytes the OS
   * buffered still have to reach the printer ahead of the question).
   */
  readonly confirmTimeoutMs?: number;
}

export const RAW_PRINTING_PORT = 9100;
const DEFAULT_WRITE_TIMEOUT_MS = 3000;
/** A raster ticket of ~70 KB still gets ~20 s; a text ticket of ~2 KB about 3.5 s. */
const DEFAULT_MIN_BYTES_PER_SECOND = 4096;
const DEFAULT_CONFIRM_TIMEOUT_MS = 2000;

/** How long a job of `size` bytes may take to leave for the printer. */
export const lastByteDeadlineMs = (
  size: number,
  options: Pick<TcpTransportOptions, 'writeTimeoutMs' | 'minBytesPerSecond'> = {},
): number => {
  const { writeTimeoutMs = DEFAULT_WRITE_TIMEOUT_MS, minBytesPerSecond = DEFAULT_MIN_BYTES_PER_SECOND } =
    options;
  return writeTimeoutMs + Math.ceil((size * 1000) / minBytesPerSecond);
};

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const createTcpTransport = (options: TcpTransportOptions): PrinterTransport => {
  const {
    host,
    port = RAW_PRINTING_PORT,
    connectTimeoutMs = 3000,
    confirmTimeoutMs = DEFAULT_CONFIRM_TIMEOUT_MS,
  } = options;
  const where = `${host}:${port}`;
  const open = new Set<Socket>();
  let closed = false;

  const connect = (timeoutMs: number): Promise<Socket> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new PrinterTransportError('closed', `transport to ${where} is closed`));
      const socket = createConnection({ host, port });
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterTransportError('connect-failed', `no connection to ${where} in ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(socket);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        const code =
          error.code === 'ENOTFOUND' || error.code === 'EHOSTUNREACH' ? 'not-found' : 'connect-failed';
        reject(
          new PrinterTransportError(code, `cannot connect to ${where}: ${describe(error)}`, { cause: error }),
        );
      });
    });

  const status = async (timeoutMs = DEFAULT_STATUS_TIMEOUT_MS): Promise<PrinterStatus | 'no-answer'> => {
    const deadline = performance.now() + timeoutMs;
    let socket: Socket;
    try {
      socket = await connect(timeoutMs);
    } catch {
      return 'no-answer';
    }
    const inbox = new ByteInbox();
    socket.on('data', (chunk: Buffer) => inbox.push(chunk));
    socket.on('error', () => inbox.close());
    socket.on('close', () => inbox.close());
    const send = (bytes: Uint8Array): Promise<void> =>
      new Promise((resolve, reject) => socket.write(bytes, (error) => (error ? reject(error) : resolve())));
    try {
      return await queryStatus(send, inbox, deadline);
    } finally {
      socket.destroy();
    }
  };

  /** Hands the job over and, if asked, has the printer confirm it; the caller destroys the socket. */
  const deliver = async (socket: Socket, bytes: Uint8Array, confirm: boolean): Promise<void> => {
    const inbox = new ByteInbox();
    socket.on('data', (chunk: Buffer) => inbox.push(chunk));
    socket.on('close', () => inbox.close());
    const lost = (error?: unknown): PrinterTransportError =>
      error === undefined
        ? new PrinterTransportError('connection-lost', `${where} closed the connection mid-job`)
        : new PrinterTransportError('connection-lost', `connection to ${where} lost: ${describe(error)}`, {
            cause: error,
          });
    // Rejects when the connection breaks, whichever step is waiting then.
    const broken = new Promise<never>((_, reject) => {
      socket.once('error', (error) => reject(lost(error)));
      socket.once('close', () => reject(lost()));
    });
    broken.catch(() => {});
    socket.on('error', () => {}); // A second error after the first must not crash the process.
    const send = (chunk: Uint8Array): Promise<void> =>
      Promise.race([
        new Promise<void>((resolve, reject) =>
          socket.write(chunk, (error) => (error ? reject(lost(error)) : resolve())),
        ),
        broken,
      ]);

    const lastByteMs = lastByteDeadlineMs(bytes.length, options);
    const lastByteBy = performance.now() + lastByteMs;
    if (isTimedOut(await beforeDeadline(send(bytes), lastByteBy))) {
      throw new PrinterTransportError(
        'timeout',
        `${where} did not take the job's last byte within ${lastByteMs} ms (${bytes.length} bytes)`,
      );
    }
    if (!confirm) return;
    // Only answers to the questions asked now count (not automatic status sent during the job).
    inbox.drain();
    const confirmBy = Math.max(lastByteBy, performance.now() + confirmTimeoutMs);
    const answer = await Promise.race([queryStatus(send, inbox, confirmBy), broken]);
    if (answer === 'no-answer') {
      throw new PrinterTransportError(
        'not-confirmed',
        `${where} did not confirm it was ready after the job (no status answer in time)`,
      );
    }
    const problem = printerProblem(answer);
    if (problem)
      throw new PrinterTransportError('not-confirmed', `${where} reports ${problem} after the job`);
  };

  const print = async (bytes: Uint8Array, printOptions: PrintOptions = {}): Promise<void> => {
    const socket = await connect(connectTimeoutMs);
    try {
      await deliver(socket, bytes, printOptions.confirm ?? true);
    } finally {
      socket.destroy();
    }
  };

  const close = async (): Promise<void> => {
    closed = true;
    for (const socket of open) socket.destroy();
    open.clear();
  };

  return { status, print, close };
};
