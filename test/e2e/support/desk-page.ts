/**
 * The desk web app as a test drives it: log in, press the operator's buttons (waiting for
 * them to be enabled, as a person would), read the visitor on screen, use the dialogs.
 */
import type { LoginAnswer } from '@queue/protocol';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Screens } from './browser';

export type DeskAction =
  | 'open'
  | 'callNext'
  | 'recall'
  | 'start'
  | 'complete'
  | 'noShow'
  | 'transfer'
  | 'postpone'
  | 'pause'
  | 'resume'
  | 'pickTicket'
  | 'endShift'
  | 'logout'
  | 'issue'
  | 'book';

export class DeskPage {
  constructor(readonly page: Page) {}

  /** Open the desk app in a new context and log in (at the assigned desk unless one is named). */
  static async login(screens: Screens, base: string, login: string, secret: string, deskId?: string) {
    const page = await screens.open(`${base}/desk/`);
    await page.getByLabel('Логін').fill(login);
    await page.getByLabel('Пароль або PIN').fill(secret);
    if (deskId) await page.getByLabel('Робоче місце').selectOption(deskId);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.locator('.desk__tab').first().waitFor();
    return new DeskPage(page);
  }

  action(id: DeskAction): Locator {
    return this.page.locator(`[data-action="${id}"]`);
  }

  async waitEnabled(id: DeskAction): Promise<void> {
    await expect.poll(() => this.action(id).isEnabled(), { timeout: 10_000 }).toBe(true);
  }

  /** Click a button once it is enabled. */
  async run(id: DeskAction): Promise<void> {
    await this.waitEnabled(id);
    await this.action(id).click();
  }

  /**
   * Press the shortcut of an action once its button is enabled: a key does nothing while
   * the previous command still awaits its answer.
   */
  async press(key: string, action: DeskAction): Promise<void> {
    await this.waitEnabled(action);
    await this.page.keyboard.press(key);
  }

  async openDesk(): Promise<void> {
    await this.run('open');
    await expect.poll(() => this.page.getByTestId('desk-status').textContent()).toContain('Відкрито');
  }

  currentNumber(): Promise<string | null> {
    return this.page
      .getByTestId('current-number')
      .textContent({ timeout: 1_000 })
      .catch(() => null);
  }

  async expectCurrent(number: string | null): Promise<void> {
    await expect.poll(() => this.currentNumber(), { timeout: 10_000 }).toBe(number);
  }

  async expectState(state: 'called' | 'serving'): Promise<void> {
    await expect.poll(() => this.page.getByTestId('visitor').getAttribute('data-status')).toBe(state);
  }

  refusal(): Promise<string | null> {
    return this.page.locator('.desk__work .refusal').getAttribute('data-code');
  }

  dialog(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Confirm the open dialog with its button, and wait for it to close. */
  async confirm(testId: string): Promise<void> {
    const dialog = this.dialog(testId);
    await expect.poll(() => dialog.getByTestId('dialog-confirm').isEnabled()).toBe(true);
    await dialog.getByTestId('dialog-confirm').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Finish the visit in hand with the outcome of that label. */
  async complete(outcome?: string): Promise<void> {
    await this.run('complete');
    if (outcome) await this.dialog('complete-dialog').getByLabel(outcome).check();
    await this.confirm('complete-dialog');
  }

  async callNextAndStart(): Promise<string> {
    await this.run('callNext');
    await this.expectState('called');
    const number = (await this.currentNumber()) ?? '';
    await this.run('start');
    await this.expectState('serving');
    return number;
  }

  async tab(name: 'operator' | 'reception'): Promise<void> {
    await this.page.locator(`[data-tab="${name}"]`).click();
  }

  /** The session this page logged in with (its token, for a raw socket). */
  async session(): Promise<LoginAnswer> {
    // A string, not a function: this file is compiled without the DOM's types.
    const raw = (await this.page.evaluate("window.sessionStorage.getItem('queue.desk.session')")) as
      string | null;
    return JSON.parse(raw ?? 'null') as LoginAnswer;
  }
}
