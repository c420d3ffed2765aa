/**
 * The USB transport with the device mocked, no hardware: once against a fake with the
 * adapter's shape, once through the real `@node-escpos/usb-adapter` over a fake `usb.Device`
 * (so the adapter's open/claim/transfer path is exercised as it is in the kiosk).
 */
import USBAdapter from '@node-escpos/usb-adapter';
import { usb } from 'usb';
import { describe, expect, it } from 'vitest';
import { PrinterTransportError } from './types';
import { type UsbPrinterDevice, createUsbTransport } from './usb';

type Callback = (error: Error | null | undefined) => void;

/** Answers DLE EOT n with the scripted byte on the next read; records every write. */
class FakeUsbPrinter implements UsbPrinterDevice {
  readonly written: Buffer[] = [];
  readonly outbox: number[] = [];
  opened = 0;
  closed = 0;
  private reader: ((data: Buffer) => void) | undefined;

  constructor(private readonly answers: Record<number, number> = {}) {}

  open(callback?: Callback): this {
    this.opened += 1;
    callback?.(null);
    return this;
  }

  write(data: Buffer, callback?: Callback): this {
    this.written.push(Buffer.from(data));
    if (data[0] === 0x10 && data[1] === 0x04) {
      const answer = this.answers[data[2] ?? 0];
      if (answer !== undefined) this.outbox.push(answer);
    }
    callback?.(null);
    this.deliver();
    return this;
  }

  read(callback?: (data: Buffer) => void): void {
    this.reader = callback;
    this.deliver();
  }

  close(callback?: Callback): this {
    this.closed += 1;
    callback?.(null);
    return this;
  }

  private deliver(): void {
    const reader = this.reader;
    const byte = this.outbox.shift();
    if (!reader || byte === undefined) {
      if (byte !== undefined) this.outbox.unshift(byte);
      return;
    }
    this.reader = undefined;
    setImmediate(() => reader(Buffer.of(byte)));
  }
}

describe('USB transport (fake device)', () => {
  it('opens once, prints the bytes and closes', async () => {
    const device = new FakeUsbPrinter();
    const transport = createUsbTransport({ openDevice: async () => device });
    await transport.print(Uint8Array.of(0x1b, 0x40, 0x41));
    await transport.print(Uint8Array.of(0x0a));
    expect(device.opened).toBe(1);
    expect(Buffer.concat(device.written)).toEqual(Buffer.of(0x1b, 0x40, 0x41, 0x0a));
    await transport.close();
    expect(device.closed).toBe(1);
    await expect(transport.print(Uint8Array.of(1))).rejects.toMatchObject({ code: 'closed' });
  });

  it('reads the status bytes', async () => {
    const device = new FakeUsbPrinter({ 1: 0x1a, 2: 0x16, 4: 0x12 });
    const transport = createUsbTransport({ openDevice: async () => device });
    expect(await transport.status(300)).toEqual({
      online: false,
      coverOpen: true,
      paperOut: false,
      paperNearEnd: false,
    });
  });

  it("gives 'no-answer' when the printer does not answer, or is not there", async () => {
    const silent = createUsbTransport({ openDevice: async () => new FakeUsbPrinter() });
    const started = performance.now();
    expect(await silent.status(200)).toBe('no-answer');
    expect(performance.now() - started).toBeLessThan(600);
    const missing = createUsbTransport({
      openDevice: async () => {
        throw new Error('Can not find printer');
      },
    });
    expect(await missing.status(200)).toBe('no-answer');
    const error = await missing.print(Uint8Array.of(1)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect((error as PrinterTransportError).code).toBe('not-found');
  });

  it('rejects a failed write with a typed error and reopens next time', async () => {
    let attempts = 0;
    const device = new FakeUsbPrinter();
    device.write = (_data: Buffer, callback?: Callback) => {
      attempts += 1;
      callback?.(new Error('LIBUSB_ERROR_NO_DEVICE'));
      return device;
    };
    const transport = createUsbTransport({ openDevice: async () => device });
    await expect(transport.print(Uint8Array.of(1))).rejects.toMatchObject({ code: 'connection-lost' });
    await expect(transport.print(Uint8Array.of(1))).rejects.toMatchObject({ code: 'connection-lost' });
    expect(attempts).toBe(2);
    expect(device.opened).toBe(2);
  });
});

describe('USB transport through @node-escpos/usb-adapter', () => {
  it('opens, claims, writes and reads status over a fake usb.Device', async () => {
    const written: Buffer[] = [];
    const answers: number[] = [];
    const out = {
      direction: 'out',
      transfer: (data: Buffer, callback: Callback) => {
        written.push(Buffer.from(data));
        if (data[0] === 0x10 && data[1] === 0x04) answers.push(0x12);
        setImmediate(() => callback(undefined));
      },
    };
    const inbound = {
      direction: 'in',
      transfer: (_length: number, callback: (error: Error | undefined, data?: Buffer) => void) => {
        const poll = (): void => {
          const byte = answers.shift();
          if (byte === undefined) setTimeout(poll, 5);
          else callback(undefined, Buffer.of(byte));
        };
        poll();
      },
    };
    let claimed = false;
    const iface = {
      altSetting: 0,
      setAltSetting: (_alt: number, callback: () => void) => setImmediate(callback),
      isKernelDriverActive: () => false,
      claim: () => {
        claimed = true;
      },
      endpoints: [out, inbound],
    };
    const device = Object.create(usb.Device.prototype) as InstanceType<typeof usb.Device>;
    Object.defineProperty(device, 'interfaces', { value: [iface] });
    Object.assign(device, { open: () => {}, close: () => {} });

    const transport = createUsbTransport({ openDevice: async () => new USBAdapter(device) });
    expect(await transport.status(500)).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
    });
    await transport.print(Uint8Array.of(0x1b, 0x40));
    await transport.close();
    expect(claimed).toBe(true);
    expect(Buffer.concat(written)).toEqual(Buffer.of(0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4, 0x1b, 0x40));
  });
});
