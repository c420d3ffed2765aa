/**
 * An appeal from the visit to the answer, as the centre and the visitor see it, in Chromium
 * against a real server whose kiosk prints on a fake network printer: reception finds the
 * visitor's ticket, registers a written appeal from it and prints the receipt on the kiosk's
 * printer (the number reads in Ukrainian on the paper, with the tracking link as a QR code);
 * the organisation answers it; the visitor's phone at `/a/<code>` shows it answered; and the
 * supervisor downloads the journal as XLSX from the Reports tab, in the paper form's columns.
 */
import { readFileSync } from 'node:fs';
import { decodeEscPos, readableLines } from '@queue/printer/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePrinter, startFakePrinter } from '../support/fake-printer';
import { axeViolations } from './kiosk-support';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt } from './support/env';
import { unfitControls } from './support/fits';
import { kioskOf } from './support/queue';
import { ReceptionPage } from './support/reception-page';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

const PHONE = { width: 360, height: 740 };

describe('an appeal from the visit to the answer in Chromium', () => {
  let screens: Screens;
  let server: TestServer | undefined;
  let printer: FakePrinter | undefined;

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
    await printer?.close();
  });

  it('prints the receipt at reception, shows the answer on the phone and exports the journal', async () => {
    printer = await startFakePrinter();
    const app = await startServer({
      clock: new TestClock(),
      kioskPrinters: {
        'kiosk-1': { transport: 'tcp', host: printer.host, port: printer.port, profileId: 'epson-80' },
      },
    });
    server = app;
    const issued = await (await kioskOf(app)).issue('bill-reconcile');
    const jobsBefore = printer.connections().length;

    // Reception finds the visitor's ticket and registers the appeal from it.
    const desk = await DeskPage.login(screens, app.url, 'reception', '0000');
    await desk.page.locator('[data-tab="reception"]').click();
    const card = await new ReceptionPage(desk).find(issued.number, issued.number);
    await card.locator('[data-action="ticket-appeal"]').click();
    const form = desk.dialog('appeal-register');
    await form.waitFor();
    await form
      .locator('select[name="summary"], input[name="summary"], textarea[name="summary"]')
      .fill('Подвійне нарахування за опалення');
    await form.locator('[name="text"]').fill('У рахунку за листопад опалення нараховано двічі.');
    await form.locator('[name="name"]').fill('Ґалина Їжакевич');
    await form.locator('[name="address"]').fill('вул. Соборна, 7, кв. 12');
    await form.locator('select[name="kiosk"]').selectOption('kiosk-1');
    await desk.confirm('appeal-register');
    const receipt = desk.dialog('appeal-receipt');
    await receipt.waitFor();
    const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
    const code = (await receipt.getByTestId('receipt-code').textContent()) ?? '';
    expect(number).toBe('2026/1');
    await expect.poll(() => receipt.getByTestId('receipt-printed').getAttribute('data-printed')).toBe('true');

    // The receipt came out of the kiosk's printer, readable in Ukrainian, with its QR code.
    const job = printer
      .connections()
      .slice(jobsBefore)
      .find((bytes) => bytes[0] === 0x1b && bytes[1] === 0x40);
    expect(job).toBeDefined();
    const lines = readableLines(job ?? new Uint8Array());
    expect(lines).toContain('Звернення № 2026/1');
    expect(lines).toContain(code);
    expect(lines.join(' ')).toContain('Відповідь до: 04.12.2026');
    const qr = decodeEscPos(job ?? new Uint8Array()).qrCodes;
    expect(qr).toHaveLength(1);
    expect(qr[0]).toMatch(new RegExp(`/a/${code}$`));
    await desk.confirm('appeal-receipt');

    // The organisation answers it.
    const supervisor = await app.connect((await app.login('supervisor', '2222')).token);
    const listed = await okData(supervisor.emitWithAck('appeal:list', { search: number }));
    const appealId = listed.appeals[0]?.id ?? '';
    expect(listed.appeals[0]?.ticketId).toBe(issued.id);
    await okData(supervisor.emitWithAck('appeal:classify', { requestId: rid(), appealId, appealClass: 'A' }));
    const organisationId = listed.appeals[0]?.topic.organisationId ?? '';
    await okData(supervisor.emitWithAck('appeal:assign', { requestId: rid(), appealId, organisationId }));
    await okData(
      supervisor.emitWithAck('appeal:answer', {
        requestId: rid(),
        appealId,
        result: 'Зайве нарахування скасовано, рахунок виправлено.',
        favour: 'applicant',
      }),
    );

    // The visitor follows it on a phone: answered, with the answer, and nothing personal.
    const phone = await screens.open(`${app.url}/a/${code}`, PHONE);
    await phone.getByText('Зайве нарахування скасовано, рахунок виправлено.').waitFor();
    const page = (await phone.textContent('body')) ?? '';
    expect(page).toContain(number);
    expect(page).not.toContain('Їжакевич');
    expect(page).not.toContain('Соборна');
    expect(await unfitControls(phone)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);

    // The supervisor downloads today's journal from the Reports tab.
    const lead = await DeskPage.login(screens, app.url, 'supervisor', '2222');
    await lead.page.locator('[data-tab="reports"]').click();
    const [download] = await Promise.all([
      lead.page.waitForEvent('download'),
      lead.page.getByRole('button', { name: 'Журнал XLSX' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path()) ?? '') as never);
    const rows = workbook.getWorksheet('Журнал звернень')?.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual([
      'Номер',
      'Дата надходження',
      'Класифікація звернення',
      'ПІБ та адреса заявника',
      'Короткий зміст',
      'Результат',
      'На чию користь вирішено',
      'Стан',
      'Відповідь до',
    ]);
    expect(rows[1]?.slice(1, 8)).toEqual([
      number,
      '24.11.2026 10:00',
      expect.stringMatching(/^A · /),
      'Ґалина Їжакевич, вул. Соборна, 7, кв. 12',
      'Подвійне нарахування за опалення',
      'Зайве нарахування скасовано, рахунок виправлено.',
      'Заявника',
    ]);

    // The appeals report on the same screen counts it, answered on time.
    await lead.page.getByRole('button', { name: 'Сформувати звіт про звернення' }).click();
    const total = lead.page.locator('[data-testid="appeals-report-table"] tfoot tr');
    await expect.poll(() => total.locator('td[data-column="received"]').textContent()).toBe('1');
    expect(await total.locator('td[data-column="onTimePercent"]').textContent()).toBe('100');
    expect(await unfitControls(lead.page)).toEqual([]);
    expect(await axeViolations(lead.page)).toEqual([]);
    expect(screens.pageErrors).toEqual([]);
  });
});
