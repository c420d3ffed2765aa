/**
 * The kiosk renderer with its own printer (a USB printer behind the Electron shell), in
 * Chromium with `window.queueShell` stood in by a script: the renderer asks the shell before
 * issuing, offers an on-screen ticket when the printer cannot print, prints through the
 * shell after issuing, and reports what happened so supervisors get the alerts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, okData } from '../server/harness';
import {
  KIOSK_TOKEN,
  type KioskRig,
  assertKioskBuilt,
  launchChromium,
  leaveTicket,
  serviceTile,
  startKioskRig,
} from './kiosk-support';
import { ticketCount } from '@queue/core';

/** Stands in for the preload's bridge; the test scripts the printer through `__printer`. */
const FAKE_SHELL = `
  window.__printer = { status: 'ready', fail: undefined, printed: [] };
  const report = (paper) => ({ online: paper !== 'offline', coverOpen: false, paperOut: paper === 'out', paperNearEnd: false });
  window.queueShell = {
    info: async () => ({ kind: 'kiosk', version: 'test' }),
    exitKiosk: async () => false,
    reload: async () => {},
    printerStatus: async () => (window.__printer.status === 'ready' ? report('ok') : report('out')),
    printTicket: async (view) => {
      window.__printer.printed.push(view);
      return window.__printer.fail ? { ok: false, error: window.__printer.fail } : { ok: true };
    },
  };
`;

describe('kiosk printing through the Electron shell', () => {
  let rig: KioskRig;
  let browser: Browser;
  let context: BrowserContext;
  let kiosk: Page;
  const pageErrors: string[] = [];

  const printerState = (patch: Record<string, unknown>) =>
    kiosk.evaluate(
      (next) => Object.assign((globalThis as unknown as { __printer: object }).__printer, next),
      patch,
    );
  const printed = () =>
    kiosk.evaluate(
      () => (globalThis as unknown as { __printer: { printed: { number: string }[] } }).__printer.printed,
    );
  const alertKinds = async (): Promise<string[]> => {
    const clients = clientsFor(() => rig.base);
    const { token } = await clients.login('supervisor', '2222');
    const staff = await clients.connect(token);
    const snapshot = await okData(staff.emitWithAck('sync:snapshot', {}));
    clients.closeSockets();
    return (snapshot.alerts ?? []).map((alert) => alert.kind);
  };

  beforeAll(async () => {
    assertKioskBuilt();
    rig = await startKioskRig();
    const centre = rig.app.queue.centre;
    rig.app.queue.reconfigure({
      ...centre,
      kiosks: [{ deviceId: 'kiosk-1', name: 'Кіоск', printer: { transport: 'usb', profileId: 'epson-80' } }],
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await context.addInitScript({ content: FAKE_SHELL });
    kiosk = await context.newPage();
    kiosk.setDefaultTimeout(10_000);
    kiosk.on('pageerror', (error) => pageErrors.push(error.message));
    await kiosk.goto(`${rig.base}/kiosk/?device=${KIOSK_TOKEN}`);
    await kiosk.locator('[data-category="billing"]').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await rig?.close();
  });

  it('prints the issued ticket through the shell, not the server', async () => {
    await (await serviceTile(kiosk)).click();
    await kiosk.getByText('Заберіть талон із принтера').waitFor();
    const number = await kiosk.getByTestId('ticket-number').textContent();
    expect((await printed()).map((view) => view.number)).toEqual([number]);
    expect(rig.jobs()).toHaveLength(0);
    await leaveTicket(kiosk);
  });

  it('offers an on-screen ticket when the shell says paper out, and alerts staff', async () => {
    await printerState({ status: 'out' });
    const before = ticketCount(rig.app.queue.state);
    await (await serviceTile(kiosk)).click();
    await kiosk.getByText('Принтер не працює').waitFor();
    expect(ticketCount(rig.app.queue.state)).toBe(before);
    await expect.poll(alertKinds).toContain('paper-out');
    await kiosk.getByRole('button', { name: 'Так, показати на екрані' }).click();
    await kiosk.locator('svg[data-qr]').waitFor();
    expect(ticketCount(rig.app.queue.state)).toBe(before + 1);
    expect(await printed()).toHaveLength(1);
    await leaveTicket(kiosk);
  });

  it('shows the ticket on screen when printing fails, and reports it', async () => {
    await printerState({ status: 'ready', fail: 'LIBUSB_ERROR_NO_DEVICE' });
    await (await serviceTile(kiosk)).click();
    await kiosk.locator('[data-delivery="print-failed"]').waitFor();
    await kiosk.locator('svg[data-qr]').waitFor();
    await expect.poll(alertKinds).toEqual(['print-failed']);
    expect(pageErrors).toEqual([]);
  });
});
