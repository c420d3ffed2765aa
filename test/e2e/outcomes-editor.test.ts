/**
 * Settings without JSON, in Chromium against a real server: an administrator edits a
 * service's outcomes as a list (adds one, is told what is wrong with it in words, moves it
 * up with the keyboard, removes another, saves) and the desk's finish dialog lists them in
 * that order; a kiosk's printer and the ticket layout are edited field by field. No section
 * shows a JSON text box. The editors fit 1366x768 and axe-core finds no violation.
 * Screenshots: .tmp/outcomes-editor*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { kioskOf } from './support/queue';
import { type TestServer, TestClock, startServer } from './support/server';
import { axeViolations } from './support/axe';

const expectFits = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: screenshotPath(`${name}.png`) });
  expect.soft(await unfitControls(page), name).toEqual([]);
  expect.soft(await axeViolations(page), name).toEqual([]);
};

/** Text boxes whose content is JSON (what the old editors showed). */
const jsonBoxes = async (page: Page): Promise<number> =>
  (await page.evaluate(
    '[...document.querySelectorAll("textarea")].filter((box) => /^\\s*[[{]/.test(box.value)).length',
  )) as number;

/** An attribute of the focused element. */
const focused = async (page: Page, attribute: string): Promise<string | null> =>
  (await page.evaluate(`document.activeElement?.getAttribute(${JSON.stringify(attribute)}) ?? null`)) as
    string | null;

const SERVICE = 'bill-reconcile';

