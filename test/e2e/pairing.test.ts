/**
 * Pairing in Chromium: a fresh kiosk (no token) shows a pairing code; an administrator
 * approves it in the desk app's devices tab; the kiosk then shows the services. Revoking it
 * there sends the kiosk straight back to the pairing screen, and its old token is refused.
 * Needs the built front ends (`npm run build`, which `npm test` runs first).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { type TestServer, TestClock, startServer } from './support/server';

const PORTRAIT = { width: 1080, height: 1920 };

describe('device pairing in Chromium', () => {
  let screens: Screens;
  let server: TestServer;

  beforeAll(async () => {
    assertBuilt(['kiosk', 'desk']);
    screens = await launchScreens();
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  const codeOn = async (page: Page): Promise<string> => {
    const shown = await page.getByTestId('pairing-code').textContent();
    return (shown ?? '').replace(/\s/g, '');
  };

  it('pairs a fresh kiosk through the devices tab, and revoking sends it back to pairing', async () => {
    const kiosk = await screens.open(`${server.url}/kiosk/`, PORTRAIT);
    await kiosk.getByTestId('pairing-code').waitFor();
    const code = await codeOn(kiosk);
    expect(code).toMatch(/^\d{6}$/);
    // Nothing of the kiosk is usable meanwhile.
    expect(await kiosk.locator('[data-category]').count()).toBe(0);
    await kiosk.screenshot({ path: screenshotPath('pairing-kiosk-code.png') });

    const admin = await DeskPage.login(screens, server.url, 'admin', 'admin');
    await admin.page.locator('[data-tab="devices"]').click();
    const request = admin.page.locator(`tr[data-code="${code}"]`);
    await request.waitFor();
    await request.getByLabel('Назва').fill('Кіоск у холі');
    await admin.page.screenshot({ path: screenshotPath('pairing-devices-tab.png') });
    await request.locator('[data-action="approve"]').click();

    await kiosk.locator('[data-category="billing"]').waitFor();
    expect(await kiosk.getByTestId('pairing-screen').count()).toBe(0);
    const token = await kiosk.evaluate(() => window.localStorage.getItem('queue.kiosk.device'));
    expect(token).toEqual(expect.any(String));

    const paired = admin.page.locator('tr[data-device]', { hasText: 'Кіоск у холі' });
    await expect.poll(() => paired.locator('[data-online="true"]').count(), { timeout: 10_000 }).toBe(1);
    await paired.locator('[data-action="revoke"]').click();
    await paired.locator('[data-action="confirm-revoke"]').click();

    await kiosk.getByTestId('pairing-code').waitFor();
    expect(await kiosk.getByRole('alert').filter({ hasText: 'відкликано' }).count()).toBe(1);
    expect(await codeOn(kiosk)).not.toBe(code);
    expect(await kiosk.locator('[data-category]').count()).toBe(0);
    await expect.poll(() => paired.getAttribute('data-revoked')).toBe('true');
    await expect(server.connect(token ?? '')).rejects.toThrow('UNAUTHENTICATED');
    expect(screens.pageErrors).toEqual([]);
  });
});
