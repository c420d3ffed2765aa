/**
 * The USB transport on a fake bus of `usb`-shaped devices (no hardware): which device is the
 * printer (ids, serial number, the udev rule's vendors), and a job counting as printed only
 * when the printer answers after its last byte that it is still ready. Deadlines pass on
 * vitest's fake clock, never by waiting.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeUsbBus, VENDOR_SPECIFIC_CLASS } from '../testing/fake-usb';
import { PrinterTransportError } from './types';
import { createUsbTransport } from './usb';
import { UDEV_PRINTER_VENDORS } from './usb-device';

const JOB = Uint8Array.from({ length: 700 }, (_, index) => 0x20 + (index % 90));

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );

/** Tracks whether a promise has settled, to check it is still waiting before its deadline. */
const watch = <T>(promise: Promise<T>) => {
  const state = { settled: false };
  void promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('USB transport: which device is the printer', () => {
  it('takes the printer-class device, not the keyboard, when no ids are set', async () => {
    const bus = new FakeUsbBus();
    bus.plugInKeyboard();
    const printer = bus.plugIn();
    const transport = createUsbTransport({ listDevices: bus.list });
    await transport.print(JOB);
    expect(printer.printed).toEqual([...JOB]);
    await transport.close();
  });

  it('of two printers, takes the one with the configured serial number', async () => {
    const bus = new FakeUsbBus();
    const first = bus.plugIn({ serialNumber: 'A1000' });
    const second = bus.plugIn({ serialNumber: 'B2000' });
    const transport = createUsbTransport({ serialNumber: 'B2000', listDevices: bus.list });
    await transport.print(JOB);
    expect(second.printed).toEqual([...JOB]);
    expect(first.printed).toEqual([]);
    // The other printer was opened only to read its serial number, and is closed again.
    expect(first.claimed).toBe(false);
    expect(first.closes).toBe(first.opens);
    await transport.close();
  });

  it('says which serial number it did not find', async () => {
    const bus = new FakeUsbBus();
    bus.plugIn({ serialNumber: 'A1000' });
    const transport = createUsbTransport({ serialNumber: 'C3000', listDevices: bus.list });
    const error = await failure(transport.print(JOB));
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('C3000') });
    expect(await transport.status(200)).toBe('no-answer');
  });

  it('finds an Epson TM with a vendor-specific interface by its ids, and by the udev rule without ids', async () => {
    for (const options of [{ vendorId: 0x04b8, productId: 0x0202 }, {}]) {
      const bus = new FakeUsbBus();
      const other = bus.plugIn({ vendorId: 0x0416, productId: 0x5011, busNumber: 2 });
      const epson = bus.plugIn({
        vendorId: 0x04b8,
        productId: 0x0202,
        interfaceClass: VENDOR_SPECIFIC_CLASS,
      });
      const transport = createUsbTransport({ ...options, listDevices: bus.list });
      expect(await transport.status(300)).toMatchObject({ online: true });
      await transport.print(JOB);
      // With ids only the Epson; without, the first on the bus of the two, which is the Epson (bus 1).
      expect(epson.printed).toEqual([...JOB]);
      expect(other.printed).toEqual([]);
      await transport.close();
    }
  });

  it('matches by vendor and product: another model of the same vendor is not taken', async () => {
    const bus = new FakeUsbBus();
    bus.plugIn({ vendorId: 0x04b8, productId: 0x0e15 });
    const transport = createUsbTransport({ vendorId: 0x04b8, productId: 0x0202, listDevices: bus.list });
    await expect(transport.print(JOB)).rejects.toMatchObject({ code: 'not-found' });
  });

  it("knows the vendors the udev rules give access to (a rule's ids find its printer without configured ids)", () => {
    const rules = readFileSync(
      new URL('../../../../hardware/udev/99-escpos-printers.rules', import.meta.url),
      'utf8',
    );
    const vendors = rules
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .flatMap((line) =>
        [...line.matchAll(/ATTR\{idVendor\}=="([0-9a-f]{4})"/g)].map((found) => parseInt(found[1] ?? '', 16)),
      );
    expect(vendors.length).toBeGreaterThan(0);
    expect([...UDEV_PRINTER_VENDORS].sort()).toEqual([...new Set(vendors)].sort());
  });
});

