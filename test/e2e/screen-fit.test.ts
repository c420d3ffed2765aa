/**
 * Screens that fit the hardware centres buy, in Chromium against a real server: the desk app
 * (an administrator's header with every tab, the operator's workspace, reception with a found
 * ticket, Settings) at 1366x768 and 1920x1080, and the visitor's phone pages (the ticket's
 * status page with its rating, the booking page's steps) at 360x640 and 390x844. On each,
 * no control is clipped or outside the viewport and axe-core finds no violation of any
 * impact; on the phone, the language links and the rating's stars are thumb-sized (48 px).
 * Screenshots go to .tmp/screen-fit-*.png. Needs the built front ends (`npm run build`).
 */
import { RatingStore } from '@queue/db';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { kioskOf } from './support/queue';
import { ReceptionPage } from './support/reception-page';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';
import { axeViolations } from './support/axe';

const DESKS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;
/** Every language of the desk app, the default (Ukrainian) last, so that later tests see it. */
const LANGUAGES = ['en', 'ru', 'uk'] as const;
/** Each screen in every size and language, with axe each time: longer than the default. */
const SLOW = 120_000;
/** The smallest target a thumb hits reliably. */
const THUMB = 48;

const sizeName = (size: { width: number; height: number }): string => `${size.width}x${size.height}`;

/** The screen as it is now: a screenshot to look at, nothing unfit, nothing for axe. */
const expectFits = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: screenshotPath(`screen-fit-${name}.png`) });
  expect.soft(await unfitControls(page), name).toEqual([]);
  expect.soft(await axeViolations(page), name).toEqual([]);
};

/** Whether the control shows whole within the viewport as the page is (no scrolling). */
const inView = async (control: Locator): Promise<boolean> => {
  const box = await control.boundingBox();
  const viewport = control.page().viewportSize();
  if (!box || !viewport) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height
  );
};

/** Every control matched is at least a thumb wide and high. */
const expectThumbSized = async (controls: Locator, what: string): Promise<void> => {
  const boxes = await Promise.all((await controls.all()).map((control) => control.boundingBox()));
  expect(boxes.length, what).toBeGreaterThan(0);
  for (const box of boxes) {
    expect.soft(box?.width ?? 0, what).toBeGreaterThanOrEqual(THUMB);
    expect.soft(box?.height ?? 0, what).toBeGreaterThanOrEqual(THUMB);
  }
};

/** `expectFits`, and the screen's own `checks`, in each of the desk app's languages. */
const expectFitsInEveryLanguage = async (
  page: Page,
  name: string,
  checks: () => Promise<void> = async () => undefined,
): Promise<void> => {
  for (const language of LANGUAGES) {
    await page.locator(`.language-switch__button[lang="${language}"]`).click();
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(language);
    await checks();
    await expectFits(page, `${name}-${language}`);
  }
};

