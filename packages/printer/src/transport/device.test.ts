/**
 * The device-file transport: a job written to a file arrives whole; status is read from a
 * fake device that answers, and a file that never answers gives 'no-answer' in time; a job
 * counts as printed only when the printer answers after it that it is still ready. Deadlines
 * pass on vitest's fake clock where a test depends on one.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeDeviceFile } from '../testing/fake-device-file';
import { type DeviceHandle, createDeviceTransport } from './device';
import { PrinterTransportError } from './types';

const tempFile = async (): Promise<string> => {
  const path = join(await mkdtemp(join(tmpdir(), 'lp-')), 'lp0');
  await writeFile(path, '');
  return path;
};

/** A device that answers each DLE EOT n with the byte scripted for n. */
const answeringDevice = (answers: Record<number, number>): DeviceHandle => {
  const outbox: number[] = [];
  return {
    write: async (data) => {
      if (data[0] === 0x10 && data[1] === 0x04) {
        const answer = answers[data[2] ?? 0];
        if (answer !== undefined) outbox.push(answer);
      }
    },
    read: async (into) => {
      const byte = outbox.shift();
      if (byte === undefined) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      into[0] = byte;
      return 1;
    },
    close: async () => {},
  };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('device-file transport', () => {
  it('writes the job to the device file', async () => {
    const path = await tempFile();
    const transport = createDeviceTransport({ path });
    const job = Uint8Array.from({ length: 5000 }, (_, index) => index % 256);
    // A plain file cannot answer a status query.
    await transport.print(job, { confirm: false });
    expect(Buffer.from(await readFile(path)).equals(Buffer.from(job))).toBe(true);
  });

  it('says not-found for a missing device', async () => {
    const transport = createDeviceTransport({ path: join(tmpdir(), 'no-such-dir-lp', 'lp9') });
    const error = await transport.print(Uint8Array.of(1)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect((error as PrinterTransportError).code).toBe('not-found');
  });

  it('reads a status the device answers', async () => {
    const transport = createDeviceTransport({
      path: '/dev/fake',
      openDevice: async () => answeringDevice({ 1: 0x12, 2: 0x12, 4: 0x1e }),
    });
    expect(await transport.status(300)).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: true,
    });
  });

  it("gives 'no-answer' in time when nothing answers", async () => {
    const transport = createDeviceTransport({ path: await tempFile() });
    const started = performance.now();
    expect(await transport.status(200)).toBe('no-answer');
    expect(performance.now() - started).toBeLessThan(600);
  });

  it('times out a write the device never accepts', async () => {
    vi.useFakeTimers();
    const stuck: DeviceHandle = {
      write: () => new Promise(() => {}),
      read: async () => 0,
      close: async () => {},
    };
    const transport = createDeviceTransport({
      path: '/dev/fake',
      writeTimeoutMs: 100,
      openDevice: async () => stuck,
    });
    const job = transport.print(Uint8Array.of(1)).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(150);
    expect(await job).toMatchObject({ code: 'timeout' });
  });

  it('refuses work after close', async () => {
    const transport = createDeviceTransport({ path: await tempFile() });
    await transport.close();
    await expect(transport.print(Uint8Array.of(1))).rejects.toMatchObject({ code: 'closed' });
  });
});

/**
 * usblp's one-open-at-a-time rule: a second open while a handle is still open fails with
 * EBUSY, and a close takes effect a little later (here: on the next turn of the event loop).
 */
const exclusiveDevice = (answers: Record<number, number>) => {
  let openHandles = 0;
  const jobs: Uint8Array[] = [];
  const openDevice = async (): Promise<DeviceHandle> => {
    if (openHandles > 0) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    openHandles += 1;
    const device = answeringDevice(answers);
    let open = true;
    return {
      write: async (data) => {
        if (data[0] === 0x10 && data[1] === 0x04) await device.write(data);
        else jobs.push(Uint8Array.from(data));
      },
      read: device.read,
      close: () =>
        new Promise((resolve) =>
          setImmediate(() => {
            if (open) openHandles -= 1;
            open = false;
            resolve();
          }),
        ),
    };
  };
  return { openDevice, jobs, openHandles: () => openHandles };
};

