/**
 * The reports screen and the monitor at the desks' screen sizes, in Chromium against a real
 * server holding some history: Friday 20 November two visitors took tickets and nobody was
 * called; Monday 23 three visits, Tuesday 24 (today) six, from 08:20 to 20:30, all served.
 * A supervisor asks for this week by day: the hourly chart spans the opening hours 08–21 with
 * hour labels, value ticks and the figures in a table behind a named figure; the period and the
 * days read as dates of the screen's language, never as ISO; the table shows a default set of
 * columns, the reader's choice is remembered, the rest scroll sideways in the table's own box
 * under a sticky first column, and the CSV export still holds every column. A day without
 * visits, and a day when nobody was called, say so in words. The reports screen (with data and
 * without) and the monitor with the staffing advisor's proposal fit 1366×768 and 1920×1080 in
 * every language, and axe-core finds no violation of any impact. Screenshots go to
 * .tmp/reports-fit-*.png. Needs the built desk app (`npm run build -w apps/desk`).
 */
import { readFile } from 'node:fs/promises';
import { REPORT_COLUMNS } from '@queue/core';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { kioskOf } from './support/queue';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';
import { axeViolations } from './support/axe';

const DESKS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
/** The default language last, so that what follows reads Ukrainian again. */
const LANGUAGES = ['en', 'ru', 'uk'] as const;
const SLOW = 180_000;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;
const MINUTE = 60_000;

const kyiv = (clock: string, day: string): number => Date.parse(`${day}T${clock}:00+02:00`);

const sizeName = (size: { width: number; height: number }): string => `${size.width}x${size.height}`;

/** In each language: `checks`, a screenshot, nothing unfit, nothing for axe. */
const expectFitsInEveryLanguage = async (
  page: Page,
  name: string,
  checks: () => Promise<void> = async () => undefined,
): Promise<void> => {
  for (const language of LANGUAGES) {
    await page.locator(`.language-switch__button[lang="${language}"]`).click();
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(language);
    await checks();
    await page.screenshot({ path: screenshotPath(`reports-fit-${name}-${language}.png`) });
    expect.soft(await unfitControls(page), `${name}-${language}`).toEqual([]);
    expect.soft(await axeViolations(page), `${name}-${language}`).toEqual([]);
  }
};

/** The words of the reports screen's result (period, table, charts), for ISO dates. */
const resultText = (page: Page): Promise<string> => page.locator('.reports__result').first().innerText();

