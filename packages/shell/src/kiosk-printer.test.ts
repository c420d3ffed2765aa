/**
 * The kiosk's own printer through the shell: the renderer's two calls (status, print) go
 * over the named IPC channels to the main process, which prints on a fake USB bus (or a
 * fake device file) with the printer package. A malformed ticket from the renderer prints
 * nothing; a failing device, or one that does not confirm the job, answers with an error the
 * renderer can report. The idle poll reports status changes to the page without a ticket.
 */
import { message } from '@queue/printer';
import {
  FakeDeviceFile,
  FakeUsbBus,
  type FakeUsbPrinterState,
  SAMPLE_TICKET,
  readableLines,
} from '@queue/printer/testing';
import { describe, expect, it } from 'vitest';
import { hashPin } from './admin-pin';
import { startShell } from './create-shell';
import { IPC } from './ipc';
import { createShellPrinter } from './kiosk-printer';
import { type PollTimers, startKioskPrinterPoll } from './kiosk-printer-poll';
import { createBridge } from './preload';
import { readShellConfig } from './shell-config';
import { fakeElectron, memoryStorage } from './testing/fake-electron';
import { fakeLan } from './testing/fake-servers';

/** Timers the test fires by hand: the idle poll runs only when told. */
class HandTimers implements PollTimers {
  private readonly pending = new Set<() => void>();

  after(_ms: number, task: () => void): () => void {
    this.pending.add(task);
    return () => this.pending.delete(task);
  }

  get waiting(): number {
    return this.pending.size;
  }

  fire(): void {
    const due = [...this.pending];
    this.pending.clear();
    for (const task of due) task();
  }
}

/**
 * Lets pending I/O (reading the profiles, the fake bus's callbacks) finish until `done`
 * holds; fails if it never does. No timer of the code under test is waited for.
 */
