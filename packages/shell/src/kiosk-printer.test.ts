/**
 * The kiosk's own printer through the shell: the renderer's two calls (status, print) go
 * over the named IPC channels to the main process, which prints on a mocked USB device (or
 * a device file) with the printer package. A malformed ticket from the renderer prints
 * nothing; a failing device answers with an error the renderer can report.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UsbPrinterDevice } from '@queue/printer';
import { SAMPLE_TICKET, readableLines } from '@queue/printer/testing';
import { describe, expect, it } from 'vitest';
import { hashPin } from './admin-pin';
import { startShell } from './create-shell';
import { IPC } from './ipc';
import { createShellPrinter } from './kiosk-printer';
import { createBridge } from './preload';
import { readShellConfig } from './shell-config';
import { fakeElectron, memoryStorage } from './testing/fake-electron';
import { fakeLan } from './testing/fake-servers';

type Callback = (error: Error | null | undefined) => void;

/** A USB printer with the adapter's shape: answers DLE EOT n with the scripted byte. */
class FakeUsbPrinter implements UsbPrinterDevice {
  readonly written: Buffer[] = [];
  failWrites = false;
  private readonly outbox: number[] = [];
  private reader: ((data: Buffer) => void) | undefined;

  constructor(private readonly answers: Record<number, number> = { 1: 0x12, 2: 0x12, 4: 0x12 }) {}

  open(callback?: Callback): this {
    callback?.(null);
    return this;
  }

  write(data: Buffer, callback?: Callback): this {
    if (this.failWrites) {
      callback?.(new Error('LIBUSB_ERROR_NO_DEVICE'));
      return this;
    }
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
    callback?.(null);
    return this;
  }

  /** Everything written after the status requests: the ticket. */
  job(): Buffer {
    return Buffer.concat(this.written.filter((chunk) => !(chunk[0] === 0x10 && chunk[1] === 0x04)));
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

const usbPrinter = (device: FakeUsbPrinter) =>
  createShellPrinter(
    { transport: 'usb', vendorId: 0x0416, productId: 0x5011, profileId: 'epson-80' },
    { openUsbDevice: async () => device, statusTimeoutMs: 300 },
  );

const startKiosk = async (printer?: ReturnType<typeof usbPrinter>, kind: 'kiosk' | 'display' = 'kiosk') => {
  const fake = fakeElectron();
  await startShell({
    electron: fake.electron,
    config: readShellConfig(kind, JSON.stringify({ exitPinHash: hashPin('4321') }), {}),
    preloadPath: '/app/preload.js',
    storage: memoryStorage(),
    version: '0.1.0',
    // No server on this (fake) LAN, and no mDNS query on the real one.
    findServer: () => new Promise(() => undefined),
    proveServer: fakeLan().proveServer,
    ...(printer ? { printer } : {}),
  });
  /** What the renderer's `window.queueShell` would get, wired to the fake main process. */
  return createBridge({
    invoke: async (channel, ...args) => {
      const handler = fake.handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler({}, ...args);
    },
  });
};

describe('kiosk printer through the shell', () => {
  it('answers status and prints the ticket on the USB printer', async () => {
    const device = new FakeUsbPrinter();
    const bridge = await startKiosk(usbPrinter(device));
    expect(await bridge.printerStatus()).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
    });
    expect(await bridge.printTicket(SAMPLE_TICKET, { footerLines: ['Дякуємо!'] })).toEqual({ ok: true });
    const lines = readableLines(device.job());
    expect(lines).toContain(SAMPLE_TICKET.number);
    expect(lines).toContain(SAMPLE_TICKET.serviceName);
    expect(lines).toContain('Дякуємо!');
  });

  it('reads paper out from the USB printer', async () => {
    const bridge = await startKiosk(usbPrinter(new FakeUsbPrinter({ 1: 0x1a, 2: 0x32, 4: 0x72 })));
    expect(await bridge.printerStatus()).toMatchObject({ online: false, paperOut: true });
  });

  it('prints nothing for a malformed ticket from the renderer', async () => {
    const device = new FakeUsbPrinter();
    const bridge = await startKiosk(usbPrinter(device));
    const bad = { ...SAMPLE_TICKET, number: '', extra: 'field' };
    expect(await bridge.printTicket(bad)).toMatchObject({ ok: false });
    expect(await bridge.printTicket({ ...SAMPLE_TICKET, statusUrl: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
    });
    expect(device.job()).toHaveLength(0);
  });

  it('reports a failed USB write as an error for the renderer to pass on', async () => {
    const device = new FakeUsbPrinter();
    device.failWrites = true;
    const bridge = await startKiosk(usbPrinter(device));
    const result = await bridge.printTicket(SAMPLE_TICKET);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('LIBUSB_ERROR_NO_DEVICE');
  });

  it("says 'none' without a printer, and on screens that are not kiosks", async () => {
    expect(await (await startKiosk()).printerStatus()).toBe('none');
    const display = await startKiosk(usbPrinter(new FakeUsbPrinter()), 'display');
    expect(await display.printerStatus()).toBe('none');
    expect(await display.printTicket(SAMPLE_TICKET)).toMatchObject({ ok: false });
  });

  it('prints through a device file', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'shell-lp-')), 'lp0');
    await writeFile(path, '');
    const printer = createShellPrinter({ transport: 'device', path, profileId: 'xprinter-80' });
    expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
    expect(readableLines(await readFile(path))).toContain(SAMPLE_TICKET.number);
  });

  it('names the channels it uses, and nothing else', async () => {
    const calls: unknown[][] = [];
    const bridge = createBridge({ invoke: async (...args) => (calls.push(args), 'none') });
    await bridge.printerStatus();
    await bridge.printTicket(SAMPLE_TICKET, { numberScale: 3 });
    expect(calls).toEqual([[IPC.printerStatus], [IPC.printTicket, SAMPLE_TICKET, { numberScale: 3 }]]);
  });
});

describe('kiosk printer settings', () => {
  it('come from the shell settings or QUEUE_PRINTER, for kiosks only', () => {
    const usb = { transport: 'usb', vendorId: 1046, productId: 20497, profileId: 'xprinter-80' };
    expect(readShellConfig('kiosk', JSON.stringify({ printer: usb }), {}).printer).toEqual(usb);
    const device = { transport: 'device', path: '/dev/ticket-printer', profileId: 'epson-80' };
    expect(
      readShellConfig('kiosk', JSON.stringify({ printer: usb }), { QUEUE_PRINTER: JSON.stringify(device) })
        .printer,
    ).toEqual(device);
    expect(readShellConfig('display', JSON.stringify({ printer: usb }), {}).printer).toBeUndefined();
    expect(
      readShellConfig('kiosk', JSON.stringify({ printer: { transport: 'tcp' } }), {}).printer,
    ).toBeUndefined();
    expect(readShellConfig('kiosk', undefined, { QUEUE_PRINTER: '{not json' }).printer).toBeUndefined();
  });
});