describe('the reports screen and the monitor at the desks’ sizes', () => {
  let screens: Screens;
  let server: TestServer | undefined;

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

  /** The history in the file's header, played through the server with a moved clock. */
  const serveWithHistory = async (): Promise<TestServer> => {
    const clock = new TestClock(kyiv('09:00', '2026-11-20'));
    const app = (server = await startServer({ clock, tickMs: 100 }));
    const kiosk = await kioskOf(app);
    // Friday: two tickets, nobody called.
    clock.at = kyiv('09:10', '2026-11-20');
    await kiosk.issue('bill-reconcile');
    clock.at = kyiv('09:20', '2026-11-20');
    await kiosk.issue('bill-payment');
    const days = [
      { day: '2026-11-23', arrivals: ['09:10', '09:40', '14:00'] },
      { day: '2026-11-24', arrivals: ['08:20', '10:05', '10:30', '12:45', '17:10', '20:30'] },
    ];
    for (const { day, arrivals } of days) {
      clock.at = kyiv('08:00', day);
      const operator = await app.connect((await app.login('operator1', '1111')).token);
      await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
      for (const [index, arrival] of arrivals.entries()) {
        clock.at = kyiv(arrival, day);
        const ticket = await kiosk.issue(index % 2 === 0 ? 'bill-reconcile' : 'bill-payment');
        clock.at += (3 + index) * MINUTE;
        await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
        await okData(operator.emitWithAck('visit:start', { requestId: rid(), ticketId: ticket.id }));
        clock.at += 5 * MINUTE;
        await okData(operator.emitWithAck('visit:complete', { requestId: rid(), ticketId: ticket.id }));
      }
      operator.close();
    }
    clock.at = kyiv('20:50', '2026-11-24');
    return app;
  };

  const openReports = async (app: TestServer): Promise<Page> => {
    const desk = await DeskPage.login(screens, app.url, 'supervisor', '2222');
    await desk.page.setViewportSize(DESKS[0]);
    await desk.page.locator('[data-tab="reports"]').click();
    await desk.page.getByTestId('reports').waitFor();
    return desk.page;
  };

  /** Ask for a custom period's report by `groupBy`. */
  const runReport = async (page: Page, from: string, to: string, groupBy: string): Promise<void> => {
    await page.locator('input[name="report-period"][value="custom"]').check();
    await page.locator('input[name="from"]').fill(from);
    await page.locator('input[name="to"]').fill(to);
    await page.locator('select[name="group-by"]').selectOption(groupBy);
    await page.getByRole('button', { name: 'Показати', exact: true }).click();
  };

  const headings = (page: Page): Promise<string[]> =>
    page
      .locator('[data-testid="report-table"] thead th[data-column]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-column') ?? ''));

  it(
    'charts the opening hours with axes and a text alternative, writes dates in words, lets the reader choose columns',
    async () => {
      const app = await serveWithHistory();
      const page = await openReports(app);
      await runReport(page, '2026-11-23', '2026-11-24', 'day');
      await page.locator('[data-testid="report-table"] tr[data-key="2026-11-24"]').waitFor();

      // The hourly chart: a bar for each opening hour 08–21, edges labelled 08 … 21.
      const hourChart = page.getByTestId('chart-hour');
      expect(await hourChart.locator('g[data-value]').count()).toBe(13);
      expect(await hourChart.locator('[data-edge]').allTextContents()).toEqual(
        Array.from({ length: 14 }, (_, index) => String(8 + index).padStart(2, '0')),
      );
      // 9 h and 10 h had two arrivals each: the tallest bars, with their figures.
      const values = await hourChart
        .locator('g[data-value]')
        .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-value'))));
      expect(values).toEqual([1, 2, 2, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1]);
      expect(await hourChart.locator('g[data-value="2"] .report-chart__value').allTextContents()).toEqual([
        '2',
        '2',
      ]);
      // The value axis: ticks from 0 to the largest count.
      expect(await hourChart.locator('[data-tick]').allTextContents()).toEqual(['0', '1', '2']);
      // A figure named by its caption, the figures in a table for those who cannot see it.
      const figure = page.getByRole('figure', { name: 'Прибуття за годинами' });
      expect(await figure.count()).toBe(1);
      expect(await hourChart.locator('svg').getAttribute('aria-hidden')).toBe('true');
      const hourTable = figure.getByRole('table');
      expect(await hourTable.getByRole('row').count()).toBe(14);
      expect(
        await hourTable.getByRole('row', { name: '10:00–11:00 2' }).count(),
        'the 10 h row says two arrivals',
      ).toBe(1);
      expect(await page.getByRole('figure', { name: 'Прибуття за днями тижня' }).count()).toBe(1);
      expect(await page.getByRole('figure', { name: 'Розподіл очікування, хв' }).count()).toBe(1);

      // Dates in words: the period and each day's row.
      const period = page.getByTestId('report-period');
      expect(await period.textContent()).toMatch(/^Період: 23\s?–\s?24 листопада 2026 р\.$/);
      expect(await page.locator('tr[data-key="2026-11-24"] th').textContent()).toMatch(/24 лист.* 2026/);
      expect(await resultText(page)).not.toMatch(ISO_DAY);

      // The default columns, a short set; the first column holds still while the rest scroll.
      const defaults = await headings(page);
      expect(defaults).toEqual([
        'issued',
        'served',
        'noShow',
        'waitMean',
        'waitMax',
        'serviceMean',
        'withinStandardPercent',
        'ratingsMean',
      ]);
      const firstColumn = page.locator('[data-testid="report-table"] tbody th[scope="row"]').first();
      // (A string: the test's typings have no DOM.)
      const position = `getComputedStyle(document.querySelector('[data-testid="report-table"] tbody th[scope="row"]')).position`;
      expect(await page.evaluate(position)).toBe('sticky');
      const scroller = page.locator('.reports__result .report-table__scroll');
      // At 1366 the default set fits without scrolling.
      expect(await scroller.evaluate((box) => box.scrollWidth <= box.clientWidth + 1)).toBe(true);

      // The reader's choice: one more column, one fewer.
      await page.getByTestId('report-columns').locator('summary').click();
      await page.getByRole('checkbox', { name: 'Очік. 90%' }).check();
      await page.getByRole('checkbox', { name: 'Не зʼявилися' }).uncheck();
      const chosen = await headings(page);
      expect(chosen).toContain('waitP90');
      expect(chosen).not.toContain('noShow');
      expect(await page.getByTestId('report-columns').locator('summary').textContent()).toBe(
        'Стовпці: 8 з 19',
      );

      // The export holds every column whatever the table shows.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Експорт CSV' }).click();
      const csv = (await readFile(await (await download).path(), 'utf8')).replace(/^\uFEFF/, '');
      const lines = csv.split(/\r?\n/);
      const total = lines.find((line) => line.startsWith('Разом,'));
      expect(total?.split(',').length).toBe(REPORT_COLUMNS.length + 1);
      // Among them the columns the table hides.
      expect(lines[0]).toContain('Не зʼявилися');
      expect(lines[0]).toContain('Обслуговування, макс., хв');

      // Remembered on this computer: in a new session (a new window, logged in again) the same
      // columns show.
      const again = await page.context().newPage();
      await again.setViewportSize(DESKS[0]);
      await again.goto(`${app.url}/desk/`);
      await again.getByLabel('Логін').fill('supervisor');
      await again.getByLabel('Пароль або PIN').fill('2222');
      await again.getByRole('button', { name: 'Увійти' }).click();
      await again.locator('[data-tab="reports"]').click();
      await runReport(again, '2026-11-23', '2026-11-24', 'day');
      await again.locator('[data-testid="report-table"] tr[data-key="2026-11-24"]').waitFor();
      expect(await headings(again)).toEqual(chosen);
      await again.close();

      // Every column (the chooser is still open): the table scrolls sideways in its own box,
      // its first column stays put.
      expect(await page.getByTestId('report-columns').getAttribute('open')).toBe('');
      await page.getByRole('button', { name: 'Усі', exact: true }).click();
      expect(await headings(page)).toEqual([...REPORT_COLUMNS]);
      expect(await scroller.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
      await scroller.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
      const [boxLeft, cellLeft] = await Promise.all([
        scroller.evaluate((box) => box.getBoundingClientRect().left),
        firstColumn.evaluate((cell) => cell.getBoundingClientRect().left),
      ]);
      expect(Math.abs(cellLeft - boxLeft)).toBeLessThan(2);
      await page.screenshot({ path: screenshotPath('reports-fit-scrolled-1366x768.png') });
      await scroller.evaluate((box) => box.scrollTo({ left: 0 }));

      for (const size of DESKS) {
        await page.setViewportSize(size);
        await page
          .locator('.reports__result')
          .first()
          .screenshot({ path: screenshotPath(`reports-fit-result-${sizeName(size)}.png`) });
        await expectFitsInEveryLanguage(page, `reports-${sizeName(size)}`, async () => {
          const language = await page.evaluate('document.documentElement.lang');
          const text = await resultText(page);
          expect.soft(text, `${String(language)}: no ISO dates`).not.toMatch(ISO_DAY);
          const month = { en: 'November', ru: 'ноября', uk: 'листопада' }[language as 'en'];
          expect.soft(await period.textContent(), String(language)).toContain(`24 ${month} 2026`);
        });
      }
      // Back to the default set, as a reader first sees it.
      await page.getByRole('button', { name: 'Типові', exact: true }).click();
      expect(await headings(page)).toEqual(defaults);
      await expectFitsInEveryLanguage(page, 'reports-default-1920x1080');
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'says so in words when a period had no visits, and when nobody was called',
    async () => {
      const app = await serveWithHistory();
      const page = await openReports(app);

      // Thursday 19 November: nobody came.
      await runReport(page, '2026-11-19', '2026-11-19', 'service');
      const empty = page.getByTestId('report-empty');
      await empty.waitFor();
      expect(await empty.textContent()).toBe('За цей період відвідувань немає.');
      expect(await page.getByTestId('report-period').textContent()).toContain('19 листопада 2026');
      expect(await page.locator('.report-chart').count()).toBe(0);
      for (const size of DESKS) {
        await page.setViewportSize(size);
        await expectFitsInEveryLanguage(page, `reports-empty-${sizeName(size)}`, async () => {
          expect.soft(await resultText(page)).not.toMatch(ISO_DAY);
        });
      }

      // Friday 20 November: two arrivals, nobody called: the wait chart says so instead of a frame.
      await page.setViewportSize(DESKS[0]);
      await runReport(page, '2026-11-20', '2026-11-20', 'service');
      const wait = page.getByTestId('chart-wait');
      await expect.poll(() => wait.getAttribute('data-empty')).toBe('');
      expect(await wait.locator('svg').count()).toBe(0);
      expect(await wait.textContent()).toContain('Немає даних: за цей період нікого не викликали.');
      expect(await page.getByTestId('chart-hour').getAttribute('data-empty')).toBeNull();
      expect(await page.getByTestId('chart-hour').locator('g[data-value="2"]').count()).toBe(1);
      await expectFitsInEveryLanguage(page, 'reports-nobody-called-1366x768', async () => {
        const language = String(await page.evaluate('document.documentElement.lang'));
        const words = { en: 'No data', ru: 'Нет данных', uk: 'Немає даних' }[language as 'en'];
        expect.soft(await wait.textContent(), language).toContain(words);
      });
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'the monitor with the staffing advisor’s proposal fits at 1366x768 and 1920x1080 in every language',
    async () => {
      const app = (server = await startServer({ clock: new TestClock(), tickMs: 100 }));
      const kiosk = await kioskOf(app);
      const operator = await app.connect((await app.login('operator6', '1111')).token);
      await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
      await okData(operator.emitWithAck('desk:pause', { requestId: rid(), reason: 'Нарада' }));
      for (let i = 0; i < 8; i += 1) {
        await kiosk.issue(i % 2 === 0 ? 'ben-subsidy' : 'ben-privilege');
        app.clock.advanceMinutes(3);
      }
      const supervisor = await DeskPage.login(screens, app.url, 'supervisor', '2222');
      const page = supervisor.page;
      await page.locator('[data-tab="monitor"]').click();
      const proposal = page
        .getByTestId('staffing-advice')
        .locator('[data-kind="end-break"][data-desk="desk-6"]');
      for (const size of DESKS) {
        await page.setViewportSize(size);
        await proposal.waitFor();
        await expectFitsInEveryLanguage(page, `monitor-${sizeName(size)}`, async () => {
          expect.soft(await proposal.locator('[data-action="apply-advice"]').isVisible()).toBe(true);
          expect.soft(await page.getByTestId('monitor').innerText()).not.toMatch(ISO_DAY);
        });
      }
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );
});
