/**
 * The raw TCP transport against a fake network printer on a loopback port: a job arrives
 * byte for byte and the printer then confirms it is still ready, every status the printer
 * reports is read right, silence is 'no-answer' within the timeout, and a job the printer did
 * not finish (reset, paper out, stopped reading) rejects with a typed error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PrinterTransportError,
  type PrinterTransport,
  createTcpTransport,
  lastByteDeadlineMs,
  parsePrinterProfile,
  ticketToEscPos,
} from '@queue/printer';
import { SAMPLE_TEMPLATE, SAMPLE_TICKET, readableLines } from '@queue/printer/testing';
import { readFileSync } from 'node:fs';
import { type FakePrinter, startFakePrinter } from '../support/fake-printer';

const profile = parsePrinterProfile(
  JSON.parse(readFileSync(new URL('../../hardware/printers/epson-80.json', import.meta.url), 'utf8')),
);

let printer: FakePrinter;
let transport: PrinterTransport;

beforeEach(async () => {
  printer = await startFakePrinter();
  transport = createTcpTransport({ host: printer.host, port: printer.port, confirmTimeoutMs: 1000 });
});

afterEach(async () => {
  await transport.close();
  await printer.close();
});

const STATUS_QUERY = [0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4];

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );

describe('TCP transport', () => {
  it('prints: the ticket bytes arrive unchanged, then the printer is asked whether it is still ready', async () => {
    const job = ticketToEscPos(SAMPLE_TICKET, profile, SAMPLE_TEMPLATE);
    await transport.print(job);
    await printer.closedConnections(1);
    expect(printer.connections()).toHaveLength(1);
    const received = printer.received();
    expect(Buffer.from(received.subarray(0, job.length)).equals(Buffer.from(job))).toBe(true);
    expect([...received.subarray(job.length)]).toEqual(STATUS_QUERY);
    expect(readableLines(received)).toContain('Реєстрація місця проживання');
  });

  it('a job the paper ran out during is a failed print, though the status was fine before it', async () => {
    const job = ticketToEscPos(SAMPLE_TICKET, profile, SAMPLE_TEMPLATE);
    expect(job.length).toBeGreaterThan(400);
    expect(await transport.status(500)).toMatchObject({ online: true, paperOut: false });
    printer.runOutOfPaperAfter(400);
    const error = await failure(transport.print(job));
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect(error).toMatchObject({ code: 'not-confirmed' });
    expect((error as Error).message).toMatch(/paper out/);
    expect(printer.connections()[1]).toHaveLength(400);
  });

  it('a printer that stops reading partway is a failed print once the confirmation deadline passes', async () => {
    await transport.close();
    transport = createTcpTransport({
      host: printer.host,
      port: printer.port,
      writeTimeoutMs: 100,
      confirmTimeoutMs: 150,
    });
    const job = ticketToEscPos(SAMPLE_TICKET, profile, SAMPLE_TEMPLATE);
    printer.stopReadingAfter(400);
    const error = await failure(transport.print(job));
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect(error).toMatchObject({ code: 'not-confirmed' });
    expect(printer.received()).toHaveLength(400);
  });

  it('a job too big for the socket buffers fails at its last-byte deadline when the printer stops reading', async () => {
    await transport.close();
    transport = createTcpTransport({
      host: printer.host,
      port: printer.port,
      writeTimeoutMs: 200,
      minBytesPerSecond: 1_000_000_000,
      confirmTimeoutMs: 60_000,
    });
    printer.stopReadingAfter(4096);
    const job = new Uint8Array(32 * 1024 * 1024).fill(0x41);
    const error = await failure(transport.print(job));
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(printer.received()).toHaveLength(4096);
  });

  it('prints without asking when told the printer cannot answer', async () => {
    printer.setState('silent');
    await transport.print(Uint8Array.of(0x1b, 0x40, 0x41), { confirm: false });
    await printer.closedConnections(1);
    expect([...printer.received()]).toEqual([0x1b, 0x40, 0x41]);
  });

  it('gives a job more time for its last byte the bigger it is', () => {
    const options = { writeTimeoutMs: 3000, minBytesPerSecond: 4096 };
    expect(lastByteDeadlineMs(0, options)).toBe(3000);
    expect(lastByteDeadlineMs(4096 * 10, options)).toBe(13_000);
  });

  it('asks DLE EOT 1, 2, 4 and reads a ready printer', async () => {
    expect(await transport.status(500)).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
    });
    expect([...printer.received()]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
  });

  it('reports paper out', async () => {
    printer.setState('paper-out');
    expect(await transport.status(500)).toMatchObject({ online: false, paperOut: true, coverOpen: false });
  });

  it('reports paper near end while still online', async () => {
    printer.setState('paper-near-end');
    expect(await transport.status(500)).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: true,
    });
  });

  it('reports an open cover', async () => {
    printer.setState('cover-open');
    expect(await transport.status(500)).toMatchObject({ online: false, coverOpen: true, paperOut: false });
  });

  it("gives 'no-answer' within the timeout when the printer is silent", async () => {
    printer.setState('silent');
    const started = performance.now();
    expect(await transport.status(300)).toBe('no-answer');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    // Bounded, not hanging; the upper bound is loose so a loaded machine cannot fail it.
    expect(elapsed).toBeLessThan(5_000);
  });

  it("gives 'no-answer' when nothing listens at the address", async () => {
    await printer.close();
    const started = performance.now();
    expect(await transport.status(400)).toBe('no-answer');
    expect(performance.now() - started).toBeLessThan(5_000);
    printer = await startFakePrinter();
  });

  it('rejects with a typed error when the printer drops the connection mid-job', async () => {
    const job = new Uint8Array(256 * 1024).fill(0x41);
    printer.dropNextJobAfter(4096);
    const error = await transport.print(job).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect((error as PrinterTransportError).code).toBe('connection-lost');
    expect(printer.received().length).toBeLessThan(job.length);
  });

  it('rejects with a typed error when a small job is cut off', async () => {
    const job = ticketToEscPos(SAMPLE_TICKET, profile, SAMPLE_TEMPLATE);
    printer.dropNextJobAfter(100);
    await expect(transport.print(job)).rejects.toMatchObject({
      name: 'PrinterTransportError',
      code: 'connection-lost',
    });
  });

  it('rejects print with connect-failed when nothing listens', async () => {
    await printer.close();
    await expect(transport.print(Uint8Array.of(0x1b, 0x40))).rejects.toMatchObject({
      code: 'connect-failed',
    });
    printer = await startFakePrinter();
  });

  it('refuses work after close', async () => {
    await transport.close();
    await expect(transport.print(Uint8Array.of(0x1b, 0x40))).rejects.toMatchObject({ code: 'closed' });
    expect(await transport.status(200)).toBe('no-answer');
  });
});
