/**
 * The appeals journal in Chromium against a real server: an operator registers a written
 * appeal from the visit in hand and sees its receipt; a supervisor classifies it and assigns
 * it to a specialist of the organisation; the specialist (logged in as that person) takes it
 * and answers it; the journal shows the row with its result and in whose favour, also on the
 * supervisor's screen (the server's push). The call centre sees only the journal and
 * registers one of its own, which turns overdue on the monitor. The journal fits 1366x768
 * and 1920x1080 with every control reachable, and axe finds nothing serious.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt } from './support/env';
import { unfitControls } from './support/fits';
import { axeViolations } from './kiosk-support';
import { kioskOf } from './support/queue';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

const SHOTS = '/tmp/journal-shots';
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, name) });

describe('appeals journal in Chromium', () => {
  let screens: Screens;
  let server: TestServer | undefined;

  beforeAll(async () => {
    assertBuilt(['desk']);
    mkdirSync(SHOTS, { recursive: true });
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('registers from a visit, classifies and assigns, answers as the specialist; the journal shows it', async () => {
    const app = await startServer({ clock: new TestClock(), tickMs: 100 });
    server = app;
    const admin = await app.connect((await app.login('admin', 'admin')).token);
    await okData(
      admin.emitWithAck('staff:save', {
        requestId: rid(),
        login: 'specialist',
        name: 'Фахівець Центру',
        roles: ['operator'],
        organisationIds: ['centre'],
        active: true,
        secret: 'spec-pass',
      }),
    );
    await okData(
      admin.emitWithAck('staff:save', {
        requestId: rid(),
        login: 'callcentre',
        name: 'Контакт-центр',
        roles: ['call-centre'],
        organisationIds: [],
        active: true,
        secret: 'call-pass',
      }),
    );

    // The operator registers an appeal from the visit in hand: topic and ticket come filled in.
    const issued = await (await kioskOf(app)).issue('bill-reconcile');
    const operator = await DeskPage.login(screens, app.url, 'operator1', '1111');
    await operator.openDesk();
    expect(await operator.callNextAndStart()).toBe(issued.number);
    await operator.page.locator('[data-action="visit-appeal"]').click();
    const form = operator.dialog('appeal-register');
    await form.waitFor();
    expect(await form.locator('select[name="organisation"]').inputValue()).toBe('centre');
    expect(await form.locator('select[name="service"]').inputValue()).toBe('bill-reconcile');
    await form.getByText(`З відвідування ${issued.number}`).waitFor();
    await form.getByLabel('Короткий зміст').fill('Неправильне нарахування за жовтень');
    await form.getByLabel('Текст звернення').fill('Прошу перерахувати плату за жовтень: лічильник замінено.');
    await form.getByLabel('Ім’я та прізвище').fill('Ірина Коваль');
    await form.getByLabel('Адреса').fill('вул. Миру, 5, кв. 3');
    await form.getByLabel('Телефон', { exact: true }).fill('+380 67 123 45 67');
    await shot(operator.page, 'register-from-visit.png');
    await form.getByTestId('dialog-confirm').click();
    const receipt = operator.dialog('appeal-receipt');
    await receipt.waitFor();
    const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
    expect(number).toMatch(/^2026\/\d+$/);
    expect(await receipt.getByTestId('receipt-code').textContent()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(await receipt.getByTestId('receipt-due').textContent()).toBe('04.12.2026');
    expect(await receipt.getByTestId('receipt-printed').getAttribute('data-printed')).toBe('none');
    await shot(operator.page, 'receipt.png');
    await operator.confirm('appeal-receipt');

    // The supervisor classifies it and assigns it to the specialist.
    const lead = await DeskPage.login(screens, app.url, 'supervisor', '2222');
    await lead.page.locator('[data-tab="journal"]').click();
    const superRow = lead.page.locator(`[data-testid="journal-table"] tr[data-appeal="${number}"]`);
    await superRow.waitFor();
    // Unassigned, its hand-over term ends tomorrow: amber, and said in words.
    expect(await superRow.getAttribute('data-urgency')).toBe('due-soon');
    expect(await superRow.locator('[data-cell="due"]').textContent()).toContain('Строк спливає');
    expect(await superRow.locator('[data-cell="applicant"]').textContent()).toContain('Ірина Коваль');
    await superRow.locator('[data-action="open-appeal"]').click();
    const details = lead.dialog('appeal-details');
    await details.getByTestId('appeal-history').getByText('Зареєстровано').waitFor();
    expect(await details.getByTestId('appeal-history').textContent()).toContain('Оператор 1');
    await shot(lead.page, 'details-new.png');
    await details.locator('[data-action="appeal-classify"]').click();
    const classify = lead.dialog('appeal-classify-dialog');
    await classify.getByLabel('B — потребує аналізу').check();
    await lead.confirm('appeal-classify-dialog');
    await expect
      .poll(() => details.getByTestId('appeal-class').textContent())
      .toContain('B — потребує аналізу');
    await details.locator('[data-action="appeal-assign"]').click();
    const assign = lead.dialog('appeal-assign-dialog');
    await assign.locator('select[name="person"] option[value="specialist"]').waitFor({ state: 'attached' });
    await assign.locator('select[name="person"]').selectOption('specialist');
    await lead.confirm('appeal-assign-dialog');
    await expect
      .poll(() => details.getByTestId('appeal-assignee').textContent())
      .toContain('Фахівець Центру');
    await lead.confirm('appeal-details');

    // The specialist takes it and answers it; a refusal would be said in words.
    const specialist = await DeskPage.login(screens, app.url, 'specialist', 'spec-pass');
    const journal = specialist.page.getByTestId('journal');
    await journal.getByLabel('Мої звернення').check();
    const row = journal.locator(`tr[data-appeal="${number}"]`);
    await row.waitFor();
    await row.locator('[data-action="open-appeal"]').click();
    const card = specialist.dialog('appeal-details');
    await card.locator('[data-action="appeal-take"]').click();
    await specialist.confirm('appeal-take-dialog');
    await expect.poll(() => card.getByTestId('appeal-status').textContent()).toContain('в роботі');
    await card.locator('[data-action="appeal-answer"]').click();
    const answer = specialist.dialog('appeal-answer-dialog');
    await answer.getByLabel('Зміст відповіді').fill('Плату перераховано, переплату зараховано на листопад.');
    await answer.getByLabel('заявника').check();
    await shot(specialist.page, 'answer.png');
    await specialist.confirm('appeal-answer-dialog');
    await expect.poll(() => card.getByTestId('appeal-result').textContent()).toContain('Плату перераховано');
    await shot(specialist.page, 'details-answered.png');
    await specialist.confirm('appeal-details');
    await expect.poll(() => row.getAttribute('data-status')).toBe('answered');
    await shot(specialist.page, 'journal-specialist-1366.png');
    expect(await unfitControls(specialist.page)).toEqual([]);
    expect(await axeViolations(specialist.page)).toEqual([]);
    expect(await row.locator('[data-cell="result"]').textContent()).toContain('Плату перераховано');
    expect(await row.locator('[data-cell="favour"]').textContent()).toBe('заявника');
    // The supervisor's journal follows by the server's push.
    await expect.poll(() => superRow.locator('[data-cell="favour"]').textContent()).toBe('заявника');
    expect(await superRow.getAttribute('data-urgency')).toBe('closed');

    // The call centre sees only the journal and registers an appeal by phone.
    const callCentre = await DeskPage.login(screens, app.url, 'callcentre', 'call-pass');
    expect(await callCentre.page.locator('[role="tablist"]').count()).toBe(0);
    expect(await callCentre.page.locator('.desk__tab').count()).toBe(1);
    await callCentre.page.locator('[data-action="new-appeal"]').click();
    const phoned = callCentre.dialog('appeal-register');
    await phoned.getByLabel('телефоном', { exact: true }).check();
    await phoned.locator('select[name="organisation"]').selectOption('water');
    await phoned.getByLabel('Короткий зміст').fill('Немає води третій день');
    await phoned.getByLabel('Текст звернення').fill('У будинку немає холодної води з понеділка.');
    await phoned.getByLabel('Ім’я та прізвище').fill('Петро Сидоренко');
    await phoned.getByLabel('Телефон', { exact: true }).fill('+380 50 765 43 21');
    await phoned.getByTestId('dialog-confirm').click();
    const second =
      (await callCentre.dialog('appeal-receipt').getByTestId('receipt-number').textContent()) ?? '';
    await callCentre.confirm('appeal-receipt');
    await callCentre.page.locator(`tr[data-appeal="${second}"]`).waitFor();

    // Two days on (a new shift: a new login), nobody has taken it: overdue on the supervisor's
    // monitor, red in the journal.
    await screens.closePages();
    app.clock.advanceMinutes(2 * 24 * 60);
    const supervisor = await DeskPage.login(screens, app.url, 'supervisor', '2222');
    await supervisor.page.locator('[data-tab="monitor"]').click();
    const due = supervisor.page.getByTestId('appeals-overdue');
    await expect.poll(() => due.textContent()).toContain('Прострочено: 1');
    expect(await due.textContent()).toContain(second);
    await shot(supervisor.page, 'monitor.png');
    await due.getByRole('button', { name: 'Прострочено: 1' }).click();
    const overdueRow = supervisor.page.locator(`[data-panel="journal"] tr[data-appeal="${second}"]`);
    await overdueRow.waitFor();
    expect(await overdueRow.getAttribute('class')).toContain('journal__row--overdue');
    expect(await overdueRow.locator('[data-cell="due"]').textContent()).toContain('Прострочено');
    expect(await supervisor.page.locator(`[data-panel="journal"] tr[data-appeal="${number}"]`).count()).toBe(
      0,
    );

    // The whole journal, at both screen sizes: everything fits, nothing serious for axe.
    await supervisor.page.locator('[data-panel="journal"]').getByRole('button', { name: 'Скинути' }).click();
    await supervisor.page.locator(`[data-panel="journal"] tr[data-appeal="${number}"]`).waitFor();
    await shot(supervisor.page, 'journal-1366.png');
    expect(await unfitControls(supervisor.page)).toEqual([]);
    expect(await axeViolations(supervisor.page)).toEqual([]);
    await supervisor.page.setViewportSize({ width: 1920, height: 1080 });
    await shot(supervisor.page, 'journal-1920.png');
    expect(await unfitControls(supervisor.page)).toEqual([]);
    expect(await axeViolations(supervisor.page)).toEqual([]);
    expect(screens.pageErrors).toEqual([]);
  });
});
