/**
 * The idle printer poll against a fake network printer: each round (fired by hand) asks the
 * printer the server drives for its status and raises or clears the same alerts a print
 * would, with no ticket issued: paper out is on staff screens before a visitor comes, a new
 * roll clears it, and a printer that went away is offline.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okData, waitFor } from './harness';
import { type PrintingRig, startPrintingRig } from './printing-support';

const STATUS_ONLY = [0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4];

let rig: PrintingRig;
beforeEach(async () => {
  rig = await startPrintingRig();
});
afterEach(async () => {
  await rig.close();
});

describe('idle printer poll', () => {
  it('raises paper out without a ticket, and clears it once the paper is back', async () => {
    rig.printer.setState('paper-out');
    expect(rig.printer.connections()).toHaveLength(0);

    rig.timers.fire();
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:paper-out'), 2_000, 'paper-out alert');
    expect(rig.printer.connections().map((bytes) => [...bytes])).toEqual([STATUS_ONLY]);
    expect(rig.ticketCount()).toBe(0);
    expect(rig.jobs()).toHaveLength(0);

    rig.printer.setState('ready');
    rig.timers.fire();
    await waitFor(() => rig.activeAlerts().length === 0, 2_000, 'paper-out cleared');
    expect(rig.alerts.at(-1)).toMatchObject({ active: false, alert: { kind: 'paper-out' } });
    expect(rig.ticketCount()).toBe(0);
  });

  it('raises and clears an open cover and paper near its end', async () => {
    rig.printer.setState('cover-open');
    rig.timers.fire();
    await waitFor(() => rig.activeAlerts().join() === 'kiosk-1:cover-open', 2_000, 'cover-open alert');
    rig.printer.setState('paper-near-end');
    rig.timers.fire();
    await waitFor(
      () => rig.activeAlerts().join() === 'kiosk-1:paper-near-end',
      2_000,
      'near-end replaces cover-open',
    );
  });

  it('a printer that went away is offline before any visitor finds it', async () => {
    rig.timers.fire();
    await waitFor(() => rig.printer.connections().length === 1, 2_000, 'first poll');
    expect(rig.activeAlerts()).toEqual([]);

    await rig.printer.close();
    rig.timers.fire();
    await waitFor(() => rig.activeAlerts().includes('kiosk-1:printer-offline'), 2_000, 'offline alert');
    expect(rig.ticketCount()).toBe(0);
  });

  it('leaves a printer alone while it prints a job', async () => {
    rig.failNextPrintAfter(400, 'stop-reading');
    const issuing = rig.issue();
    await waitFor(() => rig.jobs().length === 1, 2_000, 'job under way');
    rig.timers.fire();
    const issued = await issuing;
    // The issue's own status check and its job: no poll squeezed in between.
    expect(rig.printer.connections()).toHaveLength(2);
    expect(issued.ok && issued.data.print?.ok).toBe(false);
  });

  it('a visitor arriving during a poll shares its status check', async () => {
    rig.timers.fire();
    const issued = await okData(rig.issue());
    expect(issued.print).toEqual({ ok: true });
    // One status check (the poll's, which the issue joined) and the ticket.
    expect(rig.printer.connections().map((bytes) => bytes.length === STATUS_ONLY.length)).toEqual([
      true,
      false,
    ]);
  });

  it('the next round is always waiting, one per fire', () => {
    expect(rig.timers.waiting).toBe(1);
    rig.timers.fire();
    expect(rig.timers.waiting).toBe(1);
  });
});
