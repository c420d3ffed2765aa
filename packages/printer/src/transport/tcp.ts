/**
 * Raw TCP to a network printer (port 9100, "JetDirect"). One connection per job or status
 * check: network printers often serve a single client, and a fresh connection survives a
 * printer restart or a DHCP renewal without any reconnect logic. A job is done when the
 * printer has taken every byte and closed its side; a reset before that is a lost job.
 */
import { type Socket, createConnection } from 'node:net';
import type { PrinterStatus } from '../status';
import { ByteInbox, queryStatus } from './status-query';
import { DEFAULT_STATUS_TIMEOUT_MS, type PrinterTransport, PrinterTransportError } from './types';

export interface TcpTransportOptions {
  readonly host: string;
  readonly port?: number;
  readonly connectTimeoutMs?: number;
  /**
   * After the last byte, how long to wait for the printer to close its side. Printers that
   * never close are taken to have the job once this passes without an error.
   */
  readonly finishTimeoutMs?: number;
}

export const RAW_PRINTING_PORT = 9100;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const createTcpTransport = (options: TcpTransportOptions): PrinterTransport => {
  const { host, port = RAW_PRINTING_PORT, connectTimeoutMs = 3000, finishTimeoutMs = 2000 } = options;
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

  const print = async (bytes: Uint8Array): Promise<void> => {
    const socket = await connect(connectTimeoutMs);
    await new Promise<void>((resolve, reject) => {
      let flushed = false;
      let settled = false;
      let finishTimer: NodeJS.Timeout | undefined;
      const settle = (error?: PrinterTransportError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(finishTimer);
        socket.destroy();
        if (error) reject(error);
        else resolve();
      };
      socket.on('data', () => {}); // Automatic status back and the like: read and ignore.
      socket.on('error', (error) =>
        settle(
          new PrinterTransportError('connection-lost', `connection to ${where} lost: ${describe(error)}`, {
            cause: error,
          }),
        ),
      );
      socket.on('close', () =>
        flushed
          ? settle()
          : settle(new PrinterTransportError('connection-lost', `${where} closed the connection mid-job`)),
      );
      socket.end(bytes, () => {
        flushed = true;
        finishTimer = setTimeout(() => settle(), finishTimeoutMs);
      });
    });
  };

  const close = async (): Promise<void> => {
    closed = true;
    for (const socket of open) socket.destroy();
    open.clear();
  };

  return { status, print, close };
};
