/**
 * The USB transport recovering from what real USB printers do, with the `usb` package mocked
 * (so the transport's own loading of `usb` and `getDeviceList()` run) over a scripted bus:
 * unplug and replug, a status read that fails on the bus, a job the printer stops taking
 * followed by a good one, and a libusb timeout on every transfer. Deadlines pass on vitest's
 * fake clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeUsbBus } from '../testing/fake-usb';
import { createUsbTransport } from './usb';

const bus = vi.hoisted(() => ({ current: undefined as FakeUsbBus | undefined }));

vi.mock('usb', () => ({
  getDeviceList: () => [...(bus.current?.devices ?? [])],
}));

const JOB = Uint8Array.of(0x1b, 0x40, 0x41, 0x42, 0x0a);

/** Lets the fake clock run `ms` while `promise` settles, and gives its outcome. */
const within = async <T>(promise: Promise<T>, ms: number): Promise<T> => {
  await vi.advanceTimersByTimeAsync(ms);
  return promise;
};

beforeEach(() => {
  vi.useFakeTimers();
  bus.current = new FakeUsbBus();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('USB transport recovering (usb mocked)', () => {
  it('comes back after unplug and replug through status alone, then prints on the new device', async () => {
    const first = bus.current!.plugIn({ vendorId: 0x04b8, productId: 0x0202 });
    const transport = createUsbTransport({ vendorId: 0x04b8, productId: 0x0202 });
    expect(await within(transport.status(300), 50)).toMatchObject({ online: true, paperOut: false });

    bus.current!.unplug(first);
    expect(await within(transport.status(300), 400)).toBe('no-answer');
    expect(await within(transport.status(300), 400)).toBe('no-answer');

    const second = bus.current!.plugIn({ vendorId: 0x04b8, productId: 0x0202 });
    expect(await within(transport.status(300), 50)).toMatchObject({ online: true, paperOut: false });
    await within(transport.print(JOB), 50);
    expect(second.printed).toEqual([...JOB]);
    expect(first.printed).toEqual([]);
    await within(transport.close(), 50);
    expect(second.claimed).toBe(false);
  });

  it('a status read that fails on the bus does not stop later status checks', async () => {
    const printer = bus.current!.plugIn();
    const transport = createUsbTransport();
    printer.failNextRead();
    expect(await within(transport.status(300), 400)).toBe('no-answer');
    expect(await within(transport.status(300), 50)).toMatchObject({ online: true });
    expect(await within(transport.status(300), 50)).toMatchObject({ online: true });
    // The failed read dropped the device; it was opened afresh, and the old handle closed.
    expect(printer.opens).toBe(2);
    expect(printer.closes).toBe(1);
  });

  it('a silent status check leaves no transfer behind that would read the next answer', async () => {
    const printer = bus.current!.plugIn({ state: 'silent' });
    const transport = createUsbTransport();
    expect(await within(transport.status(300), 400)).toBe('no-answer');
    expect(printer.pendingTransfers()).toBe(0);
    printer.state = 'paper-out';
    expect(await within(transport.status(300), 50)).toMatchObject({ paperOut: true });
  });

  it('a job the printer stops taking times out, and the next job prints', async () => {
    const printer = bus.current!.plugIn();
    const transport = createUsbTransport({ writeTimeoutMs: 100 });
    printer.stopReadingAfter(0);
    const stuck = transport.print(Uint8Array.of(0x1b, 0x40, 0x58)).catch((error: unknown) => error);
    expect(await within(stuck, 200)).toMatchObject({ code: 'timeout' });
    await within(transport.print(JOB), 50);
    expect(printer.printed).toEqual([...JOB]);
    expect(await within(transport.status(300), 50)).toMatchObject({ online: true });
  });

  it('gives every transfer a timeout', async () => {
    const printer = bus.current!.plugIn();
    const transport = createUsbTransport({ writeTimeoutMs: 5000 });
    await within(transport.status(300), 50);
    await within(transport.print(JOB), 50);
    await within(transport.close(), 50);
    // Three requests and answers for the status, the job, three and three to confirm it.
    expect(printer.transferTimeouts).toHaveLength(13);
    for (const { timeoutMs } of printer.transferTimeouts) expect(timeoutMs).toBeGreaterThan(0);
    expect(printer.transferTimeouts[6]).toEqual({ direction: 'out', timeoutMs: 5000 });
  });
});
