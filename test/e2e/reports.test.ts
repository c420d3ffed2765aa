/**
 * The reports tab in Chromium: a supervisor opens it, asks for today's report by service and
 * sees the figures of the visits made in the test (worked out by hand below), the charts,
 * and gets the CSV export with the same figures. Needs the built front ends.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { kioskOf } from './support/queue';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

describe('reports in Chromium', () => {
  let screens: Screens;
  let server: TestServer;

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('shows a supervisor today’s figures by service, charts them and exports them', async () => {
    const { clock } = server;
    const kiosk = await kioskOf(server);
    const first = await kiosk.issue('bill-reconcile');
    const second = await kiosk.issue('bill-reconcile');
    const operator = await server.connect((await server.login('operator1', '1111')).token);
    const act = (event: 'visit:start' | 'visit:complete' | 'visit:no-show', ticketId: string) =>
      okData(operator.emitWithAck(event, { requestId: rid(), ticketId }));
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    // First: waits 4 min, served 6 min. Second: waits 12 min, does not come.
    clock.advanceMinutes(4);
    await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
    clock.advanceMinutes(1);
    await act('visit:start', first.id);
    clock.advanceMinutes(6);
    await act('visit:complete', first.id);
    clock.advanceMinutes(1);
    await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
    clock.advanceMinutes(3);
    await act('visit:no-show', second.id);

    const desk = await DeskPage.login(screens, server.url, 'supervisor', '2222');
    await desk.page.locator('[data-tab="reports"]').click();
    await desk.page.getByRole('button', { name: 'Показати', exact: true }).click();
    const row = desk.page.locator('[data-testid="report-table"] tr[data-key="bill-reconcile"]');
    const cell = (column: string) => row.locator(`td[data-column="${column}"]`).textContent();
    await expect.poll(() => cell('issued')).toBe('2');
    expect(await row.locator('th').textContent()).toBe('Звірка нарахувань');
    expect(await cell('served')).toBe('1');
    expect(await cell('noShow')).toBe('1');
    // Waits 4 and 12 min: mean 8, max 12; both within 15 min. Service 6 min.
    expect(await cell('waitMean')).toBe('8');
    expect(await cell('waitMax')).toBe('12');
    expect(await cell('serviceMean')).toBe('6');
    expect(await cell('withinStandardPercent')).toBe('100');
    // Both arrived at 10 h on a Tuesday.
    expect(await desk.page.locator('[data-testid="chart-hour"] g[data-value="2"]').count()).toBe(1);
    expect(await desk.page.locator('[data-testid="chart-weekday"] g').nth(1).getAttribute('data-value')).toBe(
      '2',
    );
    await desk.page.screenshot({ path: screenshotPath('desk-reports.png') });

    const download = desk.page.waitForEvent('download');
    await desk.page.getByRole('button', { name: 'Експорт CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('report-2026-11-24-2026-11-24-service.csv');
    const path = await file.path();
    const csv = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    expect(csv).toContain('Звірка нарахувань,2,1,1,0,0,8,8,12,12,6,6,6,6,100,,0,0,0,');
  });
});
