/**
 * The USB transport recovering from what real USB printers do, against a scripted fake in
 * place of `@node-escpos/usb-adapter` (the module is mocked, so the transport's own adapter
 * loading runs): unplug and replug, a status read that fails (the adapter then never calls
 * back), and a job the printer stops taking followed by a good one. The fake behaves as
 * libusb does: transfers on an endpoint run in order, one that stalls holds those behind it
 * until the endpoint's `timeout` (0 = for ever) cancels it, a device with a transfer pending
 * cannot be closed, and a claimed interface cannot be claimed again.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createUsbTransport } from './usb';

type Callback = (error: Error | null | undefined) => void;

const READY = [0x12, 0x12, 0x12] as const;
const REQUEST_INDEX: Readonly<Record<number, number>> = { 1: 0, 2: 1, 4: 2 };

interface OutTransfer {
  readonly data: Buffer;
  readonly timeoutMs: number;
  readonly callback: Callback;
  readonly stalled: boolean;
}

/** One physical printer on the bus. */
class FakeUsbHardware {
  plugged = true;
  claimed = false;
  /** Everything but status requests, as the printer took it. */
  readonly jobs: Buffer[] = [];
  /** The endpoint timeout each transfer was submitted with. */
  readonly transferTimeouts: { direction: 'in' | 'out'; timeoutMs: number }[] = [];
  private readonly outQueue: OutTransfer[] = [];
  private readonly answers: number[] = [];
  private readonly reads: { callback: (error: Error | undefined, data?: Buffer) => void }[] = [];
  private stallWrites = 0;
  private failReads = 0;

  /** The next job write is never taken by the printer (paper jam, firmware hang). */
  stallNextWrite(): void {
    this.stallWrites += 1;
  }

  /** The next read fails on the bus (as a stalled or babbling IN endpoint does). */
  failNextRead(): void {
    this.failReads += 1;
  }

  pendingTransfers(): number {
    return this.outQueue.length + this.reads.length;
  }

  unplug(): void {
    this.plugged = false;
    for (const transfer of this.outQueue.splice(0)) transfer.callback(new Error('LIBUSB_ERROR_NO_DEVICE'));
    for (const read of this.reads.splice(0)) read.callback(new Error('LIBUSB_ERROR_NO_DEVICE'));
  }

  transferOut(data: Buffer, timeoutMs: number, callback: Callback): void {
    this.transferTimeouts.push({ direction: 'out', timeoutMs });
    if (!this.plugged) {
      setImmediate(() => callback(new Error('LIBUSB_ERROR_NO_DEVICE')));
      return;
    }
    const isStatusRequest = data[0] === 0x10 && data[1] === 0x04;
    const stalled = !isStatusRequest && this.stallWrites > 0;
    if (stalled) this.stallWrites -= 1;
    this.outQueue.push({ data: Buffer.from(data), timeoutMs, callback, stalled });
    if (this.outQueue.length === 1) this.runOut();
  }

  transferIn(timeoutMs: number, callback: (error: Error | undefined, data?: Buffer) => void): void {
    this.transferTimeouts.push({ direction: 'in', timeoutMs });
    if (!this.plugged) {
      setImmediate(() => callback(new Error('LIBUSB_ERROR_NO_DEVICE')));
      return;
    }
    if (this.failReads > 0) {
      this.failReads -= 1;
      setImmediate(() => callback(new Error('LIBUSB_ERROR_PIPE')));
      return;
    }
    const read = { callback };
    this.reads.push(read);
    if (timeoutMs > 0) {
      setTimeout(() => {
        const index = this.reads.indexOf(read);
        if (index < 0) return;
        this.reads.splice(index, 1);
        callback(new Error('LIBUSB_TRANSFER_TIMED_OUT'));
      }, timeoutMs);
    }
    this.deliverAnswers();
  }

  /** Completes OUT transfers in order; a stalled one holds the rest until its timeout. */
  private runOut(): void {
    const head = this.outQueue[0];
    if (!head) return;
    if (head.stalled) {
      if (head.timeoutMs > 0) {
        setTimeout(() => {
          this.outQueue.shift();
          head.callback(new Error('LIBUSB_TRANSFER_TIMED_OUT'));
          this.runOut();
        }, head.timeoutMs);
      }
      return;
    }
    setImmediate(() => {
      if (this.outQueue[0] !== head) return;
      this.outQueue.shift();
      const { data } = head;
      if (data[0] === 0x10 && data[1] === 0x04) {
        const answer = READY[REQUEST_INDEX[data[2] ?? 0] ?? 0] ?? 0;
        this.answers.push(answer);
      } else {
        this.jobs.push(data);
      }
      head.callback(undefined);
      this.deliverAnswers();
      this.runOut();
    });
  }

