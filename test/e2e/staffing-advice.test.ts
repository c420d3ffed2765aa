/**
 * The staffing advisor on the supervisor's monitor, in Chromium against a real server: the
 * benefits office's only desk is on a break while its queue grows; the monitor proposes ending
 * the break, with the forecast with and without it; the supervisor applies it with one click,
 * the desk is open again, and the proposal is gone. Every proposal's forecast is the core's.
 */
import { adviseStaffing, instant } from '@queue/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './kiosk-support';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { deskByIdOf, kioskOf } from './support/queue';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

describe('the staffing advisor on the monitor', () => {
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

  it('proposes ending the only benefits desk’s break, and applies it with one click', async () => {
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
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-tab="monitor"]').click();
    const advice = page.getByTestId('staffing-advice');
    const proposal = advice.locator('[data-kind="end-break"][data-desk="desk-6"]');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('Завершити перерву: Вікно 6');

    // The figures shown are the core advisor's over the server's own state.
    const expected = adviseStaffing(app.app.queue.centre, app.app.queue.state, instant(app.clock.now()));
    const endBreak = expected.proposals.find((entry) => entry.proposal.kind === 'end-break');
    expect(endBreak).toBeDefined();
    const subsidy = proposal.locator('[data-service="ben-subsidy"]');
    const before = Math.round(endBreak?.before['ben-subsidy' as never] ?? NaN);
    const after = Math.round(endBreak?.after['ben-subsidy' as never] ?? NaN);
    expect(before).toBeGreaterThan(after);
    expect(await subsidy.textContent()).toContain(`${before} → ${after} хв`);

    await page.screenshot({ path: screenshotPath('monitor-staffing-advice.png') });
    expect(await unfitControls(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await unfitControls(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('monitor-staffing-advice-1080p.png') });

    await proposal.locator('[data-action="apply-advice"]').click();
    await expect.poll(() => deskByIdOf(app, 'desk-6')?.status).toBe('open');
    await proposal.waitFor({ state: 'detached' });
    // The desk's next call takes the overloaded service.
    const called = await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(JSON.stringify(called)).toMatch(/ben-(subsidy|privilege)/);
    expect(screens.pageErrors).toEqual([]);
  });
});
