/**
 * The three front ends in a real Chromium against a real server: a visitor takes a ticket
 * at the kiosk, an operator logs in and calls it, the hall board shows it at "Вікно 1";
 * a double tap on a service issues one ticket only. Needs the built front ends
 * (`npm run build`, which `npm test` runs first).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { leaveTicket } from './kiosk-support';
import { DISPLAY_TOKEN, KIOSK_TOKEN, assertBuilt, screenshotPath } from './support/env';
import { type TestServer, startServer } from './support/server';
import { ticketCount } from '@queue/core';

describe('front ends in Chromium', () => {
  let server: TestServer;
  let screens: Screens;
  let base: string;

  const openPage = (path: string, viewport: { width: number; height: number }): Promise<Page> =>
    screens.open(`${base}${path}`, viewport);

  const issuedCount = (): number => ticketCount(server.app.queue.state);

  let kiosk: Page;
  let display: Page;
  let desk: Page;
  let firstNumber: string;

  beforeAll(async () => {
    assertBuilt();
    // The clock stands still at 10:00 on a weekday.
    server = await startServer();
    base = server.url;
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('opens the board with its device token and hides the token from the address', async () => {
    display = await openPage(`/display/?device=${DISPLAY_TOKEN}`, { width: 1920, height: 1080 });
    await expect.poll(() => display.url()).not.toContain('device=');
    await display.getByText('Очікуйте, будь ласка, на виклик свого номера').waitFor();
  });

  it('issues a ticket at the kiosk and shows it on screen', async () => {
    kiosk = await openPage(`/kiosk/?device=${KIOSK_TOKEN}`, { width: 1080, height: 1920 });
    await kiosk.getByRole('button', { name: 'Рахунки та оплата' }).waitFor();
    expect(kiosk.url()).not.toContain('device=');
    await kiosk.screenshot({ path: screenshotPath('kiosk.png') });

    await kiosk.getByRole('button', { name: 'Рахунки та оплата' }).click();
    const service = kiosk.locator('[data-service="bill-reconcile"]');
    await expect.poll(() => service.isEnabled()).toBe(true);
    await kiosk.screenshot({ path: screenshotPath('kiosk-category.png') });
    await service.click();

    const number = kiosk.getByTestId('ticket-number');
    await number.waitFor();
    firstNumber = (await number.textContent()) ?? '';
    expect(firstNumber).toBe('А-001');
    await kiosk.getByText('Звірка нарахувань').waitFor();
    await kiosk.getByText('Перед вами: 0').waitFor();
    await kiosk.screenshot({ path: screenshotPath('kiosk-ticket.png') });
    expect(issuedCount()).toBe(1);
  });

  it('logs an operator in, opens the desk and calls that ticket', async () => {
    desk = await openPage('/desk/', { width: 1366, height: 768 });
    await desk.getByLabel('Логін').fill('operator1');
    await desk.getByLabel('Пароль або PIN').fill('1111');
    await desk.getByRole('button', { name: 'Увійти' }).click();

    const open = desk.locator('[data-action="open"]');
    await expect.poll(() => open.isEnabled()).toBe(true);
    await open.click();
    await expect.poll(() => desk.getByTestId('desk-status').textContent()).toContain('Відкрито');

    const callNext = desk.locator('[data-action="callNext"]');
    await expect.poll(() => callNext.isEnabled()).toBe(true);
    await callNext.click();
    await expect.poll(() => desk.getByTestId('current-number').textContent()).toBe(firstNumber);
    await desk.getByText('Звірка нарахувань').first().waitFor();
    await desk.screenshot({ path: screenshotPath('desk.png') });
  });

  it('shows the new call on the board, highlighted, at "Вікно 1"', async () => {
    const current = display.getByTestId('current-call');
    await expect.poll(() => current.textContent()).toContain(firstNumber);
    expect(await current.textContent()).toContain('Вікно 1');
    expect(await current.getAttribute('class')).toContain('current--fresh');
    await display.screenshot({ path: screenshotPath('display.png') });
  });

  it("runs the visit by keyboard and shows refusals in the operator's language", async () => {
    // A key does nothing while the previous command awaits its answer: wait for the button.
    const ready = (action: string) =>
      expect.poll(() => desk.locator(`[data-action="${action}"]`).isEnabled()).toBe(true);
    await ready('start');
    await desk.keyboard.press('F3');
    await expect.poll(() => desk.getByText('На прийомі').count()).toBe(1);
    await ready('complete');
    await desk.keyboard.press('F4');
    await desk.getByTestId('complete-dialog').waitFor();
    await desk.keyboard.press('Enter');
    await desk.getByText('Немає відвідувача', { exact: false }).waitFor();
    await ready('callNext');
    await desk.keyboard.press('Space');
    const refusal = desk.locator('.desk__work .refusal');
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('QUEUE_EMPTY');
    expect(await refusal.textContent()).toBe('Черга порожня: ніхто не очікує.');
    await desk.getByRole('button', { name: 'ENG' }).click();
    await desk.getByRole('button', { name: /Call next/ }).waitFor();
  });

  it('switches the kiosk language', async () => {
    await leaveTicket(kiosk);
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByText('Choose a topic').waitFor();
    await kiosk.getByRole('button', { name: 'Bills and payments' }).waitFor();
    await kiosk.getByRole('button', { name: 'Українська' }).click();
    await kiosk.getByText('Оберіть тему звернення').waitFor();
  });

  it('issues one ticket for a double tap, and the next ticket has the following number', async () => {
    await kiosk.getByRole('button', { name: 'Рахунки та оплата' }).click();
    const service = kiosk.locator('[data-service="bill-reconcile"]');
    await expect.poll(() => service.isEnabled()).toBe(true);

    await service.dblclick();
    const number = kiosk.getByTestId('ticket-number');
    await number.waitFor();
    expect(await number.textContent()).toBe('А-002');
    expect(issuedCount()).toBe(2);

    // The ticket screen ignores taps for a moment, then a tap goes back to the start. A second
    // ticket from the double tap would have been sent before the next one, on the same
    // connection: the next one taking the following number shows there was none.
    await leaveTicket(kiosk);
    await kiosk.getByRole('button', { name: 'Рахунки та оплата' }).click();
    await expect.poll(() => service.isEnabled()).toBe(true);
    await service.click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toBe('А-003');
    expect(issuedCount()).toBe(3);
  });

  it('returns an idle kiosk to the start, in Ukrainian, after 60 s', async () => {
    // A fresh browser has no saved token: the kiosk shows its pairing code and nothing else.
    const idle = await openPage('/kiosk/', { width: 1080, height: 1920 });
    await idle.clock.install();
    await idle.reload();
    await idle.getByTestId('pairing-code').waitFor();
    expect(await idle.getByRole('button', { name: 'Рахунки та оплата' }).count()).toBe(0);
    await idle.goto(`${base}/kiosk/?device=${KIOSK_TOKEN}`);
    await idle.getByRole('button', { name: 'Рахунки та оплата' }).click();
    await idle.getByRole('button', { name: 'English' }).click();
    await idle.getByText('Bills and payments').waitFor();
    await idle.clock.fastForward(59_000);
    expect(await idle.getByText('Bills and payments').count()).toBe(1);
    await idle.clock.fastForward(2_000);
    await idle.getByText('Оберіть тему звернення').waitFor();
  });

  it('raised no errors in any page', () => {
    expect(screens.pageErrors).toEqual([]);
  });
});
