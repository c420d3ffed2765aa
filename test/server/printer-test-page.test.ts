/**
 * `printer:test-page` against a fake network printer: an administrator's request prints the
 * code-page test under the kiosk's profile (an Xprinter-type clone here, ESC t 73), and the
 * bytes read back as every Ukrainian and Russian letter; supervisors are refused; a kiosk
 * printing through its own app, a kiosk without a printer, and a printer out of paper each
 * get a clear refusal, and nothing is printed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CENTRE } from '@queue/core';
import { RUSSIAN_UPPER, UKRAINIAN_LOWER, UKRAINIAN_UPPER, createTcpTransport } from '@queue/printer';
import { decodeEscPos, readableLines } from '@queue/printer/testing';
import type { AuditRecord } from '@queue/protocol';
import { type Application, createApplication, silentLogger } from '@queue/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakePrinter, startFakePrinter } from '../support/fake-printer';
import { ManualTimers } from '../support/manual-timers';
import { type Clients, type RecordingSocket, TestClock, clientsFor, okData, rid, tempDir } from './harness';

let printer: FakePrinter;
let app: Application;
let clients: Clients;
let admin: RecordingSocket;
let dir: string;

/** Connections that carried a job (status checks carry only DLE EOT). */
const jobs = (): Uint8Array[] =>
  printer.connections().filter((bytes) => bytes[0] === 0x1b && bytes[1] === 0x40);

beforeEach(async () => {
  printer = await startFakePrinter();
  dir = tempDir('printer-test-page');
  app = await createApplication({
    databaseFile: join(dir, 'queue.sqlite'),
    seedDemo: true,
    clock: new TestClock(),
    timers: new ManualTimers(),
    logger: silentLogger,
    centre: {
      ...DEMO_CENTRE,
      kiosks: [
        {
          deviceId: 'kiosk-1',
          name: 'Кіоск біля входу',
          printer: { transport: 'tcp', host: printer.host, port: printer.port, profileId: 'xprinter-80' },
        },
        { deviceId: 'kiosk-2', name: 'Кіоск на USB', printer: { transport: 'usb', profileId: 'epson-80' } },
        { deviceId: 'kiosk-3', name: 'Кіоск без принтера' },
      ],
    },
    printerTransport: (settings) =>
      settings.transport === 'tcp'
        ? createTcpTransport({
            host: settings.host,
            port: settings.port,
            writeTimeoutMs: 200,
            confirmTimeoutMs: 300,
          })
        : undefined,
  });
  const port = await app.listen(0);
  clients = clientsFor(() => `http://127.0.0.1:${port}`);
  admin = await clients.connect((await clients.login('admin', 'admin')).token);
});

afterEach(async () => {
  clients.closeSockets();
  await app.close();
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printer:test-page', () => {
  it('prints every Cyrillic letter under the profile code page, and audits it', async () => {
    const answer = await admin.emitWithAck('printer:test-page', {
      requestId: rid('test-page'),
      kioskId: 'kiosk-1',
    });
    expect(answer).toEqual({ ok: true, data: null });
    expect(jobs()).toHaveLength(1);
    const job = jobs()[0] ?? new Uint8Array();
    const decoded = decodeEscPos(job);
    expect(decoded.codePages).toEqual([73]);
    expect(decoded.cuts).toBe(1);
    const letters = readableLines(job).join('').replaceAll(' ', '');
    for (const alphabet of [UKRAINIAN_UPPER, UKRAINIAN_LOWER, RUSSIAN_UPPER])
      expect(letters).toContain(alphabet);
    expect(readableLines(job)).toEqual(expect.arrayContaining(['profile: xprinter-80', "’ ' ' № « » – —"]));

    const audit = await okData<readonly AuditRecord[]>(
      admin.emitWithAck('audit:list', { action: 'printer:test-page' }),
    );
    expect(audit[0]).toMatchObject({
      action: 'printer:test-page',
      target: 'kiosk:kiosk-1',
      actor: expect.stringMatching(/^staff:/),
    });
  });

  it('prints once for a repeated request', async () => {
    const requestId = rid('again');
    await okData(admin.emitWithAck('printer:test-page', { requestId, kioskId: 'kiosk-1' }));
    await okData(admin.emitWithAck('printer:test-page', { requestId, kioskId: 'kiosk-1' }));
    expect(jobs()).toHaveLength(1);
  });

  it('refuses a supervisor, and prints nothing', async () => {
    const supervisor = await clients.connect((await clients.login('supervisor', '2222')).token);
    const answer = await supervisor.emitWithAck('printer:test-page', {
      requestId: rid('sv'),
      kioskId: 'kiosk-1',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(printer.connections()).toHaveLength(0);
  });

  it('refuses plainly for a kiosk printing through its own app, no printer, or no kiosk', async () => {
    const ask = (kioskId: string) =>
      admin.emitWithAck('printer:test-page', { requestId: rid(kioskId), kioskId });
    expect(await ask('kiosk-2')).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_UNAVAILABLE', message: expect.stringMatching(/its own app/) },
    });
    expect(await ask('kiosk-3')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ask('kiosk-9')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(printer.connections()).toHaveLength(0);
  });

  it('says what the printer said when it cannot print', async () => {
    printer.setState('paper-out');
    const answer = await admin.emitWithAck('printer:test-page', {
      requestId: rid('paper'),
      kioskId: 'kiosk-1',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_UNAVAILABLE', printer: { paperOut: true } },
    });
    expect(jobs()).toHaveLength(0);
  });
});
