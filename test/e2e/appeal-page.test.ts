/**
 * The applicant's appeals pages in Chromium on two phone sizes: file a written appeal on
 * `/appeal` (a form sent empty first is refused in the page's language and says why a
 * contact is needed), see its number, tracking code, QR and due day, open `/a/<code>` and see
 * its status; after staff refuse it over the socket, the same page shows the answer and the
 * higher body. Every screen fits the phone (nothing interactive cut off or off screen), the
 * language links are named in their own language and thumb-sized, and axe-core finds no
 * violations. Screenshots go to /tmp/appeal-shots/. Needs the built
 * booking-page script (`npm run build`, apps/book).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { ROOT } from './support/env';
import { unfitControls } from './support/fits';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';
import { axeViolations } from './support/axe';

const SHOTS = '/tmp/appeal-shots';
const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;

const expectSound = async (page: Page, shot: string): Promise<void> => {
  await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  expect(await unfitControls(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
};

describe('the appeals pages on a phone', () => {
  let screens: Screens;
  let server: TestServer;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'apps', 'book', 'dist', '.vite', 'manifest.json'))) {
      throw new Error('The booking page script is not built: run `npm run build` first.');
    }
    mkdirSync(SHOTS, { recursive: true });
    screens = await launchScreens();
    server = await startServer({ clock: new TestClock() });
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  for (const phone of PHONES) {
    const size = `${phone.width}x${phone.height}`;

    it(`files an appeal and follows it at ${size}`, async () => {
      const page = await screens.open(`${server.url}/appeal`, phone);
      await expect.poll(() => page.locator('select#organisation option').count()).toBeGreaterThan(1);
      expect(await page.locator('h1').textContent()).toBe('Письмове звернення');
      expect(await page.getByText('щоб відповідь дійшла до вас').count()).toBe(1);
      // The other languages, each named in itself and large enough for a thumb (48 px).
      const languages = page.getByRole('navigation', { name: 'Мова сторінки' }).getByRole('link');
      expect(await languages.allTextContents()).toEqual(['Русский', 'English']);
      for (const box of await Promise.all((await languages.all()).map((link) => link.boundingBox()))) {
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(48);
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
      }
      await expectSound(page, `${size}-1-form`);

      // Sent empty: refused in the page, with why a contact is needed.
      await page.getByRole('button', { name: 'Надіслати звернення' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('інакше відповідь не дійде до вас');
      expect(await page.locator('#organisation').getAttribute('aria-invalid')).toBe('true');
      await expectSound(page, `${size}-2-refused`);

      await page.getByLabel('Кого стосується звернення').selectOption('passport');
      await page.getByLabel('Послуга (за бажанням)').selectOption('doc-residence');
      await page.getByLabel('Коротко, про що звернення').fill('Не зареєстрували місце проживання');
      await page.getByLabel('Текст звернення').fill('Прошу пояснити, чому мені відмовили в реєстрації.');
      await page.getByLabel('Ім’я та прізвище').fill('Олена Петренко');
      await page.getByLabel('Телефон').fill('+380 50 765 43 21');
      await page.getByRole('button', { name: 'Надіслати звернення' }).click();

      const code = (await page.getByTestId('tracking-code').textContent()) ?? '';
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(await page.getByTestId('appeal-number').textContent()).toMatch(/^2026\/\d+$/);
      expect(await page.getByTestId('due-day').textContent()).toMatch(/^\d{2}\.\d{2}\.2026$/);
      expect(await page.locator('.qr svg').count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Звернення зареєстровано' }).count()).toBe(1);
      await expectSound(page, `${size}-3-filed`);

      await page.getByTestId('follow-link').click();
      await page.waitForURL(`**/a/${code}?lang=uk`);
      const status = page.getByTestId('appeal-status');
      await status.waitFor();
      expect(await status.textContent()).toBe('Зареєстровано');
      expect(await page.content()).not.toContain('Олена');
      expect(await page.content()).not.toContain('765 43 21');
      await expectSound(page, `${size}-4-status`);

      if (phone.width !== 360) return;
      // Staff refuse it; the page shows the answer and where to turn, in English too.
      const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
      const found = await okData(supervisor.emitWithAck('appeal:list', { search: code }));
      const appealId = found.appeals[0]?.id ?? '';
      await okData(
        supervisor.emitWithAck('appeal:classify', { requestId: rid(), appealId, appealClass: 'B' }),
      );
      await okData(
        supervisor.emitWithAck('appeal:assign', {
          requestId: rid(),
          appealId,
          organisationId: 'passport',
          staffId: 'supervisor',
        }),
      );
      await okData(
        supervisor.emitWithAck('appeal:answer', {
          requestId: rid(),
          appealId,
          result: 'У реєстрації відмовлено: бракувало довідки про право власності на житло.',
          favour: 'organisation',
        }),
      );
      supervisor.close();
      await page.goto(`${server.url}/a/${code}?lang=en`);
      await page.getByTestId('answer').waitFor();
      expect(await page.getByTestId('appeal-status').textContent()).toBe('Answered');
      expect(await page.getByTestId('favour').textContent()).toBe('Decision: refused');
      expect(await page.getByTestId('higher-body').textContent()).toContain(
        'City Office of the State Consumer Protection Service',
      );
      expect(await page.content()).not.toContain('Олена');
      await expectSound(page, `${size}-5-answered-en`);
    });
  }

  it('finds an appeal by a typed code, and says so when there is none', async () => {
    const page = await screens.open(`${server.url}/a?lang=ru`, PHONES[0]);
    await page.getByLabel('Код для проверки (8 символов)').fill('abc');
    await page.getByRole('button', { name: 'Посмотреть состояние' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('8 букв и цифр');
    await page.getByLabel('Код для проверки (8 символов)').fill('abcdefgh');
    await page.getByRole('button', { name: 'Посмотреть состояние' }).click();
    await page.waitForURL('**/a/ABCDEFGH?lang=ru');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('не найдено');
    await expectSound(page, '360x740-6-not-found-ru');
    expect(screens.pageErrors).toEqual([]);
  });
});