describe('Settings without JSON in Chromium', () => {
  let screens: Screens;
  let server: TestServer | undefined;

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

  it('edits a service’s outcomes as a list, told what is wrong in words; the desk lists them in that order', async () => {
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
    const app = server;
    const admin = await DeskPage.login(screens, app.url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();
    await page.locator('[data-section="services"]').click();
    await page.locator(`[data-entry="${SERVICE}"]`).click();
    const editor = page.getByTestId('outcomes-editor');
    const rows = editor.locator('li[data-row]');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await jsonBoxes(page)).toBe(0);
    expect(await editor.locator('textarea').count()).toBe(0);
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')))).toEqual([
      'resolved',
      'consulted',
      'documents-accepted',
      'refused',
    ]);

    // A new outcome starts empty: what is missing is said per outcome, and Save waits.
    await editor.locator('[data-action="add-outcome"]').click();
    await expect.poll(() => rows.count()).toBe(5);
    const added = rows.nth(4);
    await expect.poll(() => focused(page, 'name')).toBe('outcome-4-code');
    await expect
      .poll(() => added.getByTestId('outcome-problem').textContent())
      .toBe(
        'Результат 5: введіть код. Результат 5: введіть назву українською. Результат 5: введіть назву російською. Результат 5: введіть назву англійською.',
      );
    expect(await page.getByTestId('entry-save').isEnabled()).toBe(false);

    await added.getByLabel('Код').fill('consulted');
    await added.getByLabel('Українською').fill('Направлено до іншого органу');
    await added.getByLabel('Російською').fill('Направлен в другой орган');
    await added.getByLabel('Англійською').fill('Referred elsewhere');
    await expect
      .poll(() => added.getByTestId('outcome-problem').textContent())
      .toBe('Результат 5: код «consulted» уже має результат 2.');
    await added.getByLabel('Код').fill('Referred!');
    await expect
      .poll(() => added.getByTestId('outcome-problem').textContent())
      .toContain('малі латинські літери');
    await added.getByLabel('Код').fill('referred');
    await added.getByTestId('outcome-problem').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('entry-save').isEnabled()).toBe(true);
    await expectFits(page, 'outcomes-editor');

    // Up twice from the keyboard: the focus stays on the moved outcome's button.
    await added.getByRole('button', { name: 'Вище: Результат 5' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.nth(3).getAttribute('data-code')).toBe('referred');
    await expect.poll(() => focused(page, 'aria-label')).toBe('Вище: Результат 4');
    await page.keyboard.press('Space');
    await expect.poll(() => rows.nth(2).getAttribute('data-code')).toBe('referred');
    // The first goes.
    await rows.nth(0).getByRole('button', { name: 'Видалити: Результат 1' }).click();
    await expect.poll(() => rows.count()).toBe(4);
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    await page.screenshot({ path: screenshotPath('outcomes-editor-saved.png') });

    const saved = app.app.queue.centre.services.find((service) => service.code === SERVICE);
    expect(saved?.outcomes).toEqual([
      { code: 'consulted', name: { uk: 'Надано консультацію', ru: 'Дана консультация', en: 'Advice given' } },
      {
        code: 'referred',
        name: { uk: 'Направлено до іншого органу', ru: 'Направлен в другой орган', en: 'Referred elsewhere' },
      },
      {
        code: 'documents-accepted',
        name: { uk: 'Документи прийнято', ru: 'Документы приняты', en: 'Documents accepted' },
      },
      { code: 'refused', name: { uk: 'Відмовлено', ru: 'Отказано', en: 'Refused' } },
    ]);

    // The operator finishing a visit sees them in this order.
    const kiosk = await kioskOf(app);
    await kiosk.issue(SERVICE);
    const desk = await DeskPage.login(screens, app.url, 'operator1', '1111');
    await desk.openDesk();
    await desk.callNextAndStart();
    await desk.run('complete');
    const dialog = desk.dialog('complete-dialog');
    await dialog.getByLabel('Направлено до іншого органу').waitFor();
    const labels = await dialog.locator('label').allTextContents();
    const order = ['Надано консультацію', 'Направлено до іншого органу', 'Документи прийнято', 'Відмовлено'];
    expect(
      labels
        .filter((label) => order.some((name) => label.includes(name)))
        .map((label) => order.find((name) => label.includes(name))),
    ).toEqual(order);
    expect(screens.pageErrors).toEqual([]);
  });

  it('edits a kiosk’s printer and the ticket layout field by field, never as JSON', async () => {
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
    const app = server;
    const admin = await DeskPage.login(screens, app.url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();

    await page.locator('[data-section="kiosks"]').click();
    await page.locator('[data-entry="kiosk-1"]').click();
    const printer = page.getByTestId('printer-editor');
    expect(await jsonBoxes(page)).toBe(0);
    expect(await printer.locator('textarea').count()).toBe(0);
    await printer.getByLabel('У кіоску є принтер талонів').check();
    await expect
      .poll(() => printer.getByTestId('printer-problem').textContent())
      .toBe('Вкажіть IP-адресу принтера.');
    expect(await page.getByTestId('entry-save').isEnabled()).toBe(false);
    await printer.getByLabel('IP-адреса або імʼя').fill('192.168.1.50');
    await printer.getByLabel('Порт (порожньо — 9100)').fill('9101');
    await printer.getByLabel('Модель принтера (профіль)').fill('xprinter-80');
    await expectFits(page, 'outcomes-editor-printer');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    expect(app.app.queue.centre.kiosks.find((kiosk) => kiosk.deviceId === 'kiosk-1')?.printer).toEqual({
      profileId: 'xprinter-80',
      transport: 'tcp',
      host: '192.168.1.50',
      port: 9101,
    });

    await page.locator('[data-section="template"]').click();
    const template = page.getByTestId('template-editor');
    expect(await jsonBoxes(page)).toBe(0);
    expect(await template.locator('textarea').count()).toBe(0);
    await template.getByLabel('Стандартний вигляд талона').uncheck();
    const blocks = template.getByTestId('template-blocks').locator('li[data-row]');
    await expect.poll(() => blocks.count()).toBe(19);
    // The number is needed: removing it is told, and Save waits.
    await template.getByRole('button', { name: 'Видалити: 5. Номер талона' }).click();
    await expect
      .poll(() => template.getByTestId('template-problem').textContent())
      .toBe('Талон має друкувати номер.');
    expect(await page.getByTestId('entry-save').isEnabled()).toBe(false);
    await template.locator('select[name="template-add-block"]').selectOption('number');
    await template.locator('[data-action="add-block"]').click();
    await template.getByTestId('template-problem').waitFor({ state: 'detached' });
    await template.locator('[data-action="add-header-line"]').click();
    const line = template.getByTestId('template-header-lines').locator('li[data-row="0"]');
    await line.getByLabel('Українською').fill('ЦНАП Дніпровського району');
    await line.getByLabel('Російською').fill('ЦПАУ Днепровского района');
    await line.getByLabel('Англійською').fill('Dniprovskyi district centre');
    await template.getByLabel('Розмір номера (1–8)').fill('2');
    await expectFits(page, 'outcomes-editor-template');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    const saved = app.app.queue.centre.ticketTemplate as {
      blocks: string[];
      headerLines: unknown[];
      numberScale: number;
    };
    expect(saved.blocks.at(-1)).toBe('number');
    expect(saved.blocks.filter((block) => block === 'number')).toHaveLength(1);
    expect(saved.headerLines).toEqual([
      { uk: 'ЦНАП Дніпровського району', ru: 'ЦПАУ Днепровского района', en: 'Dniprovskyi district centre' },
    ]);
    expect(saved.numberScale).toBe(2);
    expect(screens.pageErrors).toEqual([]);
  });
});
