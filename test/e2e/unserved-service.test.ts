/**
 * A service added in Settings that no desk serves: the save warns, naming it, and the kiosk
 * (open all along) shows it as not working now, with no wait range. Once it is given to a
 * desk (in the Desks section, or from the warning in one step), the warning is gone and the
 * kiosk offers it as open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { KIOSK_TOKEN, assertBuilt, screenshotPath } from './support/env';
import { type TestServer, TestClock, startServer } from './support/server';

describe('a service no desk serves, in Chromium', () => {
  let screens: Screens;
  let server: TestServer;

  beforeAll(async () => {
    assertBuilt(['desk', 'kiosk']);
    screens = await launchScreens();
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
  });

  afterAll(async () => {
    await screens?.closePages();
    await server?.close();
    await screens?.close();
  });

  it('is warned about at the save and not offered at the kiosk until a desk is given it', async () => {
    const kiosk = await screens.open(`${server.url}/kiosk/?device=${KIOSK_TOKEN}`, {
      width: 1080,
      height: 1920,
    });
    await kiosk.locator('[data-category="billing"]').waitFor();

    const admin = await DeskPage.login(screens, server.url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();
    await page.getByTestId('admin').waitFor();
    await page.locator('[data-section="services"]').click();
    await page.getByTestId('entry-new').click();
    const form = page.getByTestId('entry-form');
    await form.locator('[data-field="code"] input').fill('dog-licence');
    await form.locator('[data-field="prefix"] input').fill('Д');
    await form.locator('input[name="name.uk"]').fill('Реєстрація собаки');
    await form.locator('input[name="name.ru"]').fill('Регистрация собаки');
    await form.locator('input[name="name.en"]').fill('Dog licence');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();

    const warning = page.getByTestId('config-unserved');
    await expect.poll(() => warning.textContent()).toContain('«Реєстрація собаки»');
    expect(await warning.getAttribute('role')).toBe('status');
    await page.screenshot({ path: screenshotPath('admin-unserved-warning.png') });

    await kiosk.locator('[data-category="billing"]').click();
    const tile = kiosk.locator('[data-service="dog-licence"]');
    await expect.poll(() => tile.textContent()).toContain('Реєстрація собаки');
    expect(await tile.getAttribute('data-open')).toBe('false');
    expect(await tile.textContent()).toContain('Зараз не працює');
    expect(await tile.textContent()).not.toContain('хв');

    await page.locator('[data-section="desks"]').click();
    await page.locator('[data-entry="desk-5"]').click();
    await page.getByTestId('service-weights').locator('input[type="search"]').fill('собак');
    await page.locator('[data-service="dog-licence"] input[type="checkbox"]').check();
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    await expect.poll(() => warning.count()).toBe(0);

    await expect.poll(() => tile.getAttribute('data-open')).toBe('true');
    expect(await tile.textContent()).toContain('Працює зараз');

    // Another new service, given to its organisation's desks from the warning itself.
    await page.locator('[data-section="services"]').click();
    await page.getByTestId('entry-new').click();
    await form.locator('[data-field="code"] input').fill('cat-licence');
    await form.locator('[data-field="prefix"] input').fill('К');
    await form.locator('input[name="name.uk"]').fill('Реєстрація кота');
    await form.locator('input[name="name.ru"]').fill('Регистрация кота');
    await form.locator('input[name="name.en"]').fill('Cat licence');
    await page.getByTestId('entry-save').click();
    await expect.poll(() => warning.textContent()).toContain('«Реєстрація кота»');
    const cat = kiosk.locator('[data-service="cat-licence"]');
    await expect.poll(() => cat.getAttribute('data-open')).toBe('false');
    await page.getByTestId('give-unserved').click();
    await expect.poll(() => warning.count()).toBe(0);
    const organisation = server.app.queue.centre.services.find(
      (service) => service.code === 'cat-licence',
    )!.organisationId;
    const desks = server.app.queue.centre.desks.filter((desk) => desk.organisationId === organisation);
    expect(desks.length).toBeGreaterThan(0);
    for (const desk of desks) expect(desk.services).toContainEqual({ code: 'cat-licence', weight: 1 });
    await expect.poll(() => cat.getAttribute('data-open')).toBe('true');
  });
});
