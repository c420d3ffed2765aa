/**
 * Leaving kiosk mode on a real kiosk page in Chromium: `window.queueShell` stands in for the
 * Electron preload (the shell's PIN check and back-off are tested in packages/shell). Five
 * quick taps on the title open the PIN pad; a wrong PIN is refused, the right one leaves.
 * In a plain browser (no shell) the taps open nothing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KIOSK_TOKEN,
  type KioskRig,
  assertKioskBuilt,
  axeViolations,
  launchChromium,
  startKioskRig,
} from './kiosk-support';

const FAKE_SHELL = `
  window.__pins = [];
  window.queueShell = {
    info: async () => ({ kind: 'kiosk', version: 'test' }),
    exitKiosk: async (pin) => (window.__pins.push(pin), pin === '2580'),
    reload: async () => {},
    printerStatus: async () => 'none',
    printTicket: async () => ({ ok: false, error: 'no printer' }),
  };
`;

const tapTitle = async (page: Page, times: number): Promise<void> => {
  for (let tap = 0; tap < times; tap += 1) await page.locator('.kiosk__site').click();
};

const typePin = async (page: Page, pin: string): Promise<void> => {
  for (const digit of pin) await page.locator(`[data-digit="${digit}"]`).click();
};

describe('leaving kiosk mode with the administrator PIN', () => {
  let rig: KioskRig;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const openKiosk = async (withShell: boolean): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    contexts.push(context);
    if (withShell) await context.addInitScript({ content: FAKE_SHELL });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${rig.base}/kiosk/?device=${KIOSK_TOKEN}`);
    await page.locator('[data-category="billing"]').waitFor();
    return page;
  };

  beforeAll(async () => {
    assertKioskBuilt();
    rig = await startKioskRig();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await rig?.close();
  });

  it('opens the PIN pad on five taps, refuses a wrong PIN and leaves with the right one', async () => {
    const kiosk = await openKiosk(true);
    await tapTitle(kiosk, 4);
    expect(await kiosk.getByRole('dialog').count()).toBe(0);
    await tapTitle(kiosk, 1);
    const dialog = kiosk.getByRole('dialog', { name: 'Вихід з режиму кіоску' });
    await dialog.waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);

    await typePin(kiosk, '1111');
    expect(await kiosk.locator('.admin-exit__pin').textContent()).toBe('••••');
    await kiosk.locator('[data-action="admin-exit-confirm"]').click();
    await kiosk.locator('[data-outcome="refused"]').waitFor();

    await typePin(kiosk, '2580');
    await kiosk.locator('[data-action="admin-exit-confirm"]').click();
    await kiosk.locator('[data-outcome="left"]').waitFor();
    expect(await kiosk.evaluate(() => (globalThis as unknown as { __pins: string[] }).__pins)).toEqual([
      '1111',
      '2580',
    ]);
    await kiosk.locator('[data-action="admin-exit-cancel"]').click();
    expect(await kiosk.getByRole('dialog').count()).toBe(0);
  });

  it('opens nothing in a plain browser', async () => {
    const kiosk = await openKiosk(false);
    await tapTitle(kiosk, 6);
    expect(await kiosk.getByRole('dialog').count()).toBe(0);
  });
});