describe('device-file transport on a device that allows one open at a time', () => {
  const ready = { 1: 0x12, 2: 0x12, 4: 0x12 };
  const job = Uint8Array.of(0x1b, 0x40, 0x41, 0x0a);

  it('prints right after the status check', async () => {
    const device = exclusiveDevice(ready);
    const transport = createDeviceTransport({ path: '/dev/usb/lp0', openDevice: device.openDevice });
    for (let round = 0; round < 5; round += 1) {
      expect(await transport.status(300)).toMatchObject({ online: true, paperOut: false });
      await transport.print(job);
    }
    expect(device.jobs).toHaveLength(5);
    expect(device.openHandles()).toBe(0);
  });

  it('a print asked for while a status check runs waits for it', async () => {
    const device = exclusiveDevice(ready);
    const transport = createDeviceTransport({ path: '/dev/usb/lp0', openDevice: device.openDevice });
    const [status] = await Promise.all([transport.status(300), transport.print(job), transport.status(300)]);
    expect(status).toMatchObject({ online: true });
    expect(device.jobs).toHaveLength(1);
    expect(device.openHandles()).toBe(0);
  });
});

describe('device-file transport: a job is printed only when the printer confirms it', () => {
  const JOB = Uint8Array.from({ length: 700 }, (_, index) => 0x20 + (index % 90));

  const failure = (promise: Promise<unknown>): Promise<unknown> =>
    promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );

  it('a good job: the bytes, then DLE EOT 1, 2, 4 answered ready, with the device closed after', async () => {
    const device = new FakeDeviceFile();
    const transport = createDeviceTransport({ path: '/dev/usb/lp0', openDevice: device.openDevice });
    await transport.print(JOB);
    expect(device.printed).toEqual([...JOB]);
    expect(device.requests).toEqual([1, 2, 4]);
    expect(device.handlesOpen).toBe(0);
  });

  it('paper that runs out after K bytes fails the job, though the status was fine before it', async () => {
    const device = new FakeDeviceFile();
    const transport = createDeviceTransport({ path: '/dev/usb/lp0', openDevice: device.openDevice });
    expect(await transport.status(300)).toMatchObject({ online: true, paperOut: false });
    device.runOutOfPaperAfter(400);
    const error = await failure(transport.print(JOB));
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect(error).toMatchObject({ code: 'not-confirmed', message: expect.stringMatching(/paper out/) });
    expect(device.printed).toHaveLength(400);
  });

  it('a printer that stops taking the job after K bytes fails it at the write deadline; the next job prints', async () => {
    vi.useFakeTimers();
    const device = new FakeDeviceFile();
    const transport = createDeviceTransport({
      path: '/dev/usb/lp0',
      writeTimeoutMs: 3000,
      openDevice: device.openDevice,
    });
    device.stopReadingAfter(400);
    const job = failure(transport.print(JOB));
    let settled = false;
    void job.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(2900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(await job).toMatchObject({ code: 'timeout' });
    expect(device.printed).toHaveLength(400);
    const next = transport.print(Uint8Array.of(0x41, 0x0a));
    await vi.advanceTimersByTimeAsync(100);
    await next;
    expect(device.printed.slice(400)).toEqual([0x41, 0x0a]);
  });

  it('no answer to the status query after the job fails it once the confirmation deadline passes', async () => {
    vi.useFakeTimers();
    const device = new FakeDeviceFile();
    const transport = createDeviceTransport({
      path: '/dev/usb/lp0',
      confirmTimeoutMs: 2000,
      openDevice: device.openDevice,
    });
    device.goSilentAfter(JOB.length);
    const job = failure(transport.print(JOB));
    let settled = false;
    void job.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(await job).toMatchObject({
      code: 'not-confirmed',
      message: expect.stringMatching(/no status answer/),
    });
    expect(device.printed).toEqual([...JOB]);
    expect(device.handlesOpen).toBe(0);
  });

  it('prints without asking when told the printer cannot answer', async () => {
    const device = new FakeDeviceFile('silent');
    const transport = createDeviceTransport({ path: '/dev/usb/lp0', openDevice: device.openDevice });
    await transport.print(JOB, { confirm: false });
    expect(device.printed).toEqual([...JOB]);
    expect(device.requests).toEqual([]);
  });
});
