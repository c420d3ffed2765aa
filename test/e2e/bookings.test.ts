/**
 * Bookings in Chromium against a real server: a visitor books on `/book` on a phone, checks
 * in at `/kiosk` by typing the code the way a barcode scanner does, and is called at the slot
 * ahead of walk-ins who came earlier; the status page follows the call live and then takes
 * the visitor's rating, which the server stores with the desk and operator; a visitor who
 * comes after the grace period joins the ordinary queue and is told so. Needs the built
 * front ends (`npm run build`).
 */
import Database from 'better-sqlite3';
import { RatingStore } from '@queue/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { KIOSK_TOKEN, assertBuilt, screenshotPath } from './support/env';
import { kioskOf, ticketByNumber } from './support/queue';
import { type TestServer, TestClock, okData, startServer } from './support/server';

const PHONE = { width: 390, height: 844 };
const PORTRAIT = { width: 1080, height: 1920 };
const at = (local: string): number => Date.parse(`2026-11-24T${local}:00+02:00`);

describe('bookings in Chromium', () => {
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

  /** Book the residence registration at `time` today on the phone page; the code it shows. */
  const bookOnPhone = async (time: string, name: string, phone: string): Promise<string> => {
    const page = await screens.open(`${server.url}/book?lang=en`, PHONE);
    await page.locator('[data-service="doc-residence"]').click();
    await page.locator('[data-day="2026-11-24"]').click();
    await page.locator(`[data-slot="${at(time)}"]`).click();
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Phone').fill(phone);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    const code = (await page.getByTestId('booking-code').textContent()) ?? '';
    expect(await page.locator('.qr svg').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('bookings-e2e-booked.png') });
    return code;
  };

  /**
   * At the kiosk: "I have an appointment", then the scanner types the code and Enter; or,
   * `straightAway`, the scanner reads the code on the start screen.
   */
  const checkIn = async (code: string, straightAway = false): Promise<Page> => {
    const kiosk = await screens.open(`${server.url}/kiosk/?device=${KIOSK_TOKEN}`, PORTRAIT);
    await kiosk.locator('[data-action="appointment"]').waitFor();
    if (!straightAway) await kiosk.locator('[data-action="appointment"]').click();
    await kiosk.keyboard.type(code.toLowerCase());
    await kiosk.keyboard.press('Enter');
    await kiosk.getByTestId('ticket-number').waitFor();
    return kiosk;
  };

  it('books on /book, checks in by code, is called at the slot ahead of earlier walk-ins, and rates', async () => {
    const code = await bookOnPhone('10:45', 'Олена Петренко', '067 123 45 67');
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const walkIns = await kioskOf(server);
    const earlier = [await walkIns.issue('doc-residence'), await walkIns.issue('doc-residence')];

    server.clock.at = at('10:40');
    const kiosk = await checkIn(code);
    await kiosk.getByTestId('booking-on-time').waitFor();
    expect(await kiosk.getByTestId('booking-on-time').textContent()).toContain('10:45');
    const number = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    const booked = ticketByNumber(server, number);
    expect(booked.appointmentAt).toBe(at('10:45'));

    const status = await screens.open(`${server.url}/t/${booked.id}?lang=en`, PHONE);
    await status.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
    expect(await status.textContent('main')).toContain('Waiting');
    expect(await status.getByTestId('booked-for').textContent()).toBe('Your booked time: 10:45');

    const desk = await DeskPage.login(screens, server.url, 'operator5', '1111');
    await desk.openDesk();
    server.clock.at = at('10:45');
    await desk.run('callNext');
    await desk.expectCurrent(number);
    expect(earlier.every((ticket) => ticketByNumber(server, ticket.number).status === 'waiting')).toBe(true);

    // The status page changes the moment the desk calls, without reloading.
    await status.getByTestId('called').waitFor();
    expect(await status.getByTestId('called').textContent()).toBe('Please go to Desk 5');
    expect(await status.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await status.screenshot({ path: screenshotPath('bookings-e2e-called.png') });

    await desk.run('start');
    await desk.expectState('serving');
    await desk.complete();
    await status.getByText('How were you served?').waitFor();
    await status.getByRole('radio', { name: '4 of 5', exact: true }).check();
    await status.getByLabel('Comment (optional)').fill('Швидко і ввічливо');
    await status.getByRole('button', { name: 'Send rating' }).click();
    await status.getByTestId('rated').waitFor();

    const rating = new RatingStore(new Database(server.databaseFile, { readonly: true })).get(booked.id);
    expect(rating).toMatchObject({
      score: 4,
      comment: 'Швидко і ввічливо',
      deskId: 'desk-5',
      serviceCode: 'doc-residence',
    });
    expect(rating?.operatorId).toBeTruthy();

    // The supervisor's report shows the rating and the booked visit called on time.
    const supervisor = await DeskPage.login(screens, server.url, 'supervisor', '2222');
    await supervisor.page.locator('[data-tab="reports"]').click();
    await supervisor.page.getByRole('button', { name: 'Показати' }).click();
    // The ratings' count and punctuality are not among the default columns: show them all.
    await supervisor.page.getByTestId('report-columns').locator('summary').click();
    await supervisor.page.getByRole('button', { name: 'Усі', exact: true }).click();
    const row = supervisor.page.locator('[data-testid="report-table"] tr[data-key="doc-residence"]');
    const cell = (column: string) => row.locator(`td[data-column="${column}"]`).textContent();
    await expect.poll(() => cell('ratingsCount')).toBe('1');
    expect(await cell('ratingsMean')).toBe('4');
    expect(await cell('punctualPercent')).toBe('100');
    expect(screens.pageErrors).toEqual([]);
  });

  it('scanned on the start screen after the grace period: tells the visitor they joined the ordinary queue', async () => {
    const code = await bookOnPhone('11:45', 'Іван Коваль', '+380 50 111 22 33');
    server.clock.at = at('12:00');
    const kiosk = await checkIn(code, true);
    const notice = kiosk.getByTestId('booking-late');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('стали в загальну чергу');
    const number = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    expect(ticketByNumber(server, number).appointmentAt).toBeUndefined();
    await kiosk.screenshot({ path: screenshotPath('bookings-e2e-late.png') });
    expect(screens.pageErrors).toEqual([]);
  });

  it('lets reception book a visit from the desk app, and the code checks in at the kiosk', async () => {
    server.clock.at = at('12:00');
    const desk = await DeskPage.login(screens, server.url, 'reception', '0000');
    await desk.tab('reception');
    const form = desk.page.getByTestId('booking-form');
    await form.getByLabel('Послуга').selectOption('legal-consult');
    await form.getByLabel('День').fill('2026-11-25');
    // Wait for the chosen day's times: today's may still be listed until that answer comes.
    const firstSlot = () => form.locator('select[name="booking-slot"] option').nth(1).getAttribute('value');
    await expect
      .poll(async () => Number((await firstSlot()) ?? 0))
      .toBeGreaterThanOrEqual(Date.parse('2026-11-25T00:00:00+02:00'));
    // By place, not by value: the list may be drawn again while the test picks from it.
    await form.getByLabel('Час').selectOption({ index: 1 });
    await form.getByLabel('Ім’я та прізвище').fill('Марія Шевчук');
    await form.getByLabel('Телефон').fill('093 555 44 33');
    await desk.run('book');
    const done = form.getByTestId('booking-done');
    await done.waitFor();
    const code = /код ([A-Z2-9]{8})/.exec((await done.textContent()) ?? '')?.[1] ?? '';
    expect(code).toHaveLength(8);

    // The visitor calls back: reception finds the booking and moves it to the next free time.
    const lookup = desk.page.getByTestId('booking-lookup');
    await lookup.getByLabel('Код запису').fill(code.toLowerCase());
    await lookup.locator('[data-action="find-booking"]').click();
    const card = lookup.getByTestId('booking-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('Марія Шевчук');
    await expect.poll(() => card.locator('select[name="move-slot"] option').count()).toBeGreaterThan(2);
    await card.locator('select[name="move-slot"]').selectOption({ index: 2 });
    const later = await card.locator('select[name="move-slot"]').inputValue();
    const before = await card.getByTestId('booking-when').textContent();
    await lookup.locator('[data-action="move-booking"]').click();
    await expect.poll(() => card.getByTestId('booking-when').textContent()).not.toBe(before);
    const moved = await okData(
      (await server.connect((await server.login('reception', '0000')).token)).emitWithAck('booking:find', {
        code,
      }),
    );
    expect(moved.slotAt).toBe(Number(later));

    server.clock.at = Number(later) - 5 * 60_000;
    const kiosk = await checkIn(code);
    await kiosk.getByTestId('booking-on-time').waitFor();
    expect(screens.pageErrors).toEqual([]);
  });

  it('lets reception cancel a booking found by its code, and says when a code is unknown', async () => {
    server.clock.at = at('12:00');
    const staff = await server.connect((await server.login('reception', '0000')).token);
    const [slot] = await okData(
      staff.emitWithAck('booking:slots', { serviceCode: 'doc-residence', day: '2026-11-24' }),
    );
    const { code } = await okData(
      staff.emitWithAck('booking:create', {
        requestId: `cancel-${Date.now()}`,
        serviceCode: 'doc-residence',
        slotAt: slot?.start ?? 0,
        name: 'Петро Гнатюк',
        phone: '095 222 11 00',
      }),
    );
    const desk = await DeskPage.login(screens, server.url, 'reception', '0000');
    await desk.tab('reception');
    const lookup = desk.page.getByTestId('booking-lookup');
    await lookup.getByLabel('Код запису').fill(code);
    await lookup.locator('[data-action="find-booking"]').click();
    await lookup.locator('[data-action="cancel-booking"]').click();
    await expect.poll(() => lookup.getByTestId('booking-card').getAttribute('data-status')).toBe('cancelled');

    await lookup.getByLabel('Код запису').fill('ZZZZ2222');
    await lookup.locator('[data-action="find-booking"]').click();
    await expect.poll(() => lookup.getByRole('alert').textContent()).toBe('Запису з таким кодом немає.');
    expect(screens.pageErrors).toEqual([]);
  });
});
