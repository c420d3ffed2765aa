/**
 * The city hub's pages in Chromium, served by a real hub on a throwaway PostgreSQL and fed by
 * a real centre server: the live view signs in with the city token (a wrong one is refused),
 * shows the centre, and shows a call made at the centre within seconds, pushed; the public
 * page lists the centre and its waits for residents; both fit the screens they are used on
 * (nothing clipped) and axe finds no serious violations.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, enrolCentre, startHub, type TestHub } from '../hub/support';
import { KIOSK_TOKEN, type ClientSocket, type TestServer, okData, rid, startServer } from '../server/harness';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { type Screens, launchScreens } from './support/browser';
import { UI_TIMEOUT, assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { axeViolations } from './kiosk-support';

let postgres: TestPostgres;
let hub: TestHub;
let centre: TestServer;
let kiosk: ClientSocket;
let desk: ClientSocket;
let screens: Screens;

const fitsAndAccessible = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: screenshotPath(`${name}.png`), fullPage: true });
  expect(await unfitControls(page), name).toEqual([]);
  expect(await axeViolations(page), name).toEqual([]);
};

beforeAll(async () => {
  assertBuilt(['city']);
  postgres = await startPostgres();
  hub = await startHub(postgres);
  const { key } = await enrolCentre(hub.url, 'Podil');
  // Real timers: the centre's sender runs as in service, 250 ms after each change.
  centre = await startServer({ hub: { url: hub.url, key } });
  kiosk = await centre.connect(KIOSK_TOKEN);
  desk = await centre.connect((await centre.login('operator1', '1111')).token);
  await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
  await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'doc-copy' }));
  // The centre's profile is at the hub once the public page lists it.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = (await (await fetch(`${hub.url}/api/hub/public/centres`)).json()) as {
      data: { centres: unknown[] };
    };
    if (page.data.centres.length === 1) break;
    if (Date.now() > deadline) throw new Error('the centre did not reach the hub');
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 100));
  }
  screens = await launchScreens();
}, 90_000);

afterAll(async () => {
  await screens?.close();
  await centre?.close();
  await hub?.close();
  await postgres?.destroy();
});

const signIn = async (page: Page): Promise<void> => {
  await page.getByLabel(/токен/i).fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Увійти' }).click();
};

describe('the city live view', () => {
  it('refuses a wrong token, then shows a call made at the centre within seconds', async () => {
    const page = await screens.open(`${hub.url}/city/live`, { width: 1920, height: 1080 });
    await page.getByLabel(/токен/i).fill('not-the-token');
    await page.getByRole('button', { name: 'Увійти' }).click();
    await expect.poll(() => page.getByRole('alert').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await signIn(page);
    await expect
      .poll(async () => (await page.textContent('body')) ?? '', { timeout: UI_TIMEOUT })
      .toMatch(/Центр надання житлово-комунальних послуг/);
    await fitsAndAccessible(page, 'city-live-1920');

    const called = await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    const number = called.ticket?.number ?? '';
    expect(number).not.toBe('');
    const shownAt = Date.now();
    await page.getByText(number).first().waitFor({ timeout: 10_000 });
    expect(Date.now() - shownAt).toBeLessThan(10_000);

    await page.setViewportSize({ width: 1366, height: 768 });
    await fitsAndAccessible(page, 'city-live-1366');
    expect(screens.pageErrors).toEqual([]);
  });
});

describe('the public city page', () => {
  it.each([
    { width: 360, height: 640 },
    { width: 390, height: 844 },
    { width: 1366, height: 768 },
  ])('lists the centre and its waits, and fits $width×$height', async (viewport) => {
    const page = await screens.open(`${hub.url}/city/`, viewport);
    await expect
      .poll(async () => (await page.textContent('body')) ?? '', { timeout: UI_TIMEOUT })
      .toMatch(/Центр надання житлово-комунальних послуг/);
    await fitsAndAccessible(page, `city-public-${viewport.width}`);
  });

  it('speaks the language chosen', async () => {
    const page = await screens.open(`${hub.url}/city/`, { width: 390, height: 844 });
    await expect
      .poll(async () => (await page.textContent('body')) ?? '')
      .toMatch(/Центр надання житлово-комунальних послуг/);
    const ukrainian = (await page.textContent('body')) ?? '';
    await page.getByRole('button', { name: /^EN/ }).click();
    await expect.poll(async () => (await page.textContent('body')) ?? '').not.toBe(ukrainian);
    expect((await page.textContent('body')) ?? '').not.toMatch(/Увійти|Очікування/);
  });
});
