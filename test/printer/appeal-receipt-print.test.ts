/**
 * An appeal receipt printed through the server's PrintService on a fake network printer on a
 * loopback port: the bytes read back as the Ukrainian receipt under the Epson's ESC t 46 with
 * its QR code and one cut, the printer is asked afterwards whether it is still ready, and the
 * job counts as one so the idle status poll keeps off. A printer cut off, out of paper or no
 * longer reading mid-job gives `{ ok: false }`, and leaves a ticket's `print-failed` alert as it
 * was (reception reprints from it); a kiosk the server does not print for, or an unknown
 * profile, is refused.
 */
import { fileURLToPath } from 'node:url';
import { DEMO_CENTRE, type Centre, type Instant } from '@queue/core';
import { type AppealReceiptView, createTcpTransport } from '@queue/printer';
import { decodeEscPos, readableLines } from '@queue/printer/testing';
import type { DeviceAlertChange } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertCenter } from '../../apps/server/src/alerts';
import type { Logger } from '../../apps/server/src/logger';
import { PrintService } from '../../apps/server/src/printing/print-service';
import { type FakePrinter, startFakePrinter } from '../support/fake-printer';

const PROFILES_DIR = fileURLToPath(new URL('../../hardware/printers/', import.meta.url));
const STATUS_QUERY = [0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4];

const RECEIPT: AppealReceiptView = {
  language: 'uk',
  centreName: 'Центр надання адміністративних послуг «Ґанок»',
  number: '2026/17',
  trackingCode: 'K7M2XQ9P',
  trackingUrl: 'https://queue.example.ua/a/K7M2XQ9P',
  receivedAt: '03.12.2026 14:05',
  answerDueDay: '14.12.2026',
  organisation: 'Управління житлово-комунального господарства',
  summary: 'Роз’яснити нарахування за ґаз у під’їзді № 3',
};

let printer: FakePrinter;
let service: PrintService;
let changes: DeviceAlertChange[];
let logged: string[];

/** Connections that carried a job (status checks carry only DLE EOT). */
const jobs = (): Uint8Array[] =>
  printer.connections().filter((bytes) => bytes[0] === 0x1b && bytes[1] === 0x40);

let alerts: AlertCenter;

beforeEach(async () => {
  printer = await startFakePrinter();
  changes = [];
  logged = [];
  const record = (message: string): void => {
    logged.push(message);
  };
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  alerts = new AlertCenter(logger, () => 0 as Instant);
  alerts.onChange((change) => changes.push(change));
  const tcp = { transport: 'tcp', host: printer.host, port: printer.port } as const;
  const centre: Centre = {
    ...DEMO_CENTRE,
    kiosks: [
      { deviceId: 'kiosk-1', name: 'Кіоск біля входу', printer: { ...tcp, profileId: 'epson-80' } },
      { deviceId: 'kiosk-2', name: 'Кіоск на USB', printer: { transport: 'usb', profileId: 'epson-80' } },
      { deviceId: 'kiosk-3', name: 'Кіоск з невідомим принтером', printer: { ...tcp, profileId: 'no-such' } },
    ],
  };
  service = new PrintService({
    centre: () => centre,
    alerts,
    logger,
    profilesDir: PROFILES_DIR,
    transportFor: (settings) =>
      settings.transport === 'tcp'
        ? createTcpTransport({
            host: settings.host,
            port: settings.port,
            writeTimeoutMs: 200,
            confirmTimeoutMs: 300,
          })
        : undefined,
  });
});

afterEach(async () => {
  await service.close();
  await printer.close();
});

const activeAlerts = (): string[] => {
  const active = new Map<string, boolean>();
  for (const { alert, active: on } of changes) active.set(`${alert.deviceId}:${alert.kind}`, on);
  return [...active].filter(([, on]) => on).map(([key]) => key);
};

