/**
 * One serial device, written as a plain file after `stty` has set the line up (raw, 8 data
 * bits, no parity, one stop bit, no flow control, the baud rate): no native module to build,
 * and a USB-serial or RS-485 adapter's tty takes it like any other. Writes go one at a time in
 * the order given. A device that goes away (adapter unplugged) is opened again on the next
 * write and, until then, every few seconds with the latest line, so a display that comes back
 * shows the current number.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SerialLineOptions {
  readonly device: string;
  readonly baudRate: number;
  readonly stty: boolean;
  readonly retryMs?: number;
  readonly onError?: (error: unknown) => void;
}

export class SerialLine {
  private handle?: FileHandle;
  private queue: Promise<void> = Promise.resolve();
  private latest?: Uint8Array;
  private retry?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: SerialLineOptions) {}

  /** Send `bytes`; resolves once written (or the write failed and a retry is planned). */
  write(bytes: Uint8Array): Promise<void> {
    this.latest = bytes;
    this.queue = this.queue.then(() => this.send(bytes));
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.queue;
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
  }

  private async send(bytes: Uint8Array): Promise<void> {
    if (this.closed) return;
    try {
      const handle = await this.opened();
      await handle.write(bytes);
    } catch (error) {
      this.options.onError?.(error);
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
      this.planRetry();
    }
  }

  private async opened(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const { device, baudRate, stty } = this.options;
    if (stty) {
      await run('stty', [
        '-F',
        device,
        String(baudRate),
        'raw',
        '-echo',
        'cs8',
        '-cstopb',
        '-parenb',
        '-crtscts',
        '-ixon',
        '-ixoff',
        'clocal',
      ]);
    }
    // Never O_CREAT: a device that is missing must not become a plain file in /dev.
    this.handle = await open(device, constants.O_WRONLY | constants.O_NOCTTY | constants.O_APPEND);
    return this.handle;
  }

  private planRetry(): void {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.latest) void this.write(this.latest);
    }, this.options.retryMs ?? 5_000);
  }
}
