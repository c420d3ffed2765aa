/**
 * The kiosk's tile shows the wait of the path the visitor is on: after a priority claim, the
 * wait of a priority visitor (called ahead of the walk-ins), not the walk-ins' wait.
 */
import type { ServiceCode } from '@queue/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { KIOSK_TOKEN, assertBuilt, screenshotPath } from './support/env';
import { kioskOf } from './support/queue';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

const SERVICE = 'bill-reconcile' as ServiceCode;

describe('the kiosk tile on the priority path', () => {
  let screens: Screens;
  let server: TestServer | undefined;

  beforeAll(async () => {
    assertBuilt(['kiosk']);
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

  it('shows a visitor with a priority claim their own wait, shorter than the walk-ins’', async () => {
    const app = (server = await startServer({ clock: new TestClock(), tickMs: 100 }));
    const operator = await app.connect((await app.login('operator1', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    const kiosk = await kioskOf(app);
    for (let i = 0; i < 5; i += 1) await kiosk.issue(SERVICE);
    await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));

    const load = app.app.queue.summary().services[SERVICE];
    const walkIn = load?.estimate;
    const priority = load?.priorityEstimate;
    expect(walkIn && priority).toBeTruthy();
    expect(priority?.highMinutes ?? Infinity).toBeLessThan(walkIn?.highMinutes ?? 0);
    const range = (estimate: typeof walkIn): string =>
      estimate?.highMinutes === 0
        ? 'Без очікування'
        : `≈ ${estimate?.lowMinutes}–${estimate?.highMinutes} хв`;

    const page = await screens.open(`${app.url}/kiosk/?device=${KIOSK_TOKEN}`, { width: 1080, height: 1920 });
    await page.locator('[data-category="billing"]').click();
    const tile = page.locator(`[data-service="${SERVICE}"]`);
    await expect.poll(() => tile.textContent()).toContain(range(walkIn));

    await page.locator('.back-button').click();
    await page.locator('[data-action="priority"]').click();
    await page.locator('[data-priority="veteran"]').click();
    await page.locator('[data-category="billing"]').click();
    await expect.poll(() => tile.textContent()).toContain(range(priority));
    await page.screenshot({ path: screenshotPath('kiosk-priority-tile.png') });
    expect(screens.pageErrors).toEqual([]);
  });
});
