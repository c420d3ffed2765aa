/**
 * A real centre from nothing, in Chromium: the server started exactly as the systemd unit
 * starts it (its ExecStart and Environment lines, read from deploy/systemd) on an empty
 * database waits in setup mode; the setup page, which fits a laptop and a phone and has no
 * accessibility violations, refuses a weak password with a clear message, then sets the
 * centre up; the same process then runs the centre: the new administrator logs in at the
 * desk, pairs a kiosk, a visitor takes a ticket there and the administrator calls it.
 * Needs the built front ends (`npm run build`, which `npm test` runs first).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { ROOT, assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { axeViolations } from './kiosk-support';

const PASSWORD = 'три-слова-на-дошці';
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 640 };

/** The unit's command line and environment, as systemd would run them. */
const readUnit = (): { command: string; args: string[]; env: Record<string, string> } => {
  const unit = readFileSync(join(ROOT, 'deploy', 'systemd', 'queue-centre.service'), 'utf8');
  const env = Object.fromEntries(
    [...unit.matchAll(/^Environment=(\w+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']),
  );
  const [command = '', ...args] = (/^ExecStart=(.+)$/m.exec(unit)?.[1] ?? '').split(' ');
  return { command, args, env };
};

const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Every axe-core violation, whatever its impact (after `axeViolations` has loaded axe). */
const anyAxeViolations = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run(): Promise<{ violations: { id: string; impact: string | null }[] }> };
    };
    return (await axe.run()).violations.map((violation) => `${violation.impact ?? ''} ${violation.id}`);
  });