describe('USB transport: a job is printed only when the printer confirms it', () => {
  it('a good job: the bytes, then a status query the printer answers ready', async () => {
    const bus = new FakeUsbBus();
    const printer = bus.plugIn();
    const transport = createUsbTransport({ listDevices: bus.list });
    await transport.print(JOB);
    await transport.print(Uint8Array.of(0x0a));
    expect(printer.printed).toEqual([...JOB, 0x0a]);
    expect(printer.opens).toBe(1);
    expect(printer.transferTimeouts.filter((entry) => entry.direction === 'in')).toHaveLength(6);
    await transport.close();
    expect(printer.claimed).toBe(false);
    await expect(transport.print(JOB)).rejects.toMatchObject({ code: 'closed' });
  });

  it('paper that runs out after K bytes fails the job, though the status was fine before it', async () => {
    const bus = new FakeUsbBus();
    const printer = bus.plugIn();
    const transport = createUsbTransport({ listDevices: bus.list });
    expect(await transport.status(300)).toMatchObject({ online: true, paperOut: false });
    printer.runOutOfPaperAfter(400);
    const error = await failure(transport.print(JOB));
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect(error).toMatchObject({ code: 'not-confirmed', message: expect.stringMatching(/paper out/) });
    expect(printer.printed).toHaveLength(400);
  });

  it('a printer that stops reading after K bytes fails the job at the write deadline, and the next job prints', async () => {
    vi.useFakeTimers();
    const bus = new FakeUsbBus();
    const printer = bus.plugIn();
    const transport = createUsbTransport({ writeTimeoutMs: 5000, listDevices: bus.list });
    printer.stopReadingAfter(400);
    const job = failure(transport.print(JOB));
    const progress = watch(job);
    await vi.advanceTimersByTimeAsync(4900);
    expect(progress.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(await job).toMatchObject({ code: 'timeout' });
    expect(printer.printed).toHaveLength(400);

    const next = transport.print(Uint8Array.of(0x41, 0x0a));
    await vi.advanceTimersByTimeAsync(100);
    await next;
    expect(printer.printed.slice(400)).toEqual([0x41, 0x0a]);
    const closing = transport.close();
    await vi.advanceTimersByTimeAsync(10);
    await closing;
    expect(printer.claimed).toBe(false);
  });

  it('no answer to the status query after the job fails it once the confirmation deadline passes', async () => {
    vi.useFakeTimers();
    const bus = new FakeUsbBus();
    const printer = bus.plugIn();
    const transport = createUsbTransport({ confirmTimeoutMs: 2000, listDevices: bus.list });
    printer.goSilentAfter(JOB.length);
    const job = failure(transport.print(JOB));
    const progress = watch(job);
    await vi.advanceTimersByTimeAsync(1900);
    expect(progress.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(await job).toMatchObject({
      code: 'not-confirmed',
      message: expect.stringMatching(/no status answer/),
    });
    expect(printer.printed).toEqual([...JOB]);
  });

  it('prints without asking when told the printer cannot answer', async () => {
    const bus = new FakeUsbBus();
    const printer = bus.plugIn({ state: 'silent' });
    const transport = createUsbTransport({ listDevices: bus.list });
    await transport.print(JOB, { confirm: false });
    expect(printer.printed).toEqual([...JOB]);
    expect(printer.transferTimeouts.filter((entry) => entry.direction === 'in')).toHaveLength(0);
  });
});

describe('USB transport: status', () => {
  it('asks DLE EOT 1, 2, 4 and reads the answers', async () => {
    const bus = new FakeUsbBus();
    bus.plugIn({ state: 'cover-open' });
    const transport = createUsbTransport({ listDevices: bus.list });
    expect(await transport.status(300)).toEqual({
      online: false,
      coverOpen: true,
      paperOut: false,
      paperNearEnd: false,
    });
  });

  it("gives 'no-answer' at the deadline when the printer is silent, and when there is none", async () => {
    vi.useFakeTimers();
    const bus = new FakeUsbBus();
    const printer = bus.plugIn({ state: 'silent' });
    const transport = createUsbTransport({ listDevices: bus.list });
    const answer = transport.status(500);
    const progress = watch(answer);
    await vi.advanceTimersByTimeAsync(450);
    expect(progress.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await answer).toBe('no-answer');
    expect(printer.transferTimeouts.every((entry) => entry.timeoutMs > 0 && entry.timeoutMs <= 500)).toBe(
      true,
    );

    const empty = createUsbTransport({ listDevices: new FakeUsbBus().list });
    expect(await empty.status(200)).toBe('no-answer');
    await expect(empty.print(JOB)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('status checks and a job asked for at once take turns, each answer read by its own question', async () => {
    const bus = new FakeUsbBus();
    const printer = bus.plugIn({ state: 'paper-near-end' });
    const transport = createUsbTransport({ listDevices: bus.list });
    const [before, , after] = await Promise.all([
      transport.status(500),
      transport.print(JOB),
      transport.status(500),
    ]);
    expect(before).toMatchObject({ online: true, paperNearEnd: true });
    expect(after).toMatchObject({ online: true, paperNearEnd: true });
    expect(printer.printed).toEqual([...JOB]);
  });
});