describe('screens that fit', () => {
  let screens: Screens;
  let server: TestServer | undefined;

  const serve = async (): Promise<TestServer> => {
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
    return server;
  };

  beforeAll(async () => {
    assertBuilt(['desk']);
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

  it(
    'an administrator’s header with every tab at a desk, and Settings, in every language and size',
    async () => {
      const app = await serve();
      // At a desk an administrator has every tab there is, beside the desk's name and status.
      const admin = await DeskPage.login(screens, app.url, 'admin', 'admin', 'desk-1');
      const page = admin.page;
      const tabs = page.locator('[data-tab]');
      expect(await tabs.count()).toBe(7);
      // A long entry scrolls under its Save button, which stays on screen.
      const saveInView = async () => {
        expect.soft(await inView(page.getByTestId('entry-save')), 'save').toBe(true);
      };
      for (const size of DESKS) {
        await page.setViewportSize(size);
        await admin.tab('reception');
        await page.getByTestId('issue-form').waitFor();
        await expectFitsInEveryLanguage(page, `desk-admin-header-${sizeName(size)}`, async () => {
          // Every tab is on screen and can be chosen.
          for (const tab of await tabs.all()) {
            expect.soft(await inView(tab), (await tab.textContent()) ?? '').toBe(true);
          }
        });
        await page.locator('[data-tab="admin"]').click();
        await page.getByTestId('admin').waitFor();
        await page.locator('[data-section="services"]').click();
        await page.locator('[data-entry="bill-reconcile"]').click();
        await page.getByTestId('entry-form').waitFor();
        await expectFitsInEveryLanguage(page, `desk-settings-service-${sizeName(size)}`, saveInView);
        await page.locator('[data-section="desks"]').click();
        await page.locator('[data-entry="desk-5"]').click();
        await page.getByTestId('entry-form').waitFor();
        await expectFitsInEveryLanguage(page, `desk-settings-desk-${sizeName(size)}`, saveInView);
      }
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'the operator’s workspace with a visitor in hand, at 1366x768 and 1920x1080',
    async () => {
      const app = await serve();
      const kiosk = await kioskOf(app);
      for (let i = 0; i < 6; i += 1) await kiosk.issue(i % 2 === 0 ? 'bill-reconcile' : 'bill-payment');
      const desk = await DeskPage.login(screens, app.url, 'operator1', '1111');
      await desk.openDesk();
      await desk.callNextAndStart();
      for (const size of DESKS) {
        await desk.page.setViewportSize(size);
        await expectFitsInEveryLanguage(desk.page, `desk-operator-${sizeName(size)}`, async () => {
          for (const action of ['complete', 'transfer', 'postpone', 'pause'] as const) {
            expect.soft(await inView(desk.action(action)), action).toBe(true);
          }
        });
      }
      // The pause dialog, with its reasons and the break's length, on the smaller desk screen.
      await desk.page.setViewportSize(DESKS[0]);
      await desk.press('F8', 'pause');
      const pause = desk.dialog('pause-dialog');
      await pause.getByLabel('Тривалість').waitFor();
      expect.soft(await inView(pause.getByRole('button', { name: 'Почати перерву' })), 'confirm').toBe(true);
      await expectFits(desk.page, `desk-pause-dialog-${sizeName(DESKS[0])}`);
      await desk.page.keyboard.press('Escape');
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'reception with a route and a found ticket: its primary actions on screen, at 1366x768 and 1920x1080',
    async () => {
      const app = await serve();
      const desk = await DeskPage.login(screens, app.url, 'reception', '0000');
      await desk.tab('reception');
      const reception = new ReceptionPage(desk);
      await reception.addToRoute('звірка', 'bill-reconcile');
      await reception.addToRoute('реєстрація місця', 'doc-residence');
      const number = await reception.issue('Принесла копію паспорта');
      const card = await reception.find(number, number);
      for (const size of DESKS) {
        await desk.page.setViewportSize(size);
        // The primary actions show without scrolling, whatever the language.
        await expectFitsInEveryLanguage(desk.page, `desk-reception-${sizeName(size)}`, async () => {
          expect.soft(await inView(desk.action('issue')), 'issue').toBe(true);
          expect.soft(await inView(desk.action('book')), 'book').toBe(true);
          expect.soft(await inView(card.locator('[data-action="cancel"]')), 'cancel').toBe(true);
        });
      }
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'the ticket’s status page, waiting and then asking for a rating, at 360x640 and 390x844',
    async () => {
      const app = await serve();
      const kiosk = await kioskOf(app);
      const ticket = await kiosk.issue('bill-reconcile');
      for (const size of PHONES) {
        const page = await screens.open(`${app.url}/t/${ticket.id}`, size);
        await page.locator('main').waitFor();
        await expectThumbSized(page.locator('nav a'), 'language links');
        await expectFits(page, `status-waiting-${sizeName(size)}`);
      }

      const operator = await app.connect((await app.login('operator1', '1111')).token);
      await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
      const called = await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
      const ticketId = called.ticket?.id ?? '';
      await okData(operator.emitWithAck('visit:start', { requestId: rid(), ticketId }));
      await okData(operator.emitWithAck('visit:complete', { requestId: rid(), ticketId }));

      for (const size of PHONES) {
        const page = await screens.open(`${app.url}/t/${ticket.id}`, size);
        const stars = page.getByRole('radio');
        await page.getByRole('radiogroup').waitFor();
        expect(await stars.count()).toBe(5);
        // Each star says which of the five it is.
        for (const score of [1, 2, 3, 4, 5]) {
          await page.getByRole('radio', { name: `${score} з 5`, exact: true }).waitFor();
        }
        await expectThumbSized(stars, 'rating stars');
        await expectThumbSized(page.locator('nav a'), 'language links');
        // A tap anywhere on the fourth star chooses it; the stars up to it light up.
        const fourth = page.getByRole('radio', { name: '4 з 5', exact: true });
        const box = await fourth.boundingBox();
        await page.mouse.click((box?.x ?? 0) + 4, (box?.y ?? 0) + 4);
        expect(await fourth.isChecked()).toBe(true);
        await expectFits(page, `status-rating-${sizeName(size)}`);
      }
      // The last page sends the rating: the server takes it and thanks the visitor.
      const last = screens.pageErrors.length;
      const page = await screens.open(`${app.url}/t/${ticket.id}`, PHONES[0]);
      await page.getByRole('radio', { name: '4 з 5', exact: true }).check();
      await page.getByRole('button', { name: 'Надіслати оцінку' }).click();
      await page.getByTestId('rated').waitFor();
      const ratings = new RatingStore(new Database(app.databaseFile, { readonly: true }));
      expect(ratings.get(ticket.id)).toMatchObject({ score: 4 });
      await expectFits(page, 'status-rated-360x640');
      expect(screens.pageErrors.length).toBe(last);
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'the booking page’s steps, from the service to the code, at 360x640 and 390x844',
    async () => {
      const app = await serve();
      for (const size of PHONES) {
        const name = sizeName(size);
        const page = await screens.open(`${app.url}/book`, size);
        await page.locator('[data-service]').first().waitFor();
        await expectThumbSized(page.locator('header nav a'), 'language links');
        await expectFits(page, `book-services-${name}`);
        await page.locator('[data-service="doc-residence"]').click();
        await page.locator('[data-day="2026-11-24"]').click();
        await page.locator('[data-slot]').first().waitFor();
        await expectFits(page, `book-slots-${name}`);
        await page.locator('[data-slot]').first().click();
        await page.getByLabel('Ім’я та прізвище').waitFor();
        await expectFits(page, `book-details-${name}`);
        await page.getByLabel('Ім’я та прізвище').fill('Олена Петренко');
        await page.getByLabel('Телефон').fill(size.width === 360 ? '067 123 45 67' : '067 765 43 21');
        await page.getByRole('button', { name: 'Записатися', exact: true }).click();
        await page.getByTestId('booking-code').waitFor();
        await expectFits(page, `book-code-${name}`);
        await page.getByTestId('manage-link').click();
        await page.locator('[data-action="cancel"]').waitFor();
        await expectFits(page, `book-manage-${name}`);
      }
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );
});
