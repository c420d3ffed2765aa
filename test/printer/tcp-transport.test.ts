/**
 * The raw TCP transport against a fake network printer on a loopback port: a job arrives
 * byte for byte, every status the printer reports is read right, silence is 'no-answer'
 * within the timeout, and a connection dropped mid-job rejects with a typed error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PrinterTransportError,
  type PrinterTransport,
  createTcpTransport,
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
  transport = createTcpTransport({ host: printer.host, port: printer.port, finishTimeoutMs: 1000 });
});

afterEach(async () => {
  await transport.close();
  await printer.close();
});

describe('TCP transport', () => {
  it('prints: the ticket bytes arrive at the printer unchanged', async () => {
    const job = ticketToEscPos(SAMPLE_TICKET, profile, SAMPLE_TEMPLATE);
    await transport.print(job);
    await printer.closedConnections(1);
    expect(printer.connections()).toHaveLength(1);
    expect(Buffer.from(printer.received()).equals(Buffer.from(job))).toBe(true);
    expect(readableLines(printer.received())).toContain('Реєстрація місця проживання');
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
    expect(elapsed).toBeLessThan(800);
  });

  it("gives 'no-answer' when nothing listens at the address", async () => {
    await printer.close();
    const started = performance.now();
    expect(await transport.status(400)).toBe('no-answer');
    expect(performance.now() - started).toBeLessThan(800);
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