describe('first run in Chromium, as the systemd unit starts the server', () => {
  let screens: Screens;
  let server: ChildProcess | undefined;
  let output = '';
  let base = '';
  const dir = mkdtempSync(join(tmpdir(), 'queue-first-run-e2e-'));

  beforeAll(async () => {
    assertBuilt(['kiosk', 'desk']);
    const unit = readUnit();
    expect(unit.env.QUEUE_DEMO).toBe('0');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The unit's own settings; only where the data lives and the address differ (a test
    // machine has no /var/lib/queue-centre, and listens on loopback).
    server = spawn(unit.command, unit.args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dir,
        ...unit.env,
        QUEUE_DB: join(dir, 'queue.sqlite'),
        QUEUE_BACKUP_DIR: join(dir, 'backups'),
        QUEUE_PORT: String(port),
        QUEUE_HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolveReady, reject) => {
      const read = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        if (output.includes('/setup')) resolveReady();
      };
      server?.stdout?.on('data', read);
      server?.stderr?.on('data', read);
      server?.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
    });
    screens = await launchScreens();
  }, 60_000);

  afterAll(async () => {
    await screens?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolveExit) => server?.once('exit', resolveExit));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const fill = async (page: Page): Promise<void> => {
    await page.getByLabel('Назва центру').fill('ЦНАП Оболонь');
    // All day, every day: the test may run at any hour.
    for (const group of ['Понеділок–пʼятниця', 'Субота й неділя']) {
      const hours = page.getByRole('group', { name: group });
      await hours.getByLabel('Відкриття').fill('00:00');
      await hours.getByLabel('Закриття').fill('23:59');
    }
    await page.getByLabel('Логін').fill('olena');
    await page.getByLabel('Імʼя та прізвище').fill('Олена Коваль');
  };

  it('says where the setup page is, and answers nothing else meanwhile', async () => {
    expect(output).toContain(`localhost:${new URL(base).port}/setup`);
    expect(output).toMatch(/setup code [2-9A-Z]{4}-[2-9A-Z]{4}/);
    expect((await fetch(`${base}/api/desks`)).status).toBe(503);
    expect(server?.exitCode).toBeNull();
  });

  it('lays the setup page out for a phone and a laptop, without accessibility violations', async () => {
    for (const [name, viewport] of [
      ['phone', PHONE],
      ['laptop', LAPTOP],
    ] as const) {
      const page = await screens.open(`${base}/setup`, viewport);
      expect(await page.getByRole('combobox', { name: 'Часовий пояс' }).inputValue()).toBe('Europe/Kyiv');
      expect(await page.getByLabel('Код налаштування').count()).toBe(0);
      expect(await unfitControls(page), name).toEqual([]);
      expect(await axeViolations(page), name).toEqual([]);
      expect(await anyAxeViolations(page), name).toEqual([]);
      await page.screenshot({ path: screenshotPath(`first-run-setup-${name}.png`), fullPage: true });
    }
    const english = await screens.open(`${base}/setup?lang=en`, PHONE);
    expect(await english.getByRole('heading', { level: 1 }).textContent()).toBe('Centre setup');
    await screens.closePages();
  });

  it('refuses a weak password with a clear message beside the field, and writes nothing', async () => {
    const page = await screens.open(`${base}/setup`, PHONE);
    await fill(page);
    await page
      .getByLabel(/Файл конфігурації/)
      .first()
      .check();
    const file = page.getByLabel('Файл конфігурації (.json)');
    await file.setInputFiles({
      name: 'centre.json',
      mimeType: 'application/json',
      buffer: Buffer.from('not json'),
    });
    await page.getByRole('button', { name: 'Налаштувати центр' }).click();
    await page.getByRole('alert').getByText('Це не файл конфігурації').waitFor();
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/Типовий перелік/).check();
    await page.getByLabel('Пароль', { exact: true }).fill('admin');
    await page.getByLabel('Пароль ще раз').fill('admin1');
    await page.getByRole('button', { name: 'Налаштувати центр' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Пароль має містити щонайменше 10 символів').waitFor();
    await expect.poll(() => summary.textContent()).toContain('Паролі не збігаються.');
    expect(await page.getByLabel('Пароль', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#password-error').textContent()).toContain('щонайменше 10 символів');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('errors');
    expect(await unfitControls(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await anyAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('first-run-setup-errors-phone.png'), fullPage: true });
    expect((await fetch(`${base}/api/desks`)).status).toBe(503);
    await screens.closePages();
  });

  it('sets the centre up; the administrator pairs a kiosk, and calls the ticket taken there', async () => {
    const setup = await screens.open(`${base}/setup`, LAPTOP);
    await fill(setup);
    await setup.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await setup.getByLabel('Пароль ще раз').fill(PASSWORD);
    expect(await setup.getByLabel(/Типовий перелік/).isChecked()).toBe(true);
    await setup.getByRole('button', { name: 'Налаштувати центр' }).click();
    const deskLink = setup.getByRole('link', { name: 'Відкрити робоче місце (/desk/)' });
    await deskLink.waitFor();
    expect(await setup.getByRole('heading', { name: 'Центр налаштовано' }).isVisible()).toBe(true);
    expect(await axeViolations(setup)).toEqual([]);
    expect(await anyAxeViolations(setup)).toEqual([]);
    await setup.screenshot({ path: screenshotPath('first-run-setup-done.png'), fullPage: true });
    // The same process runs the centre: no restart.
    expect(server?.exitCode).toBeNull();
    expect(((await (await fetch(`${base}/health`)).json()) as { status: string }).status).toBe('ok');

    await deskLink.click();
    await setup.getByLabel('Логін').fill('olena');
    await setup.getByLabel('Пароль або PIN').fill(PASSWORD);
    await setup.getByLabel('Робоче місце').selectOption('desk-1');
    await setup.getByRole('button', { name: 'Увійти' }).click();
    await setup.locator('.desk__tab').first().waitFor();
    const desk = new DeskPage(setup);

    const kiosk = await screens.open(`${base}/kiosk/`, { width: 1080, height: 1920 });
    await kiosk.getByTestId('pairing-code').waitFor();
    const code = ((await kiosk.getByTestId('pairing-code').textContent()) ?? '').replace(/\s/g, '');
    await desk.page.locator('[data-tab="devices"]').click();
    const request = desk.page.locator(`tr[data-code="${code}"]`);
    await request.waitFor();
    await request.getByLabel('Назва').fill('Кіоск у холі');
    await request.locator('[data-action="approve"]').click();

    await kiosk.locator('[data-category="billing"]').click();
    const tile = kiosk.locator('[data-service="bill-reconcile"]');
    await expect.poll(() => tile.isEnabled(), { timeout: 10_000 }).toBe(true);
    await tile.click();
    // No printer is set up yet: the kiosk offers the ticket on screen.
    const onScreen = kiosk.getByRole('button', { name: 'Так, показати на екрані' });
    const number = kiosk.getByTestId('ticket-number');
    await expect
      .poll(async () => (await onScreen.count()) + (await number.count()), { timeout: 10_000 })
      .toBeGreaterThan(0);
    if ((await onScreen.count()) > 0) await onScreen.click();
    const issued = (await number.textContent()) ?? '';
    expect(issued).toMatch(/^\S+-\d{3}$/);
    await kiosk.screenshot({ path: screenshotPath('first-run-kiosk-ticket.png') });

    await desk.page.locator('[data-tab="operator"]').click();
    await desk.openDesk();
    await desk.run('callNext');
    await desk.expectCurrent(issued);
    await desk.page.screenshot({ path: screenshotPath('first-run-desk-called.png') });
    expect(screens.pageErrors).toEqual([]);
  });
});