describe('PrintService.printAppealReceipt', () => {
  it('prints the receipt in Ukrainian under ESC t 46 with its QR code and one cut, then confirms', async () => {
    expect(await service.printAppealReceipt('kiosk-1', RECEIPT)).toEqual({ ok: true });
    await printer.closedConnections(1);
    expect(jobs()).toHaveLength(1);
    const job = jobs()[0] ?? new Uint8Array();
    const decoded = decodeEscPos(job);
    expect(decoded.codePages).toEqual([46]);
    const lines = readableLines(job);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Центр надання адміністративних послуг «Ґанок»',
        'Звернення № 2026/17',
        'Зареєстровано: 03.12.2026 14:05',
        'Відповідь до: 14.12.2026',
        'Управління житлово-комунального господарства',
        'Роз’яснити нарахування за ґаз у під’їзді № 3',
        'Код для відстеження:',
        'K7M2XQ9P',
        'Стежте за зверненням за посиланням або QR-кодом',
      ]),
    );
    expect(decoded.qrCodes).toEqual([RECEIPT.trackingUrl]);
    expect(decoded.cuts).toBe(1);
    // The printer was asked after the job whether it is still ready (the profile answers DLE EOT).
    expect([...job.subarray(-STATUS_QUERY.length)]).toEqual(STATUS_QUERY);
    expect(logged).toContain('appeal receipt printed');
    expect(activeAlerts()).toEqual([]);
  });

  it('counts as a job while it prints, so the idle status poll leaves the printer alone', async () => {
    expect(service.isIdle('kiosk-1')).toBe(true);
    const printing = service.printAppealReceipt('kiosk-1', { ...RECEIPT, language: 'en' });
    expect(service.isIdle('kiosk-1')).toBe(false);
    expect(await printing).toEqual({ ok: true });
    expect(service.isIdle('kiosk-1')).toBe(true);
    expect(readableLines(jobs()[0] ?? new Uint8Array())).toContain(
      'Follow your appeal using the link or the QR code',
    );
  });

  it.each([
    ['cut off', (): void => printer.dropNextJobAfter(100)],
    ['out of paper', (): void => printer.runOutOfPaperAfter(100)],
    ['no longer reading', (): void => printer.stopReadingAfter(100)],
  ])('a printer %s mid-job gives ok: false, and a ticket’s alert stays as it was', async (_fault, fail) => {
    alerts.raise('kiosk-1', 'print-failed', 'ticket A-001 did not print', {
      id: 'ticket-a1',
      number: 'A-001',
    });
    fail();
    const outcome = await service.printAppealReceipt('kiosk-1', RECEIPT);
    expect(outcome).toMatchObject({ ok: false, error: expect.any(String) });
    expect(service.isIdle('kiosk-1')).toBe(true);
    expect(logged).not.toContain('appeal receipt printed');
    expect(alerts.list().map((alert) => alert.ticketId)).toEqual(['ticket-a1']);

    // With the printer ready again (a new roll, say), the next receipt prints; the ticket's alert
    // is still there for reception to reprint from.
    printer.setState('ready');
    expect(await service.printAppealReceipt('kiosk-1', RECEIPT)).toEqual({ ok: true });
    expect(activeAlerts()).toEqual(['kiosk-1:print-failed']);
    expect(alerts.list().map((alert) => alert.ticketId)).toEqual(['ticket-a1']);
  });

  it('refuses a kiosk printing through its own app and an unknown kiosk, printing nothing and alerting no one', async () => {
    for (const kioskId of ['kiosk-2', 'kiosk-9']) {
      expect(await service.printAppealReceipt(kioskId, RECEIPT)).toEqual({
        ok: false,
        error: 'this kiosk has no printer the server drives',
      });
    }
    expect(printer.connections()).toHaveLength(0);
    expect(changes).toEqual([]);
  });

  it('refuses an unknown printer profile', async () => {
    expect(await service.printAppealReceipt('kiosk-3', RECEIPT)).toEqual({
      ok: false,
      error: 'unknown printer profile no-such',
    });
    expect(printer.connections()).toHaveLength(0);
    expect(activeAlerts()).toEqual([]);
    expect(service.isIdle('kiosk-3')).toBe(true);
  });
});
