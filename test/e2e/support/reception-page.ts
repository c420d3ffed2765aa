/** The reception panel as a test drives it: build a route, issue, find, change, cancel. */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { DeskPage } from './desk-page';

export class ReceptionPage {
  constructor(readonly desk: DeskPage) {}

  private get form(): Locator {
    return this.desk.page.getByTestId('issue-form');
  }

  private get search(): Locator {
    return this.desk.page.getByTestId('ticket-search');
  }

  /** Type in the service search until `code` is the one chosen, then Enter adds it to the route. */
  async addToRoute(query: string, code: string): Promise<void> {
    await this.form.getByRole('searchbox').fill(query);
    await expect.poll(() => this.form.getByRole('listbox').inputValue()).toBe(code);
    await this.form.getByRole('searchbox').press('Enter');
    await this.form.locator(`[data-testid="route"] [data-service="${code}"]`).waitFor();
  }

  /** Issue the ticket as filled in; the number reception tells the visitor. */
  async issue(note?: string): Promise<string> {
    if (note) await this.form.getByRole('textbox', { name: 'Примітка для оператора' }).fill(note);
    await this.desk.run('issue');
    return (await this.desk.page.getByTestId('issued-number').textContent()) ?? '';
  }

  /** Look a number up as typed; the card of the ticket with the printed `number`. */
  async find(typed: string, number: string): Promise<Locator> {
    await this.search.getByRole('searchbox').fill(typed);
    await this.search.getByRole('searchbox').press('Enter');
    const card = this.search.locator(`[data-testid="ticket-card"][data-number="${number}"]`);
    await card.waitFor();
    return card;
  }

  async changeService(card: Locator, query: string, code: string, reason: string): Promise<void> {
    await card.locator('[data-action="change-service"]').click();
    const dialog = this.desk.dialog('change-service-dialog');
    await dialog.getByRole('searchbox').fill(query);
    await expect.poll(() => dialog.getByRole('listbox').inputValue()).toBe(code);
    await dialog.getByRole('textbox', { name: 'Причина' }).fill(reason);
    await this.desk.confirm('change-service-dialog');
  }

  async cancel(card: Locator, reason: string): Promise<void> {
    await card.locator('[data-action="cancel"]').click();
    await this.desk.dialog('cancel-dialog').getByRole('textbox').fill(reason);
    await this.desk.confirm('cancel-dialog');
  }
}
