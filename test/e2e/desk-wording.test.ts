/**
 * What a manager notices at the desk, in Chromium against a real server: the postponed pool
 * counts down in minutes on the server's clock ("ще 5 хв", "3 min left"); a paused desk says
 * plainly that it is on a break; no raw desk id or "closed" flashes before the server has
 * said what the desk is; reception's booking day is the server's date in the centre's time
 * zone, not the browser's; and a reprint is not offered without a printer, while a printer
 * that cannot print is said in words. The operator's workspace (a postponed visitor, the desk
 * on a break) and reception fit 1366x768 with no axe-core violation.
 * Screenshots: .tmp/desk-wording-*.png.
 */
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { KIOSK_TOKEN, WEEKDAY_10AM, assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { kioskOf } from './support/queue';
import { ReceptionPage } from './support/reception-page';
import { type ServerOptions, type TestServer, TestClock, okData, rid, startServer } from './support/server';
import { axeViolations } from './support/axe';

const expectFits = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: screenshotPath(`desk-wording-${name}.png`) });
  expect.soft(await unfitControls(page), name).toEqual([]);
  expect.soft(await axeViolations(page), name).toEqual([]);
};

/** A local port nothing listens on: a printer there never answers. */
const closedPort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
};

/** Every text the page has shown since it loaded, one entry per change (see `RECORD_TEXTS`). */
const RECORD_TEXTS = `(() => {
  window.__texts = [];
  const record = () => document.body && window.__texts.push(document.body.innerText);
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

describe('desk wording in Chromium', () => {
  let screens: Screens;
  let server: TestServer | undefined;

  const serve = async (options: ServerOptions = {}): Promise<TestServer> => {
    server = await startServer({ clock: new TestClock(), tickMs: 100, ...options });
    return server;
  };

  beforeAll(async () => {
    assertBuilt(['desk', 'kiosk']);
    screens = await launchScreens();
  });

  afterEach(async () => {
    await screens.closePages();
    await server?.close();
    server = undefined;
  });

  afterAll(async () => {
    await screens?.close();
  });

  it('counts a postponed visitor down in minutes on the server’s clock, and says plainly the desk is on a break', async () => {
    const app = await serve();
    const kiosk = await kioskOf(app);
    const issued = await kiosk.issue('bill-reconcile');
    const desk = await DeskPage.login(screens, app.url, 'operator1', '1111');
    await desk.openDesk();
    await desk.run('callNext');
    await desk.expectCurrent(issued.number);
    await desk.press('F9', 'postpone');
    await desk.dialog('postpone-dialog').getByLabel('5 хв', { exact: true }).check();
    await desk.page.keyboard.press('Enter');
    await desk.dialog('postpone-dialog').waitFor({ state: 'detached' });
    const left = desk.page.getByTestId('postponed-pool').locator(`[data-number="${issued.number}"]`);
    await expect.poll(() => left.getByTestId('postponed-left').textContent()).toBe('ще 5 хв');

    // The server's clock moves two minutes on (the browser's does not): the next summary
    // tells the desk, and the countdown follows the server.
    app.clock.advanceMinutes(2);
    await kiosk.issue('bill-payment');
    await expect.poll(() => left.getByTestId('postponed-left').textContent()).toBe('ще 3 хв');

    // The operator takes a break: the visitor's panel says so, with the reason and the way back.
    await desk.press('F8', 'pause');
    await desk.dialog('pause-dialog').getByLabel('Обід').check();
    await desk.confirm('pause-dialog');
    const onBreak = desk.page.getByTestId('desk-break');
    await expect
      .poll(() => onBreak.textContent())
      .toBe(
        'Робоче місце на перервіПричина: ОбідВідвідувачів до вас не викликають. Щоб продовжити прийом, натисніть «Продовжити» (F8).',
      );
    expect(await desk.page.getByTestId('visitor').textContent()).not.toContain('Викликати наступного');
    await expectFits(desk.page, 'operator-uk');

    await desk.page.getByRole('button', { name: 'ENG — English' }).click();
    await expect.poll(() => left.getByTestId('postponed-left').textContent()).toBe('3 min left');
    await expect.poll(() => onBreak.locator('p').first().textContent()).toBe('This desk is on a break');
    await expectFits(desk.page, 'operator-en');
    await desk.page.getByRole('button', { name: 'РУС — Русский' }).click();
    await expect.poll(() => left.getByTestId('postponed-left').textContent()).toBe('ещё 3 мин');
    await expect.poll(() => onBreak.locator('p').first().textContent()).toBe('Рабочее место на перерыве');
    await expectFits(desk.page, 'operator-ru');
    await desk.page.getByRole('button', { name: 'УКР — Українська' }).click();

    await desk.run('resume');
    await onBreak.waitFor({ state: 'detached' });
    expect(screens.pageErrors).toEqual([]);
  });

  it('shows no raw desk id and no made-up state before the server has told them', async () => {
    const app = await serve();
    // The desk is already open (the operator opened it from another terminal).
    const session = await app.login('operator1', '1111');
    const socket = await app.connect(session.token);
    await okData(socket.emitWithAck('desk:open', { requestId: rid() }));
    // Every text the page shows, from its first frame on.
    const page = await screens.open('about:blank');
    await page.addInitScript(RECORD_TEXTS);
    await page.goto(`${app.url}/desk/`);
    await page.getByLabel('Логін').fill('operator1');
    await page.getByLabel('Пароль або PIN').fill('1111');
    await page.getByRole('button', { name: 'Увійти' }).click();
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toContain('Відкрито');
    await expect.poll(() => page.locator('.desk__name').textContent()).toBe('Вікно 1');
    const texts = (await page.evaluate('window.__texts')) as string[];
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => text.includes('desk-1'))).toEqual([]);
    // The open desk never read "closed", nor "no visitor, call next" before its state was known.
    expect(texts.filter((text) => text.includes('Закрито'))).toEqual([]);
  });

  it('takes reception’s booking day from the server’s date in the centre’s time zone, from the first frame', async () => {
    // The server's day is Tuesday 24 November 2026 in Kyiv; the browser runs on real time,
    // another day altogether.
    const app = await serve({ clock: new TestClock(WEEKDAY_10AM) });
    const desk = await DeskPage.login(screens, app.url, 'reception', '0000');
    await desk.tab('reception');
    const day = desk.page.getByTestId('booking-form').locator('input[name="booking-day"]');
    await expect.poll(() => day.inputValue()).toBe('2026-11-24');
    expect(new Date().toISOString().slice(0, 10)).not.toBe('2026-11-24');
  });

  it('does not offer a reprint without a printer; a printer that does not answer is said in words', async () => {
    const app = await serve();
    const issued = await (await kioskOf(app)).issue('bill-reconcile');
    const desk = await DeskPage.login(screens, app.url, 'reception', '0000');
    await desk.tab('reception');
    const reception = new ReceptionPage(desk);
    const card = await reception.find(issued.number, issued.number);
    const reprint = card.locator('[data-action="reprint"]');
    await expect
      .poll(() => card.getByTestId('reprint-unavailable').textContent())
      .toBe('Немає підключеного принтера');
    expect(await reprint.isDisabled()).toBe(true);
    expect(await reprint.getAttribute('aria-describedby')).toBe(
      await card.getByTestId('reprint-unavailable').getAttribute('id'),
    );
    await expectFits(desk.page, 'reception-no-printer');
    await desk.page.getByRole('button', { name: 'ENG — English' }).click();
    await expect
      .poll(() => card.getByTestId('reprint-unavailable').textContent())
      .toBe('No printer connected');
    await desk.page.getByRole('button', { name: 'УКР — Українська' }).click();
  });

  it('offers a reprint with a network printer, and says in words that it could not print', async () => {
    const port = await closedPort();
    const app = await serve({
      kioskPrinters: { 'kiosk-1': { profileId: 'epson-80', transport: 'tcp', host: '127.0.0.1', port } },
    });
    // The kiosk's printer does not answer: the visitor took the ticket on screen.
    const kiosk = await app.connect(KIOSK_TOKEN);
    const { ticket: issued } = await okData(
      kiosk.emitWithAck('ticket:issue', {
        requestId: rid('kiosk'),
        serviceCode: 'bill-reconcile',
        delivery: 'screen',
      }),
    );
    const desk = await DeskPage.login(screens, app.url, 'reception', '0000');
    await desk.tab('reception');
    const card = await new ReceptionPage(desk).find(issued.number, issued.number);
    const reprint = card.locator('[data-action="reprint"]');
    await expect.poll(() => reprint.isEnabled()).toBe(true);
    expect(await card.getByTestId('reprint-unavailable').count()).toBe(0);
    await reprint.click();
    await expect
      .poll(() => card.getByTestId('reprint-failed').textContent(), { timeout: 20_000 })
      .toBe('Принтер не може друкувати: немає паперу, відкрита кришка або він вимкнений.');
    // Said once, on the card: not again above the search results.
    expect(await desk.page.getByTestId('ticket-search').locator('.refusal').textContent()).toBe('');
    await expectFits(desk.page, 'reception-printer-down');
  });
});
