/**
 * Pairing in Chromium: a fresh kiosk (no token) shows a pairing code; an administrator
 * approves it in the desk app's devices tab; the kiosk then shows the services. Revoking it
 * there sends the kiosk straight back to the pairing screen, and its old token is refused.
 * A desk browser away from the server's machine pairs before its login form, and a terminal
 * bound to a desk places every login on it at that desk.
 * Needs the built front ends (`npm run build`, which `npm test` runs first).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { axeViolations } from './kiosk-support';
import { type TestServer, TestClock, okData, startServer } from './support/server';

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
    expect(await axeViolations(kiosk)).toEqual([]);

    const admin = await DeskPage.login(screens, server.url, 'admin', 'admin');
    await admin.page.locator('[data-tab="devices"]').click();
    const request = admin.page.locator(`tr[data-code="${code}"]`);
    await request.waitFor();
    await request.getByLabel('Назва').fill('Кіоск у холі');
    await admin.page.screenshot({ path: screenshotPath('pairing-devices-tab.png') });
    await request.locator('[data-action="approve"]').click();

    await kiosk.locator('[data-category="billing"]').waitFor();
    expect(await kiosk.getByTestId('pairing-screen').count()).toBe(0);
    const token = (await kiosk.evaluate('localStorage.getItem("queue.kiosk.device")')) as string | null;
    expect(token).toEqual(expect.any(String));

    const paired = admin.page.locator('tr[data-device]', { hasText: 'Кіоск у холі' });
    await expect.poll(() => paired.locator('[data-online="true"]').count(), { timeout: 10_000 }).toBe(1);

    // Renamed where it stands, in the tab and on the server.
    const deviceId = (await paired.getAttribute('data-device')) ?? '';
    const row = admin.page.locator(`tr[data-device="${deviceId}"]`);
    await row.locator('[data-action="rename"]').click();
    await row.getByLabel('Нова назва').fill('Кіоск біля входу');
    await row.locator('[data-action="save-name"]').click();
    await expect.poll(() => row.locator('td').first().textContent()).toBe('Кіоск біля входу');
    const adminSocket = await server.connect((await server.login('admin', 'admin')).token);
    const listed = await okData(adminSocket.emitWithAck('device:list', {}));
    expect(listed.find((device) => device.id === deviceId)?.name).toBe('Кіоск біля входу');

    await row.locator('[data-action="revoke"]').click();
    await row.locator('[data-action="confirm-revoke"]').click();

    await kiosk.getByTestId('pairing-code').waitFor();
    expect(await kiosk.getByRole('alert').filter({ hasText: 'відкликано' }).count()).toBe(1);
    expect(await codeOn(kiosk)).not.toBe(code);
    expect(await kiosk.locator('[data-category]').count()).toBe(0);
    await expect.poll(() => row.getAttribute('data-revoked')).toBe('true');
    await expect(server.connect(token ?? '')).rejects.toThrow('UNAUTHENTICATED');
    expect(screens.pageErrors).toEqual([]);
  });
});

describe('desk terminal pairing in Chromium', () => {
  let screens: Screens;
  let server: TestServer;
  let trusted = true;

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
    // Only the test's own administrator login counts as the server's machine.
    server = await startServer({ clock: new TestClock(), pairing: { unpairedLoginsFrom: () => trusted } });
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('shows the pairing screen before the login, then binds the login to the terminal’s desk', async () => {
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    trusted = false;
    const desk = await screens.open(`${server.url}/desk/`);
    await desk.getByTestId('pairing-code').waitFor();
    expect(await desk.getByLabel('Логін').count()).toBe(0);
    const code = ((await desk.getByTestId('pairing-code').textContent()) ?? '').replace(/\s/g, '');
    await okData(
      admin.emitWithAck('device:approve', { code, role: 'desk', name: 'Вікно 4', deskId: 'desk-4' }),
    );

    await desk.getByLabel('Логін').fill('operator1');
    await desk.getByLabel('Пароль або PIN').fill('1111');
    await desk.getByRole('button', { name: 'Увійти' }).click();
    await desk.locator('.desk__tab').first().waitFor();
    const devices = await okData(admin.emitWithAck('device:list', {}));
    expect(devices.find((device) => device.name === 'Вікно 4')).toMatchObject({
      deskId: 'desk-4',
      lastSeenAt: expect.any(Number),
    });
    const logins = await okData(admin.emitWithAck('audit:list', { action: 'login', limit: 5 }));
    expect(logins[0]).toMatchObject({ actor: 'staff:operator1', target: 'desk:desk-4' });
    expect(screens.pageErrors).toEqual([]);
  });
});
