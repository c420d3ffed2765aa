/**
 * The appeals journal's settings in Chromium: an administrator sets the terms (working days,
 * a 15-day answer), names an organisation's higher body, and issues and revokes an Open311
 * partner's key; the next appeal is due by the new terms, a refusal names the new body, the
 * issued key files an appeal and the revoked one no longer does. Each screen fits a desk's
 * 1366x768 with nothing clipped, and axe finds nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './kiosk-support';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt } from './support/env';
import { unfitControls } from './support/fits';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

const SHOTS = '/tmp/appeal-settings-shots';

const fitsAndPasses = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await unfitControls(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
};

describe('appeals settings in Chromium', () => {
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

  it('sets the terms and a higher body, and issues and revokes a partner key', async () => {
    const app = await startServer({ clock: new TestClock() });
    server = app;
    const admin = await DeskPage.login(screens, app.url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();

    // Terms: working days, 15 days for the answer.
    await page.locator('[data-section="appeals"]').click();
    await page.locator('select[name="dayKind"]').selectOption('working');
    await page.locator('input[name="answerDays"]').fill('15');
    await fitsAndPasses(page, 'terms');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    expect(app.app.queue.centre.appeals).toMatchObject({ dayKind: 'working', answerDays: 15, totalDays: 21 });

    // The heat utility's higher body, as refusals will name it.
    await page.locator('[data-section="organisations"]').click();
    await page.locator('[data-entry="heat"]').click();
    const form = page.getByTestId('entry-form');
    await form.locator('input[name="higherBodyName.uk"]').fill('Державна інспекція енергетичного нагляду');
    await form
      .locator('input[name="higherBodyName.ru"]')
      .fill('Государственная инспекция энергетического надзора');
    await form.locator('input[name="higherBodyName.en"]').fill('State Energy Supervision Inspectorate');
    await form.locator('input[name="higherBodyContact"]').fill('0 800 100 200');
    await fitsAndPasses(page, 'organisation');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    const heat = app.app.queue.centre.organisations.find((entry) => entry.id === 'heat');
    expect(heat?.higherBody).toEqual({
      name: {
        uk: 'Державна інспекція енергетичного нагляду',
        ru: 'Государственная инспекция энергетического надзора',
        en: 'State Energy Supervision Inspectorate',
      },
      contact: '0 800 100 200',
    });

    // The next appeal follows them: registered Tuesday 24 November, 15 working days → 15 December.
    const supervisor = await app.connect((await app.login('supervisor', '2222')).token);
    const { appeal } = await okData(
      supervisor.emitWithAck('appeal:register', {
        requestId: rid(),
        channel: 'phone',
        topic: { organisationId: 'heat' },
        summary: 'Холодні батареї',
        text: 'Третій тиждень холодно.',
        applicant: { name: 'Олег Сидоренко', phone: '+380671112233' },
      }),
    );
    expect(appeal.answerDueDay).toBe('2026-12-15');
    for (const [event, extra] of [
      ['appeal:classify', { appealClass: 'A' }],
      ['appeal:assign', { organisationId: 'heat' }],
    ] as const) {
      await okData(
        supervisor.emitWithAck(event, { requestId: rid(), appealId: appeal.id, ...extra } as never),
      );
    }
    const refused = await okData(
      supervisor.emitWithAck('appeal:answer', {
        requestId: rid(),
        appealId: appeal.id,
        result: 'Температура в нормі за замірами.',
        favour: 'organisation',
      }),
    );
    expect(refused.resolution).toMatchObject({ higherBody: { contact: '0 800 100 200' } });

    // A partner's key: shown once, files an appeal, then revoked.
    await page.locator('[data-section="partners"]').click();
    await page.getByTestId('partner-name').fill('Міський контакт-центр 1551');
    await page.getByTestId('partner-issue').click();
    const key = (await page.getByTestId('partner-api-key').inputValue()) ?? '';
    expect(key).toMatch(/^o311_/);
    await fitsAndPasses(page, 'partner-issued');
    const file = () =>
      fetch(`${app.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: key,
          service_code: 'org.heat',
          description: 'Немає гарячої води',
          first_name: 'Ніна',
          phone: '+380501234567',
        }).toString(),
      });
    expect((await file()).status).toBe(201);
    const row = page.locator('[data-testid="partner-key-list"] tr', {
      hasText: 'Міський контакт-центр 1551',
    });
    await row.locator('[data-action="revoke"]').click();
    await row.locator('[data-action="confirm-revoke"]').click();
    await expect.poll(async () => (await file()).status).toBe(403);
    await fitsAndPasses(page, 'partner-revoked');
    expect(screens.pageErrors).toEqual([]);
  });
});