const until = async (done: () => boolean): Promise<void> => {
  const giveUpAt = Date.now() + 5000;
  while (!done() && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(done()).toBe(true);
};

const usbPrinter = (bus: FakeUsbBus, settings: { serialNumber?: string } = {}) =>
  createShellPrinter(
    { transport: 'usb', vendorId: 0x0416, productId: 0x5011, profileId: 'epson-80', ...settings },
    { listUsbDevices: bus.list, statusTimeoutMs: 300 },
  );

const busWith = (state?: FakeUsbPrinterState) => {
  const bus = new FakeUsbBus();
  const device = bus.plugIn({ vendorId: 0x0416, productId: 0x5011, ...(state ? { state } : {}) });
  return { bus, device, printed: () => Uint8Array.from(device.printed) };
};

const startKiosk = async (
  printer?: ReturnType<typeof usbPrinter>,
  kind: 'kiosk' | 'display' = 'kiosk',
  fake = fakeElectron(),
  timers = new HandTimers(),
) => {
  await startShell({
    electron: fake.electron,
    config: readShellConfig(kind, JSON.stringify({ exitPinHash: hashPin('4321') }), {}),
    preloadPath: '/app/preload.js',
    storage: memoryStorage(),
    version: '0.1.0',
    // No server on this (fake) LAN, and no mDNS query on the real one.
    findServer: () => new Promise(() => undefined),
    proveServer: fakeLan().proveServer,
    printerPollTimers: timers,
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
    const { bus, printed } = busWith();
    const bridge = await startKiosk(usbPrinter(bus));
    expect(await bridge.printerStatus()).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
    });
    expect(await bridge.printTicket(SAMPLE_TICKET, { footerLines: ['Дякуємо!'] })).toEqual({ ok: true });
    const lines = readableLines(printed());
    expect(lines).toContain(SAMPLE_TICKET.number);
    expect(lines).toContain(SAMPLE_TICKET.serviceName);
    expect(lines).toContain('Дякуємо!');
  });

  it('reads paper out from the USB printer', async () => {
    const bridge = await startKiosk(usbPrinter(busWith('paper-out').bus));
    expect(await bridge.printerStatus()).toMatchObject({ online: false, paperOut: true });
  });

  it('prints nothing for a malformed ticket from the renderer', async () => {
    const { bus, printed } = busWith();
    const bridge = await startKiosk(usbPrinter(bus));
    const bad = { ...SAMPLE_TICKET, number: '', extra: 'field' };
    expect(await bridge.printTicket(bad)).toMatchObject({ ok: false });
    expect(await bridge.printTicket({ ...SAMPLE_TICKET, statusUrl: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
    });
    expect(printed()).toHaveLength(0);
  });

  it('reports an unplugged USB printer as an error for the renderer to pass on', async () => {
    const { bus, device } = busWith();
    const bridge = await startKiosk(usbPrinter(bus));
    expect(await bridge.printerStatus()).toMatchObject({ online: true });
    device.unplug();
    const result = await bridge.printTicket(SAMPLE_TICKET);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('LIBUSB_ERROR_NO_DEVICE');
  });

  it('a ticket the paper ran out during is a failed print, though the status was fine before it', async () => {
    const { bus, device } = busWith();
    const bridge = await startKiosk(usbPrinter(bus));
    expect(await bridge.printerStatus()).toMatchObject({ online: true, paperOut: false });
    device.runOutOfPaperAfter(200);
    const result = await bridge.printTicket(SAMPLE_TICKET);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/paper out/);
    expect(device.printed).toHaveLength(200);
  });

  it('prints on the USB printer with the configured serial number, of two', async () => {
    const bus = new FakeUsbBus();
    const first = bus.plugIn({ vendorId: 0x0416, productId: 0x5011, serialNumber: 'XP-1' });
    const second = bus.plugIn({ vendorId: 0x0416, productId: 0x5011, serialNumber: 'XP-2' });
    const bridge = await startKiosk(usbPrinter(bus, { serialNumber: 'XP-2' }));
    expect(await bridge.printTicket(SAMPLE_TICKET)).toEqual({ ok: true });
    expect(readableLines(Uint8Array.from(second.printed))).toContain(SAMPLE_TICKET.number);
    expect(first.printed).toHaveLength(0);
  });

  it('says that no desk is open, as the server-printed ticket does, instead of "called shortly"', async () => {
    const { bus, printed } = busWith();
    const bridge = await startKiosk(usbPrinter(bus));
    const noWait = { ...SAMPLE_TICKET, ahead: 0, lowMinutes: 0, highMinutes: 0 };
    expect(await bridge.printTicket({ ...noWait, noDeskOpen: true })).toEqual({ ok: true });
    const closed = readableLines(printed());
    expect(closed).toContain(message('uk', 'noDeskOpen'));
    expect(closed).not.toContain(message('uk', 'noWait'));
    const before = printed().length;
    expect(await bridge.printTicket(noWait)).toEqual({ ok: true });
    expect(readableLines(printed().subarray(before))).toContain(message('uk', 'noWait'));
  });

  it("says 'none' without a printer, and on screens that are not kiosks", async () => {
    expect(await (await startKiosk()).printerStatus()).toBe('none');
    const display = await startKiosk(usbPrinter(busWith().bus), 'display');
    expect(await display.printerStatus()).toBe('none');
    expect(await display.printTicket(SAMPLE_TICKET)).toMatchObject({ ok: false });
  });

  it('prints through a device file, and fails a job the printer does not confirm', async () => {
    const device = new FakeDeviceFile();
    const printer = createShellPrinter(
      { transport: 'device', path: '/dev/usb/lp0', profileId: 'xprinter-80' },
      { openDevice: device.openDevice },
    );
    expect(await printer.print(SAMPLE_TICKET)).toEqual({ ok: true });
    expect(readableLines(Uint8Array.from(device.printed))).toContain(SAMPLE_TICKET.number);
    device.runOutOfPaperAfter(100);
    expect(await printer.print(SAMPLE_TICKET)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/paper out/),
    });
  });

  it('names the channels it uses, and nothing else', async () => {
    const calls: unknown[][] = [];
    const bridge = createBridge({ invoke: async (...args) => (calls.push(args), 'none') });
    await bridge.printerStatus();
    await bridge.printTicket(SAMPLE_TICKET, { numberScale: 3 });
    expect(calls).toEqual([[IPC.printerStatus], [IPC.printTicket, SAMPLE_TICKET, { numberScale: 3 }]]);
  });
});

