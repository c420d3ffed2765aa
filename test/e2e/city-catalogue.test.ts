/**
 * The city catalogue in the desk app's Settings, in Chromium: a real hub on a real
 * PostgreSQL publishes a catalogue; the centre (a real server) fetches it; the administrator
 * sees the version and the changes in words, applies it after confirming, and the screen
 * says so; the centre's configuration has the new service. Each step fits a desk's 1366x768
 * with nothing clipped, and axe finds nothing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRE, type Instant, type Service, catalogueOfCentre } from '@queue/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Application, createApplication } from '../../apps/server/src/app';
import { silentLogger } from '../../apps/server/src/logger';
import { ADMIN_TOKEN, type TestHub, call, enrolCentre, startHub } from '../hub/support';
import { ManualTimers } from '../support/manual-timers';
import { type TestPostgres, startPostgres } from '../support/postgres';
import { axeViolations } from './kiosk-support';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { WEEKDAY_10AM, assertBuilt } from './support/env';
import { unfitControls } from './support/fits';

const SHOTS = '/tmp/city-catalogue-shots';

const fitsAndPasses = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await unfitControls(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
};

const text = (value: string) => ({ uk: value, ru: value, en: value });
const [FIRST, SECOND] = DEMO_CENTRE.services as [Service, Service, ...Service[]];

describe('the city catalogue in the desk settings', () => {
  let screens: Screens;
  let postgres: TestPostgres;
  let hub: TestHub;
  let app: Application | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'queue-catalogue-e2e-'));

  beforeAll(async () => {
    assertBuilt(['desk']);
    mkdirSync(SHOTS, { recursive: true });
    postgres = await startPostgres();
    hub = await startHub(postgres);
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await app?.close();
    await hub?.close();
    await postgres?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the offer in words and applies it after a confirmation', async () => {
    const base = catalogueOfCentre(DEMO_CENTRE);
    const published = await call(hub.url, 'POST', '/api/hub/admin/catalogue', {
      token: ADMIN_TOKEN,
      body: {
        ...base,
        services: [
          { ...FIRST, name: { ...FIRST.name, uk: 'Перейменована містом послуга' } },
          ...base.services.slice(1),
          { ...SECOND, code: 'city-new', name: text('Нова послуга міста'), prefix: 'Н' },
        ],
      },
    });
    expect(published.status).toBe(200);
    const { key } = await enrolCentre(hub.url, 'Podil');
    const timers = new ManualTimers();
    app = await createApplication({
      databaseFile: join(dir, 'queue.sqlite'),
      seedDemo: true,
      clock: { now: () => WEEKDAY_10AM as Instant },
      logger: silentLogger,
      timers,
      hub: { url: hub.url, key },
    });
    const url = `http://127.0.0.1:${await app.listen(0)}`;

    const admin = await DeskPage.login(screens, url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();
    await page.locator('[data-section="hub"]').click();
    // The server has not asked the hub yet (its timers wait): the administrator asks.
    await page.getByTestId('city-catalogue').waitFor();
    await page.getByRole('button', { name: 'Запитати хаб' }).click();
    const changes = page.getByTestId('city-catalogue-changes');
    await changes.waitFor();
    expect(await page.getByTestId('city-catalogue-offered').textContent()).toContain('версію 1');
    const words = (await changes.textContent()) ?? '';
    expect(words).toContain('Змінюється: Перейменована містом послуга (назва)');
    expect(words).toContain('Додається: Нова послуга міста');
    expect(await page.getByTestId('city-catalogue-unserved').textContent()).toContain('Нова послуга міста');
    expect(words).not.toMatch(/[{}"]/);
    await fitsAndPasses(page, 'offer');

    await page.locator('[data-action="apply-catalogue"]').click();
    await page.getByTestId('city-catalogue-confirm').waitFor();
    await fitsAndPasses(page, 'confirm');
    await page.locator('[data-action="confirm-apply-catalogue"]').click();
    await page.getByTestId('city-catalogue-done').waitFor();
    await page.getByTestId('city-catalogue-up-to-date').waitFor();
    expect(await page.getByTestId('city-catalogue-applied').textContent()).toContain('версію 1');
    await fitsAndPasses(page, 'applied');

    expect(app.queue.centre.services.some((service) => service.code === 'city-new')).toBe(true);
    expect(screens.pageErrors).toEqual([]);
  });
});
