/**
 * The kiosk in Chromium against a real server whose kiosk-1 prints on a fake network
 * printer: a visitor taps a category and a service, the printer gets the ticket and the desk
 * calls that number; a double tap prints one ticket; paper out offers an on-screen ticket
 * with a QR code; the priority and appointment flows; accessible mode; axe-core checks;
 * a closed centre; idle reset. Needs the built kiosk (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BOOKING_CODE_ALPHABET,
  type Centre,
  DEMO_CENTRE,
  type Service,
  serviceCode,
  ticketsOf,
  ticketCount,
} from '@queue/core';
import { readableLines } from '@queue/printer/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, okData, rid } from '../server/harness';
import {
  KIOSK_TOKEN,
  type KioskRig,
  SCREENSHOTS,
  TUESDAY_10,
  assertKioskBuilt,
  axeViolations,
  fontSize,
  launchChromium,
  leaveTicket,
  openDesk,
  serviceTile,
  startKioskRig,
} from './kiosk-support';

const UI_TIMEOUT = 10_000;
const PORTRAIT = { width: 1080, height: 1920 };

describe('kiosk in Chromium with a network printer', () => {
  let rig: KioskRig;
  let browser: Browser;
  let kiosk: Page;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const openKiosk = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: PORTRAIT, locale: 'uk-UA' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${rig.base}/kiosk/?device=${KIOSK_TOKEN}`);
    await page.locator('[data-category="billing"]').waitFor();
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const issuedCount = (): number => ticketCount(rig.app.queue.state);
  beforeAll(async () => {
    assertKioskBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    rig = await startKioskRig();
    browser = await launchChromium();
    kiosk = await openKiosk();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await rig?.close();
  });

  it('offers every kiosk service of the demo centre under its category, with open now and the wait', async () => {
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-e2e-home');
    const expected = DEMO_CENTRE.services.filter((service) => service.onKiosk).map((service) => service.code);
    const seen: string[] = [];
    for (const category of DEMO_CENTRE.categories) {
      const tile = kiosk.locator(`[data-category="${category.id}"]`);
      if ((await tile.count()) === 0) continue;
      await tile.click();
      await kiosk.locator('[data-service]').first().waitFor();
      seen.push(
        ...(await kiosk
          .locator('[data-service]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-service') ?? ''))),
      );
      await kiosk.getByRole('button', { name: '← Назад' }).click();
    }
    expect(seen.sort()).toEqual([...expected].sort());
    expect(seen).not.toContain('priority-any');

    const tile = await serviceTile(kiosk);
    expect(await tile.textContent()).toContain('Працює зараз');
    expect(await tile.textContent()).toContain('У черзі: 0');
    // The police officer receives on Tuesdays and Thursdays only: open on this Tuesday.
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-e2e-category');
    await kiosk.getByRole('button', { name: '← Назад' }).click();
  });

  it('prints the ticket a visitor takes, and the desk calls that number', async () => {
    const tile = await serviceTile(kiosk);
    await tile.click();
    await kiosk.getByText('Заберіть талон із принтера').waitFor();
    const shown = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    expect(shown).toBe('А-001');
    expect(rig.jobs()).toHaveLength(1);
    const printed = readableLines(rig.jobs()[0] ?? new Uint8Array());
    expect(printed).toContain(shown);
    expect(printed).toContain('Звірка нарахувань');
    // The screen gives the time of issue the paper does.
    const issuedLine = printed.find((line) => line.startsWith('Видано:')) ?? '';
    const time = /\d{2}:\d{2}/.exec(issuedLine)?.[0];
    expect(time).toBeDefined();
    expect(await kiosk.getByTestId('ticket-issued').textContent()).toBe(`Видано о ${time}`);
    expect(await axeViolations(kiosk)).toEqual([]);

    const desk = await openDesk(rig.base);
    expect(await desk.callNext()).toBe(shown);
    desk.close();
    await leaveTicket(kiosk);
  });

  it('prints one ticket for a double tap', async () => {
    const jobsBefore = rig.jobs().length;
    const ticketsBefore = issuedCount();
    const tile = await serviceTile(kiosk);
    await tile.dblclick();
    await kiosk.getByText('Заберіть талон із принтера').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('А-002');
    expect(rig.jobs()).toHaveLength(jobsBefore + 1);
    expect(issuedCount()).toBe(ticketsBefore + 1);
    await leaveTicket(kiosk);

    // A second ticket from the double tap would have been sent before this one, on the same
    // connection: the next ticket takes the following number and is the only other print.
    await (await serviceTile(kiosk)).click();
    await kiosk.getByText('Заберіть талон із принтера').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('А-003');
    expect(rig.jobs()).toHaveLength(jobsBefore + 2);
    expect(issuedCount()).toBe(ticketsBefore + 2);
    await leaveTicket(kiosk);
  });

  it('paper out: offers an on-screen ticket with a QR code, and prints nothing', async () => {
    rig.printer.setState('paper-out');
    const jobsBefore = rig.jobs().length;
    const ticketsBefore = issuedCount();
    await (await serviceTile(kiosk)).click();
    await kiosk.getByText('Принтер не працює').waitFor();
    expect(issuedCount()).toBe(ticketsBefore);
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-e2e-printer-offer');

    await kiosk.getByRole('button', { name: 'Так, показати на екрані' }).click();
    const qr = kiosk.locator('svg[data-qr]');
    await qr.waitFor();
    const number = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    const ticket = ticketsOf(rig.app.queue.state).find((entry) => entry.number === number);
    expect(await qr.getAttribute('data-qr')).toBe(`${rig.base}/t/${ticket?.id}`);
    expect(issuedCount()).toBe(ticketsBefore + 1);
    expect(rig.jobs()).toHaveLength(jobsBefore);
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-e2e-ticket-qr');
    rig.printer.setState('ready');
    await leaveTicket(kiosk);
  });

  it('issues a priority ticket that says it must be confirmed at the desk', async () => {
    await kiosk.locator('[data-action="priority"]').click();
    await kiosk.getByText('Оберіть пільгову категорію').waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.locator('[data-priority="veteran"]').click();
    await kiosk.getByText('Пільговий талон: Ветеран війни').waitFor();
    await (await serviceTile(kiosk)).click();
    await kiosk.getByTestId('ticket-priority').waitFor();
    expect(await kiosk.getByTestId('ticket-priority').textContent()).toContain(
      'Пільгу потрібно підтвердити у вікні обслуговування.',
    );
    const number = (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
    const ticket = ticketsOf(rig.app.queue.state).find((entry) => entry.number === number);
    expect(ticket?.priority).toMatchObject({ category: 'veteran', confirmed: false });
    const printed = readableLines(rig.jobs().at(-1) ?? new Uint8Array()).join(' ');
    expect(printed).toContain('Пільгова черга: ветеран війни');
    expect(printed).toContain('Пільгу треба підтвердити у вікні обслуговування');
    await leaveTicket(kiosk);
    expect(await kiosk.getByTestId('priority-banner').count()).toBe(0);
  });

  it('answers an unknown booking code clearly', async () => {
    await kiosk.locator('[data-action="appointment"]').click();
    // The keypad offers the booking-code alphabet only: no 0/O or 1/I/L to confuse.
    const keys = await kiosk
      .locator('[data-key]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-key') ?? ''));
    expect(keys.join('')).toBe(BOOKING_CODE_ALPHABET);
    for (const key of ['A', 'B', '2', '3', 'X']) await kiosk.locator(`[data-key="${key}"]`).click();
    await kiosk.getByRole('button', { name: 'Стерти останній символ' }).click();
    expect(await kiosk.getByTestId('booking-code').textContent()).toContain('AB23');
    // A keyboard (or scanner) is held to the same alphabet: look-alikes type nothing.
    await kiosk.keyboard.type('oi01l');
    expect(await kiosk.getByTestId('booking-code').textContent()).toContain('AB23');
    expect(await kiosk.getByTestId('booking-code').textContent()).not.toMatch(/[OI01L]/);
    await shot(kiosk, 'kiosk-e2e-keypad');
    expect(await axeViolations(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Підтвердити' }).click();
    const answer = kiosk.locator('[data-outcome="not-found"]');
    await answer.waitFor();
    expect(await answer.textContent()).toBe(
      'Запис із кодом AB23 не знайдено. Перевірте код або візьміть звичайний талон.',
    );
    await kiosk.getByRole('button', { name: '← Назад' }).click();
  });

  it('accessible mode: larger, high contrast, controls at the bottom, and it passes axe', async () => {
    const normalSize = await fontSize(kiosk, '.tile__title');
    await kiosk.locator('[data-action="accessible"]').click();
    await expect.poll(() => kiosk.locator('.kiosk').getAttribute('data-accessible')).toBe('true');
    expect(await fontSize(kiosk, '.tile__title')).toBeGreaterThan(normalSize);
    const toolbar = await kiosk.locator('.kiosk__toolbar').boundingBox();
    expect(toolbar?.y ?? 0).toBeGreaterThan(PORTRAIT.height * 0.6);
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-e2e-accessible');

    await (await serviceTile(kiosk)).click();
    await kiosk.getByText('Заберіть талон із принтера').waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    await leaveTicket(kiosk);
    await kiosk.locator('[data-category="billing"]').click();
    const back = await kiosk.getByRole('button', { name: '← Назад' }).boundingBox();
    expect(back?.y ?? 0).toBeGreaterThan(PORTRAIT.height * 0.5);
    expect(await axeViolations(kiosk)).toEqual([]);
    await shot(kiosk, 'kiosk-e2e-accessible-category');
  });

  it('goes back to the start, in Ukrainian and out of accessible mode, when idle', async () => {
    const context = await browser.newContext({ viewport: PORTRAIT });
    contexts.push(context);
    const idle = await context.newPage();
    idle.setDefaultTimeout(UI_TIMEOUT);
    await idle.clock.install();
    await idle.goto(`${rig.base}/kiosk/?device=${KIOSK_TOKEN}`);
    await idle.locator('[data-action="accessible"]').click();
    await idle.locator('[data-category="billing"]').click();
    await idle.getByRole('button', { name: 'English' }).click();
    await idle.getByText('Bills and payments').waitFor();
    await idle.clock.fastForward(61_000);
    await idle.getByText('Оберіть тему звернення').waitFor();
    expect(await idle.locator('.kiosk').getAttribute('data-accessible')).toBe('false');
  });

  it('says when a closed centre opens next', async () => {
    rig.clock.at = Date.parse('2026-11-24T22:30:00+02:00');
    try {
      const night = await openKiosk();
      await night.getByTestId('closed-notice').waitFor();
      expect(await night.getByTestId('closed-notice').textContent()).toContain('25 листопада');
      expect(await night.getByTestId('closed-notice').textContent()).toContain('08:00');
      await (await serviceTile(night)).click();
      await night.locator('[data-code="SITE_CLOSED"]').waitFor();
      expect(await night.getByTestId('next-opening').textContent()).toContain('08:00');
      expect(await axeViolations(night)).toEqual([]);
    } finally {
      rig.clock.at = TUESDAY_10;
    }
  });

  it('shows a service no desk serves as not working now, without a wait, until a desk is given it', async () => {
    const clients = clientsFor(() => rig.base);
    const admin = await clients.connect((await clients.login('admin', 'admin')).token);
    const replace = async (change: (centre: Centre) => Centre): Promise<void> => {
      const { version, centre } = await okData(admin.emitWithAck('centre:get', {}));
      await okData(
        admin.emitWithAck('centre:replace', {
          requestId: rid('centre'),
          baseVersion: version,
          centre: change(centre),
        }),
      );
    };
    const page = await openKiosk();
    const template = DEMO_CENTRE.services.find((service) => service.code === 'bill-reconcile')!;
    const added: Service = { ...template, code: serviceCode('bill-unserved') };
    try {
      await replace((centre) => ({ ...centre, services: [...centre.services, added] }));
      const tile = await serviceTile(page, 'bill-unserved');
      await expect.poll(() => tile.getAttribute('data-open')).toBe('false');
      expect(await tile.textContent()).toContain('Зараз не працює');
      expect(await tile.textContent()).not.toContain('хв');
      await page.getByRole('button', { name: '← Назад' }).click();

      await replace((centre) => ({
        ...centre,
        desks: centre.desks.map((desk) =>
          desk.id === 'desk-1'
            ? { ...desk, services: [...desk.services, { code: added.code, weight: 1 }] }
            : desk,
        ),
      }));
      const served = await serviceTile(page, 'bill-unserved');
      await expect.poll(() => served.getAttribute('data-open')).toBe('true');
      expect(await served.textContent()).toContain('Працює зараз');
      await page.getByRole('button', { name: '← Назад' }).click();
    } finally {
      await replace((centre) => ({
        ...centre,
        services: centre.services.filter((service) => service.code !== added.code),
        desks: centre.desks.map((desk) => ({
          ...desk,
          services: desk.services.filter((entry) => entry.code !== added.code),
        })),
      }));
      clients.closeSockets();
    }
  });

  it('raised no errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