describe("idle status poll of the kiosk's own printer", () => {
  const READY = { online: true, coverOpen: false, paperOut: false, paperNearEnd: false };
  const statusPushes = (fake: ReturnType<typeof fakeElectron>) =>
    fake.sent.filter(([channel]) => channel === IPC.printerStatusChanged).map(([, status]) => status);

  it('reports each change to the page, so alerts are raised and cleared without a ticket', async () => {
    const { bus, device } = busWith();
    const fake = fakeElectron();
    const timers = new HandTimers();
    await startKiosk(usbPrinter(bus), 'kiosk', fake, timers);
    expect(timers.waiting).toBe(1);

    timers.fire();
    await until(() => statusPushes(fake).length === 1);
    expect(statusPushes(fake)).toEqual([READY]);

    // Nothing changed: nothing is reported, and the next round is due.
    await until(() => timers.waiting === 1);
    timers.fire();
    await until(() => timers.waiting === 1);
    expect(statusPushes(fake)).toHaveLength(1);

    device.state = 'paper-out';
    timers.fire();
    await until(() => statusPushes(fake).length === 2);
    expect(statusPushes(fake)[1]).toMatchObject({ online: false, paperOut: true });

    device.state = 'ready';
    timers.fire();
    await until(() => statusPushes(fake).length === 3);
    expect(statusPushes(fake)[2]).toEqual(READY);

    bus.unplug(device);
    await until(() => timers.waiting === 1);
    timers.fire();
    await until(() => statusPushes(fake).length === 4);
    expect(statusPushes(fake)[3]).toBe('no-answer');
    expect(device.printed).toHaveLength(0);
  });

  it('does not ask while a ticket prints, and stops with the window', async () => {
    let idle = false;
    let asked = 0;
    const timers = new HandTimers();
    const reported: unknown[] = [];
    const poll = startKioskPrinterPoll({
      printer: { isIdle: () => idle, status: async () => ((asked += 1), 'no-answer' as const) },
      report: (status) => reported.push(status),
      timers,
    });
    timers.fire();
    await until(() => timers.waiting === 1);
    expect(asked).toBe(0);
    idle = true;
    timers.fire();
    await until(() => reported.length === 1);
    expect(asked).toBe(1);
    poll.stop();
    expect(timers.waiting).toBe(0);
  });

  it('the shell printer is busy while it prints or checks status', async () => {
    const { bus } = busWith();
    const printer = usbPrinter(bus);
    expect(printer.isIdle()).toBe(true);
    const printing = printer.print(SAMPLE_TICKET);
    expect(printer.isIdle()).toBe(false);
    await printing;
    expect(printer.isIdle()).toBe(true);
  });

  it('runs on kiosks with a printer only', async () => {
    const timers = new HandTimers();
    await startKiosk(undefined, 'kiosk', fakeElectron(), timers);
    await startKiosk(usbPrinter(busWith().bus), 'display', fakeElectron(), timers);
    expect(timers.waiting).toBe(0);
  });

  it('reaches the page through the preload, as the status alone', async () => {
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const bridge = createBridge({
      invoke: async () => undefined,
      on: (channel, listener) => listeners.set(channel, listener),
      removeListener: (channel) => listeners.delete(channel),
    });
    const seen: unknown[] = [];
    const stop = bridge.onPrinterStatus((status) => seen.push(status));
    listeners.get(IPC.printerStatusChanged)?.({ sender: 'electron internals' }, 'no-answer');
    expect(seen).toEqual(['no-answer']);
    stop();
    expect(listeners.has(IPC.printerStatusChanged)).toBe(false);
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

  it('take a USB serial number to pick one of several printers, checked by the schema', () => {
    const usb = { transport: 'usb', serialNumber: 'J7YF012345', profileId: 'epson-80' };
    expect(readShellConfig('kiosk', JSON.stringify({ printer: usb }), {}).printer).toEqual(usb);
    const problems: string[] = [];
    const bad = { ...usb, serialNumber: '' };
    expect(
      readShellConfig('kiosk', JSON.stringify({ printer: bad }), {}, (problem) => problems.push(problem))
        .printer,
    ).toBeUndefined();
    expect(problems).toEqual(['printer is not valid and is ignored']);
    const onDevice = { transport: 'device', path: '/dev/usb/lp0', serialNumber: 'X', profileId: 'epson-80' };
    expect(readShellConfig('kiosk', JSON.stringify({ printer: onDevice }), {}).printer).toBeUndefined();
  });
});
