/**
 * Ticket printing against a fake network printer on a loopback port: the printer is asked
 * before issuing; paper out, an open cover or silence refuse with PRINTER_UNAVAILABLE and
 * issue nothing, with a device alert to staff; paper near its end prints and alerts; a job
 * cut off mid-way, or one the printer ran out of paper during or stopped reading, is reported
 * (the kiosk shows the ticket on screen, staff get an alert) and reception reprints it; a
 * retried request prints once.
 */
import { decodeEscPos, readableLines } from '@queue/printer/testing';
import type { DeviceAlertChange, IssuedTicket } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okData, rid, waitFor } from './harness';
import { type PrintingRig, startPrintingRig } from './printing-support';

let rig: PrintingRig;
beforeEach(async () => {
  rig = await startPrintingRig();
});
afterEach(async () => {
  await rig.close();
});

describe('printing at the kiosk', () => {
  it('asks the printer, then prints the ticket with its number, service and status link', async () => {
    const issued = await okData(rig.issue());
    expect(issued.print).toEqual({ ok: true });
    expect(rig.jobs()).toHaveLength(1);
    const job = rig.jobs()[0] ?? new Uint8Array();
    const lines = readableLines(job);
    expect(lines).toContain(issued.ticket.number);
    expect(lines).toContain('Звірка нарахувань');
    expect(decodeEscPos(job).qrCodes[0]).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/t/${issued.ticket.id}$`),
    );
    // The status check came first, on its own connection.
    expect([...(rig.printer.connections()[0] ?? [])]).toEqual([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4]);
    expect(rig.activeAlerts()).toEqual([]);
  });

  it('prints in the visitor’s language', async () => {
    const issued = await okData(rig.issue({ language: 'en' }));
    const lines = readableLines(rig.jobs()[0] ?? new Uint8Array());
    expect(lines).toContain('Reconciliation of charges');
    expect(lines).toContain(issued.ticket.number);
  });

  it('with no desk open for the service, the ticket says so rather than a call soon', async () => {
    const issued = await okData(rig.issue({ language: 'en' }));
    expect(issued.estimate.capacity).toBe(0);
    const lines = readableLines(rig.jobs()[0] ?? new Uint8Array());
    expect(lines).toContain('No desk for this service is open right now');
    expect(lines.join('\n')).not.toContain('shortly');
  });

  it('paper out: issues nothing, alerts staff, and issues an on-screen ticket when asked', async () => {
    rig.printer.setState('paper-out');
    const requestId = rid('paper-out');
    const refused = await rig.issue({}, requestId);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_UNAVAILABLE', printer: { paperOut: true } },
    });
    expect(rig.ticketCount()).toBe(0);
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:paper-out'), 2_000, 'paper-out alert');
    expect(rig.alerts[0]?.alert).toMatchObject({ deviceId: 'kiosk-1', kind: 'paper-out' });

    const onScreen = await okData(rig.issue({ delivery: 'screen' }, requestId));
    expect(onScreen.print).toBeUndefined();
    expect(rig.ticketCount()).toBe(1);
    expect(rig.jobs()).toHaveLength(0);

    const snapshot = await okData(rig.staff.emitWithAck('sync:snapshot', {}));
    expect(snapshot.alerts?.map((alert) => alert.kind)).toEqual(['paper-out']);
    const kioskSnapshot = await okData(rig.kiosk.emitWithAck('sync:snapshot', {}));
    expect(kioskSnapshot.alerts).toBeUndefined();
  });

  it('an open cover refuses the same way', async () => {
    rig.printer.setState('cover-open');
    expect(await rig.issue()).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_UNAVAILABLE', printer: { coverOpen: true } },
    });
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:cover-open'), 2_000, 'cover-open alert');
    expect(rig.ticketCount()).toBe(0);
  });

  it('paper near end: prints and alerts; a ready printer clears the alert', async () => {
    rig.printer.setState('paper-near-end');
    const issued = await okData(rig.issue());
    expect(issued.print).toEqual({ ok: true });
    expect(readableLines(rig.jobs()[0] ?? new Uint8Array())).toContain(issued.ticket.number);
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:paper-near-end'), 2_000, 'near-end alert');

    rig.printer.setState('ready');
    await okData(rig.issue());
    await waitFor(() => rig.activeAlerts().length === 0, 2_000, 'alert cleared');
    expect(rig.alerts.at(-1)).toMatchObject({ active: false, alert: { kind: 'paper-near-end' } });
  });

  it('a silent printer is offline once its status timeout is up: nothing issued, alert raised', async () => {
    rig.printer.setState('silent');
    const refused = await rig.issue();
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PRINTER_UNAVAILABLE', printer: 'no-answer' },
    });
    expect(rig.ticketCount()).toBe(0);
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:printer-offline'), 2_000, 'offline alert');
  });

  it('a job cut off mid-way is reported; reception reprints it once the printer is back', async () => {
    rig.dropNextPrintAfter(120);
    const issued = await okData(rig.issue());
    expect(issued.print?.ok).toBe(false);
    expect(issued.print?.error).toBeTruthy();
    expect(rig.ticketCount()).toBe(1);
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:print-failed'), 2_000, 'print-failed alert');
    const failed = rig.alerts.find((change) => change.alert.kind === 'print-failed')?.alert;
    expect(failed).toMatchObject({ ticketId: issued.ticket.id, ticketNumber: issued.ticket.number });

    const { token } = await rig.clients.login('reception', '0000');
    const reception = await rig.clients.connect(token);
    const before = rig.jobs().length;
    const requestId = rid('reprint');
    const reprinted = await okData(
      reception.emitWithAck('ticket:reprint', { requestId, ticketId: issued.ticket.id }),
    );
    expect(reprinted).toEqual({
      ticketId: issued.ticket.id,
      number: issued.ticket.number,
      kioskId: 'kiosk-1',
    });
    expect(rig.jobs()).toHaveLength(before + 1);
    expect(readableLines(rig.jobs().at(-1) ?? new Uint8Array())).toContain(issued.ticket.number);
    await waitFor(() => !rig.activeAlerts().includes('kiosk-1:print-failed'), 2_000, 'print-failed cleared');

    // The same reprint request again prints nothing more.
    await okData(reception.emitWithAck('ticket:reprint', { requestId, ticketId: issued.ticket.id }));
    expect(rig.jobs()).toHaveLength(before + 1);
    // Kiosks do not reprint.
    expect(
      await rig.kiosk.emitWithAck('ticket:reprint', { requestId: rid(), ticketId: issued.ticket.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  for (const fault of ['paper-out', 'stop-reading'] as const) {
    it(`a job the printer did not finish (${fault} after 400 bytes) is a failed print, with an alert and a reprint`, async () => {
      rig.failNextPrintAfter(400, fault);
      const issued = await okData(rig.issue());
      // The status check before the job said ready; the job still failed.
      expect(rig.printer.connections()[0]).toHaveLength(9);
      expect(issued.print?.ok).toBe(false);
      expect(issued.print?.error).toMatch(fault === 'paper-out' ? /paper out/ : /did not confirm/);
      expect(rig.jobs()[0]).toHaveLength(400);
      expect(rig.ticketCount()).toBe(1);
      await waitFor(() => rig.activeAlerts().includes('kiosk-1:print-failed'), 2_000, 'print-failed alert');
      const failed = rig.alerts.find((change) => change.alert.kind === 'print-failed')?.alert;
      expect(failed).toMatchObject({ ticketId: issued.ticket.id, ticketNumber: issued.ticket.number });
      expect(failed?.message).toContain(issued.ticket.number);

      rig.printer.setState('ready');
      const { token } = await rig.clients.login('reception', '0000');
      const reception = await rig.clients.connect(token);
      await okData(
        reception.emitWithAck('ticket:reprint', { requestId: rid('reprint'), ticketId: issued.ticket.id }),
      );
      expect(readableLines(rig.jobs().at(-1) ?? new Uint8Array())).toContain(issued.ticket.number);
      await waitFor(
        () => !rig.activeAlerts().includes('kiosk-1:print-failed'),
        2_000,
        'print-failed cleared',
      );
    });
  }

  it('reprints a ticket in the language it was issued in', async () => {
    const issued = await okData(rig.issue({ language: 'en' }));
    const { token } = await rig.clients.login('reception', '0000');
    const reception = await rig.clients.connect(token);
    // As the desk sends it: no language.
    await okData(
      reception.emitWithAck('ticket:reprint', { requestId: rid('reprint'), ticketId: issued.ticket.id }),
    );
    expect(rig.jobs()).toHaveLength(2);
    const lines = readableLines(rig.jobs().at(-1) ?? new Uint8Array());
    expect(lines).toContain('Reconciliation of charges');
    expect(lines).toContain('Your ticket');
    expect(lines).not.toContain('Звірка нарахувань');
  });

  it('reception, whom the kiosk sends the visitor to, gets the print-failed alert with its ticket', async () => {
    const { token } = await rig.clients.login('reception', '0000');
    const reception = await rig.clients.connect(token);
    const seen: DeviceAlertChange[] = [];
    reception.on('device:alert', (change) => seen.push(change));
    rig.dropNextPrintAfter(120);
    const issued = await okData(rig.issue());
    await waitFor(() => seen.some((change) => change.alert.kind === 'print-failed'), 2_000, 'alert');
    expect(seen.find((change) => change.alert.kind === 'print-failed')).toMatchObject({
      active: true,
      alert: { deviceId: 'kiosk-1', ticketId: issued.ticket.id, ticketNumber: issued.ticket.number },
    });
    const snapshot = await okData(reception.emitWithAck('sync:snapshot', {}));
    expect(snapshot.alerts).toMatchObject([{ kind: 'print-failed', ticketId: issued.ticket.id }]);
  });

  it('refuses a reprint while the printer cannot print', async () => {
    const issued = await okData(rig.issue());
    rig.printer.setState('paper-out');
    const { token } = await rig.clients.login('reception', '0000');
    const reception = await rig.clients.connect(token);
    expect(
      await reception.emitWithAck('ticket:reprint', { requestId: rid(), ticketId: issued.ticket.id }),
    ).toMatchObject({ ok: false, error: { code: 'PRINTER_UNAVAILABLE' } });
    expect(rig.jobs()).toHaveLength(1);
  });

  it('a retried request issues and prints once, even while the first is still printing', async () => {
    const requestId = rid('retry');
    const [first, second] = await Promise.all([rig.issue({}, requestId), rig.issue({}, requestId)]);
    const third = await rig.issue({}, requestId);
    const numbers = [first, second, third].map((answer) =>
      answer.ok ? answer.data.ticket.number : answer.error.code,
    );
    expect(new Set(numbers).size).toBe(1);
    expect((third as { data: IssuedTicket }).data.print).toEqual({ ok: true });
    expect(rig.ticketCount()).toBe(1);
    expect(rig.jobs()).toHaveLength(1);
  });

  it('says the centre is closed rather than blaming the printer', async () => {
    rig.printer.setState('paper-out');
    rig.clock.at = Date.parse('2026-11-24T23:00:00+02:00');
    expect(await rig.issue()).toMatchObject({ ok: false, error: { code: 'SITE_CLOSED' } });
  });
});

describe('kiosks that print themselves (Electron)', () => {
  it('turn their printer status and print results into alerts', async () => {
    const issued = await okData(rig.issue({ delivery: 'screen' }));
    await okData(
      rig.kiosk.emitWithAck('kiosk:printer-status', {
        status: { online: false, coverOpen: false, paperOut: true, paperNearEnd: false },
      }),
    );
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:paper-out'), 2_000, 'paper-out alert');
    await okData(rig.kiosk.emitWithAck('kiosk:printer-status', { status: 'no-answer' }));
    await waitFor(
      () => rig.activeAlerts().join() === 'kiosk-1:printer-offline',
      2_000,
      'offline replaces paper-out',
    );

    await okData(
      rig.kiosk.emitWithAck('kiosk:print-result', {
        requestId: rid(),
        ticketId: issued.ticket.id,
        ok: false,
        error: 'LIBUSB_ERROR_NO_DEVICE',
      }),
    );
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:print-failed'), 2_000, 'print-failed alert');
    await okData(
      rig.kiosk.emitWithAck('kiosk:print-result', { requestId: rid(), ticketId: issued.ticket.id, ok: true }),
    );
    await waitFor(() => !rig.activeAlerts().includes('kiosk-1:print-failed'), 2_000, 'print-failed cleared');

    expect(await rig.staff.emitWithAck('kiosk:printer-status', { status: 'no-answer' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('booking check-in', () => {
  it('answers NOT_FOUND for any well-formed code, BAD_REQUEST for a malformed one', async () => {
    expect(
      await rig.kiosk.emitWithAck('booking:check-in', { requestId: rid(), code: 'ab12cd' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const code of ['AB1', 'ABCDEFGHJKLMN', 'AB-12', 'АБ12']) {
      expect(await rig.kiosk.emitWithAck('booking:check-in', { requestId: rid(), code })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    }
  });
});