  private deliverAnswers(): void {
    while (this.reads.length > 0 && this.answers.length > 0) {
      const read = this.reads.shift();
      const byte = this.answers.shift() ?? 0;
      setImmediate(() => read?.callback(undefined, Buffer.of(byte)));
    }
  }
}

/** The bus the fake adapter finds printers on. */
const bus: { printer: FakeUsbHardware | undefined; adapters: number } = { printer: undefined, adapters: 0 };

/** `@node-escpos/usb-adapter` 0.3.1's behaviour, on the fake bus. */
class FakeUsbAdapter {
  endpoint: { timeout: number } | null = null;
  deviceToPcEndpoint: { timeout: number } | null = null;
  private readonly hardware: FakeUsbHardware;

  constructor() {
    const found = bus.printer;
    if (!found?.plugged) throw new Error('Can not find printer');
    this.hardware = found;
    bus.adapters += 1;
  }

  open(callback?: Callback): this {
    setImmediate(() => {
      if (!this.hardware.plugged) return callback?.(new Error('LIBUSB_ERROR_NO_DEVICE'));
      if (this.hardware.claimed) return callback?.(new Error('LIBUSB_ERROR_BUSY'));
      this.hardware.claimed = true;
      this.endpoint = { timeout: 0 };
      this.deviceToPcEndpoint = { timeout: 0 };
      callback?.(null);
    });
    return this;
  }

  read(callback?: (data: Buffer) => void): void {
    const inbound = this.deviceToPcEndpoint;
    if (!inbound) return;
    // As the real adapter: an error is logged and the callback is never called.
    this.hardware.transferIn(inbound.timeout, (error, data) => {
      if (!error && data) callback?.(data);
    });
  }

  write(data: Buffer, callback?: Callback): this {
    const outbound = this.endpoint;
    if (outbound) this.hardware.transferOut(data, outbound.timeout, (error) => callback?.(error ?? null));
    return this;
  }

  close(callback?: Callback): this {
    if (this.hardware.plugged && this.hardware.pendingTransfers() > 0) {
      callback?.(new Error("Can't close device with a pending request"));
      return this;
    }
    this.hardware.claimed = false;
    callback?.(null);
    return this;
  }
}

vi.mock('@node-escpos/usb-adapter', () => ({ default: FakeUsbAdapter }));

const plugIn = (): FakeUsbHardware => {
  const printer = new FakeUsbHardware();
  bus.printer = printer;
  return printer;
};

const JOB = Uint8Array.of(0x1b, 0x40, 0x41, 0x42, 0x0a);

beforeEach(() => {
  bus.printer = undefined;
  bus.adapters = 0;
});

describe('USB transport recovering (mocked adapter)', () => {
  it('comes back after unplug and replug through status alone, then prints on the new device', async () => {
    const first = plugIn();
    const transport = createUsbTransport({ vendorId: 0x04b8, productId: 0x0202 });
    expect(await transport.status(300)).toMatchObject({ online: true, paperOut: false });

    first.unplug();
    bus.printer = undefined;
    expect(await transport.status(300)).toBe('no-answer');
    expect(await transport.status(300)).toBe('no-answer');

    const second = plugIn();
    expect(await transport.status(300)).toMatchObject({ online: true, paperOut: false });
    await transport.print(JOB);
    expect(second.jobs).toEqual([Buffer.from(JOB)]);
    expect(first.jobs).toEqual([]);
    await transport.close();
  });

  it('a status read that fails on the bus does not stop later status checks', async () => {
    const printer = plugIn();
    const transport = createUsbTransport();
    printer.failNextRead();
    expect(await transport.status(200)).toBe('no-answer');
    expect(await transport.status(300)).toMatchObject({ online: true });
    expect(await transport.status(300)).toMatchObject({ online: true });
    await transport.close();
  });

  it('a job the printer stops taking times out, and the next job prints', async () => {
    const printer = plugIn();
    const transport = createUsbTransport({ writeTimeoutMs: 100 });
    printer.stallNextWrite();
    await expect(transport.print(Uint8Array.of(0x1b, 0x40, 0x58))).rejects.toMatchObject({ code: 'timeout' });
    await transport.print(JOB);
    expect(printer.jobs).toEqual([Buffer.from(JOB)]);
    expect(await transport.status(300)).toMatchObject({ online: true });
    await transport.close();
  });

  it('gives every transfer a timeout', async () => {
    const printer = plugIn();
    const transport = createUsbTransport({ writeTimeoutMs: 5000 });
    await transport.status(300);
    await transport.print(JOB);
    await transport.close();
    expect(printer.transferTimeouts.length).toBeGreaterThanOrEqual(7);
    for (const { timeoutMs } of printer.transferTimeouts) expect(timeoutMs).toBeGreaterThan(0);
    expect(printer.transferTimeouts.at(-1)).toEqual({ direction: 'out', timeoutMs: 5000 });
  });
});
