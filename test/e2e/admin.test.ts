/**
 * Administration and the supervisor's monitor in Chromium against a real server: an
 * administrator adds a service and gives it to a desk in the desk app; the kiosk, already
 * open, shows it without a reload and issues it; the operator at that desk calls it; an
 * invalid configuration import is refused with its problems and changes nothing. A
 * supervisor sees a desk on a break with its reason and a queue past its waiting standard,
 * opens a closed desk and moves a desk to other services.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { KIOSK_TOKEN, assertBuilt, screenshotPath } from './support/env';
import { deskByIdOf, kioskOf } from './support/queue';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

describe('administration and monitor in Chromium', () => {
  let screens: Screens;
  let server: TestServer | undefined;

  const serve = async (): Promise<TestServer> => {
    server = await startServer({ clock: new TestClock(), tickMs: 100 });
    return server;
  };

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

  it('adds a service, gives it to a desk: the open kiosk issues it and the desk calls it; a bad import changes nothing', async () => {
    const app = await serve();
    const kiosk = await screens.open(`${app.url}/kiosk/?device=${KIOSK_TOKEN}`, {
      width: 1080,
      height: 1920,
    });
    await kiosk.locator('[data-category="billing"]').waitFor();

    const admin = await DeskPage.login(screens, app.url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();
    await page.getByTestId('admin').waitFor();
    const versionBefore = await page.getByTestId('config-version').textContent();

    // A new service, in the first category (bills and payments).
    await page.locator('[data-section="services"]').click();
    await page.getByTestId('entry-new').click();
    const form = page.getByTestId('entry-form');
    await form.locator('[data-field="code"] input').fill('dog-licence');
    await form.locator('[data-field="prefix"] input').fill('Д');
    await form.locator('input[name="name.uk"]').fill('Реєстрація собаки');
    await form.locator('input[name="name.ru"]').fill('Регистрация собаки');
    await form.locator('input[name="name.en"]').fill('Dog licence');
    await form.locator('[data-field="waitingStandardMinutes"] input').fill('20');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    expect(app.app.queue.centre.services.find((service) => service.code === 'dog-licence')).toMatchObject({
      prefix: 'Д',
      waitingStandardMinutes: 20,
      onKiosk: true,
      categoryId: 'billing',
    });

    // Desk 5 serves it too.
    await page.locator('[data-section="desks"]').click();
    await page.locator('[data-entry="desk-5"]').click();
    await page.getByTestId('service-weights').locator('input[type="search"]').fill('собак');
    await page.locator('[data-service="dog-licence"] input[type="checkbox"]').check();
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    await page.screenshot({ path: screenshotPath('admin-desk-services.png') });
    expect(app.app.queue.centre.desks.find((desk) => desk.id === 'desk-5')?.services).toContainEqual({
      code: 'dog-licence',
      weight: 1,
    });

    // The kiosk, open all along, shows the new service and issues it.
    await kiosk.locator('[data-category="billing"]').click();
    const tile = kiosk.locator('[data-service="dog-licence"]');
    await expect.poll(() => tile.textContent()).toContain('Реєстрація собаки');
    await tile.click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toContain('Д-001');

    const operator = await DeskPage.login(screens, app.url, 'operator5', '1111');
    await operator.openDesk();
    await operator.run('callNext');
    await operator.expectCurrent('Д-001');

    // An invalid import is refused with its problems, translated; nothing changes.
    const before = JSON.stringify(app.app.queue.centre);
    const versionNow = await page.getByTestId('config-version').textContent();
    expect(versionNow).not.toBe(versionBefore);
    const broken = {
      ...app.app.queue.centre,
      site: { ...app.app.queue.centre.site, timeZone: 'Europe/Atlantis' },
      services: app.app.queue.centre.services.map((service) =>
        service.code === 'dog-licence' ? { ...service, prefix: 'D1' } : service,
      ),
    };
    await page.locator('[data-section="transfer"]').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'centre.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const problems = page.getByTestId('config-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('невідомий часовий пояс «Europe/Atlantis»');
    expect(await problems.textContent()).toContain('services › dog-licence › prefix');
    await page.screenshot({ path: screenshotPath('admin-import-refused.png') });
    expect(JSON.stringify(app.app.queue.centre)).toBe(before);
    expect(await page.getByTestId('config-version').textContent()).toBe(versionNow);

    // A file that is not JSON at all is refused before it reaches the server.
    await page.getByTestId('import-file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await expect.poll(() => page.getByTestId('transfer-message').textContent()).toContain('не є JSON');
    expect(JSON.stringify(app.app.queue.centre)).toBe(before);
    expect(screens.pageErrors).toEqual([]);
  });

  it('creates a member of staff who logs in, resets the password, and adds a holiday', async () => {
    const app = await serve();
    const admin = await DeskPage.login(screens, app.url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();
    await page.locator('[data-section="staff"]').click();
    await page.getByTestId('entry-new').click();
    const form = page.getByTestId('entry-form');
    await form.locator('[data-field="login"] input').fill('olena');
    await form.locator('[data-field="name"] input').fill('Олена Петренко');
    await form.locator('[data-field="organisationIds"] input[value="centre"]').check();
    await form.locator('[data-field="deskId"] select').selectOption('desk-3');
    await form.locator('[data-field="active"] input').check();
    await form.locator('[data-field="secret"] input').fill('first-pass');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    await page.locator('[data-entry="olena"]').waitFor();

    // Desk 5 is the passport office's, not the centre's: refused, in the operator's language.
    const elsewhere = await screens.open(`${app.url}/desk/`);
    await elsewhere.getByLabel('Логін').fill('olena');
    await elsewhere.getByLabel('Пароль або PIN').fill('first-pass');
    await elsewhere.getByLabel('Робоче місце').selectOption('desk-5');
    await elsewhere.getByRole('button', { name: 'Увійти' }).click();
    await elsewhere.getByText('Це робоче місце належить організації, у якій ви не працюєте.').waitFor();

    const olena = await DeskPage.login(screens, app.url, 'olena', 'first-pass');
    await olena.openDesk();
    expect(deskByIdOf(app, 'desk-3')).toMatchObject({ status: 'open', operatorId: 'olena' });

    await page.locator('[data-entry="olena"]').click();
    const reset = page.getByTestId('password-reset');
    await reset.locator('input').fill('second-pass');
    await reset.getByRole('button').click();
    await expect.poll(() => reset.textContent()).toContain('Пароль змінено');
    await expect(app.login('olena', 'first-pass')).rejects.toThrow();
    await app.login('olena', 'second-pass');

    // New Year's Day closed, and 31 December until 15:00.
    await page.locator('[data-section="site"]').click();
    await page.getByRole('button', { name: 'Додати день' }).click();
    await page.getByRole('button', { name: 'Додати день' }).click();
    const first = page.locator('[data-special="0"] input');
    await first.nth(0).fill('2027-01-01');
    const second = page.locator('[data-special="1"] input');
    await second.nth(0).fill('2026-12-31');
    await second.nth(1).fill('08:00');
    await second.nth(2).fill('15:00');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    expect(app.app.queue.centre.site.specialDays).toEqual([
      { date: '2027-01-01', hours: [] },
      { date: '2026-12-31', hours: [{ from: '08:00', to: '15:00' }] },
    ]);

    // Bookings: a quarter of the desks' time kept for walk-ins, a week ahead.
    const bookedServices = app.app.queue.centre.booking?.services;
    await page.locator('[data-section="booking"]').click();
    await page.locator('input[name="walkInShare"]').fill('0.25');
    await page.locator('input[name="horizonDays"]').fill('7');
    // And the booking page's limits against abuse.
    await page.locator('input[name="publicPerAddressPerDay"]').fill('2');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    expect(app.app.queue.centre.booking).toMatchObject({
      enabled: true,
      walkInShare: 0.25,
      horizonDays: 7,
      publicPerAddressPerDay: 2,
      services: bookedServices,
    });
    // A share of 1 would leave nothing to book: refused with its reason, nothing changed.
    await page.locator('input[name="walkInShare"]').fill('1');
    await page.getByTestId('entry-save').click();
    await expect.poll(() => app.app.queue.centre.booking?.walkInShare).toBe(0.25);
    await expect
      .poll(() => page.getByTestId('config-problems').textContent())
      .toContain('booking › walkInShare: має бути частка від 0 до менше ніж 1, а не 1');
    expect(screens.pageErrors).toEqual([]);
  });

  it('shows a supervisor a paused desk with its reason and a queue past its standard; opens and moves desks', async () => {
    const app = await serve();
    const kiosk = await kioskOf(app);
    await kiosk.issue('bill-reconcile');
    const operator = await app.connect((await app.login('operator2', '1111')).token);
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    await okData(operator.emitWithAck('desk:pause', { requestId: rid(), reason: 'Обідня перерва' }));
    // The visitor has waited 20 minutes against a standard of 15.
    app.clock.advanceMinutes(20);
    await kiosk.issue('bill-reconcile');

    const supervisor = await DeskPage.login(screens, app.url, 'supervisor', '2222');
    const page = supervisor.page;
    await page.locator('[data-tab="monitor"]').click();
    const monitor = page.getByTestId('monitor');
    await monitor.waitFor();

    const paused = monitor.locator('[data-desk="desk-2"]');
    await expect.poll(() => paused.getAttribute('data-status')).toBe('paused');
    expect(await paused.textContent()).toContain('Обідня перерва');
    const service = monitor.locator('[data-testid="monitor-services"] [data-service="bill-reconcile"]');
    await expect.poll(() => service.locator('[data-cell="over"]').textContent()).toBe('1');
    expect(await service.getAttribute('class')).toContain('risk--over');
    const warning = monitor.locator('[data-testid="monitor-warnings"] [data-service="bill-reconcile"]');
    expect(await warning.textContent()).toContain('Понад норматив');
    await page.screenshot({ path: screenshotPath('monitor.png') });

    // Open a closed desk on the spot: the supervisor serves at it.
    const desk7 = monitor.locator('[data-desk="desk-7"]');
    await desk7.getByRole('button', { name: 'Відкрити' }).click();
    await expect.poll(() => desk7.getAttribute('data-status')).toBe('open');
    expect(deskByIdOf(app, 'desk-7')).toMatchObject({ status: 'open', operatorId: 'supervisor' });

    // Move desk 7 to the police officer's service only.
    await desk7.locator('[data-action="assign"]').click();
    const dialog = page.getByTestId('assign-services');
    await dialog.waitFor();
    const checked = dialog.locator('input[type="checkbox"]:checked');
    while ((await checked.count()) > 0) await checked.first().uncheck();
    await dialog.locator('input[type="search"]').fill('police');
    await dialog.locator('[data-service="police-officer"] input[type="checkbox"]').check();
    await dialog.getByTestId('dialog-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.app.queue.centre.desks.find((desk) => desk.id === 'desk-7')?.services).toEqual([
      { code: 'police-officer', weight: 1 },
    ]);

    // Close it again, so that an operator may take it.
    await desk7.locator('[data-action="close"]').click();
    await expect.poll(() => desk7.getAttribute('data-status')).toBe('closed');
    expect(deskByIdOf(app, 'desk-7')?.status).toBe('closed');
    expect(screens.pageErrors).toEqual([]);
  });
});
