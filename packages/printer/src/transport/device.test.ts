/**
 * The device-file transport: a job written to a file arrives whole; status is read from a
 * fake device that answers, and a file that never answers gives 'no-answer' in time.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('device-file transport', () => {
  it('writes the job to the device file', async () => {
    const path = await tempFile();
    const transport = createDeviceTransport({ path });
    const job = Uint8Array.from({ length: 5000 }, (_, index) => index % 256);
    await transport.print(job);
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
    await expect(transport.print(Uint8Array.of(1))).rejects.toMatchObject({ code: 'timeout' });
  });

  it('refuses work after close', async () => {
    const transport = createDeviceTransport({ path: await tempFile() });
    await transport.close();
    await expect(transport.print(Uint8Array.of(1))).rejects.toMatchObject({ code: 'closed' });
  });
});
