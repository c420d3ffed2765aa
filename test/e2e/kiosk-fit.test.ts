/**
 * The kiosk fits the touch screens centres buy: 1080x1920 portrait and 1920x1080 landscape,
 * in normal and in accessible mode, in every language. Every screen a visitor meets (the
 * categories, a category's services, the priority groups and the claim, the printer's
 * question, the ticket on screen and the printed one, the booking code's keypad, a closed
 * centre and its refusal) shows whole: the page never scrolls, no control is clipped or
 * outside the viewport, and without scrolling each of the demo's 11 categories, every service
 * of the largest category, every priority group, every key of the keypad, the whole ticket
 * with its QR code and "Done" are on screen, nothing covering them; no box is wider than its
 * content lets it be (a word too long for a tile). Every target is finger-sized
 * (64 px, 80 px in accessible mode) and axe-core finds no violation of any impact.
 * Screenshots go to .tmp/kiosk-fit-<screen>-<size>-<mode>-<language>.png. Needs the built
 * kiosk (`npm run build -w apps/kiosk`).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KioskRig, TUESDAY_10, leaveTicket, serviceTile, startKioskRig } from './kiosk-support';
import { axeViolations } from './support/axe';
import { type Screens, launchScreens } from './support/browser';
import { KIOSK_TOKEN, assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';

const SIZES = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;
const MODES = ['normal', 'accessible'] as const;
type Size = (typeof SIZES)[number];
type Mode = (typeof MODES)[number];
/** Every language of the kiosk, the default (Ukrainian) last. */
const LANGUAGES = ['en', 'ru', 'uk'] as const;
/** The demo centre's categories with a service on the kiosk. */
const CATEGORIES = 11;
/** The smallest target on a kiosk, and in accessible mode (a shaking hand, a fist). */
const TARGET: Record<Mode, number> = { normal: 64, accessible: 80 };
/** Every screen at both sizes, both modes and in three languages, with axe each time. */
const SLOW = 240_000;
const NIGHT = Date.parse('2026-11-24T22:30:00+02:00');

/**
 * Runs in the page (a string, so that the test's typings need no DOM): the elements matched
 * that do not show whole without scrolling: cut off by the viewport, hidden by an ancestor
 * that clips or scrolls, or covered (by a bar that sticks to the bottom of a list, an overlay).
 */
const OUT_OF_VIEW = (selector: string): string => `(() => {
  const out = [];
  const within = (box, outer) => box.left >= outer.left - 0.5 && box.top >= outer.top - 0.5 && box.right <= outer.right + 0.5 && box.bottom <= outer.bottom + 0.5;
  const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const describe = (node) => node.tagName.toLowerCase() + '.' + node.className;
  for (const node of document.querySelectorAll(${JSON.stringify(selector)})) {
    const box = node.getBoundingClientRect();
    let problem = within(box, viewport) ? '' : 'is outside the viewport';
    for (let parent = node.parentElement; !problem && parent && parent !== document.body; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      if (!within(box, parent.getBoundingClientRect())) problem = 'is hidden by ' + describe(parent);
    }
    const front = problem ? null : document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    if (front && front !== node && !node.contains(front)) problem = 'is covered by ' + describe(front);
    if (problem) out.push((node.textContent || '').trim().slice(0, 30) + ' ' + problem + ' at ' + Math.round(box.top) + '..' + Math.round(box.bottom));
  }
  return out;
})()`;

/** Runs in the page: visible targets smaller than \`min\` px either way. */
const SMALL_TARGETS = (min: number): string => `(() => {
  const out = [];
  for (const node of document.querySelectorAll('button, a[href], [role="button"]')) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || node.closest('[hidden]')) continue;
    const box = node.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.width < ${min} || box.height < ${min}) {
      out.push((node.getAttribute('aria-label') || node.textContent || '').trim().slice(0, 30) + ': ' + Math.round(box.width) + 'x' + Math.round(box.height));
    }
  }
  return out;
})()`;

/** Runs in the page: boxes whose content is wider than they are (a word too long for a tile). */
const TOO_WIDE = `(() => {
  const out = [];
  for (const node of document.querySelectorAll('.kiosk__main, .screen, .tiles, .actions, .tile, .keypad, .ticket, .ticket__body, .ticket__side, .refusal, .kiosk__toolbar')) {
    if (node.scrollWidth > node.clientWidth + 1) out.push(node.className + ': ' + node.scrollWidth + ' > ' + node.clientWidth);
  }
  return out;
})()`;

const pageOverflow = (page: Page): Promise<number> =>
  page.evaluate('document.documentElement.scrollHeight - innerHeight') as Promise<number>;

describe('the kiosk fits its touch screens', () => {
  let rig: KioskRig;
  let screens: Screens;

  beforeAll(async () => {
    assertBuilt(['kiosk']);
    rig = await startKioskRig();
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await rig?.close();
  });

  /** The screen as it is now: a screenshot to look at, nothing unfit, nothing for axe. */
  const expectFits = async (page: Page, mode: Mode, name: string): Promise<void> => {
    await page.screenshot({ path: screenshotPath(`kiosk-fit-${name}.png`) });
    expect.soft(await pageOverflow(page), `${name}: the page scrolls`).toBeLessThanOrEqual(0);
    expect.soft(await unfitControls(page), name).toEqual([]);
    expect.soft(await page.evaluate(TOO_WIDE), `${name}: too wide`).toEqual([]);
    expect.soft(await page.evaluate(SMALL_TARGETS(TARGET[mode])), `${name}: small targets`).toEqual([]);
    expect.soft(await axeViolations(page), name).toEqual([]);
  };

  const open = async (size: Size, mode: Mode): Promise<Page> => {
    const page = await screens.open(`${rig.base}/kiosk/?device=${KIOSK_TOKEN}`, {
      width: size.width,
      height: size.height,
    });
    await page.locator('[data-category="billing"]').waitFor();
    if (mode === 'accessible') {
      await page.locator('[data-action="accessible"]').click();
      await expect.poll(() => page.locator('.kiosk').getAttribute('data-accessible')).toBe('true');
    }
    return page;
  };

  const speak = async (page: Page, language: string): Promise<void> => {
    await page.locator(`.kiosk__languages [lang="${language}"]`).click();
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(language);
  };

  for (const size of SIZES) {
    for (const mode of MODES) {
      it(
        `every screen of a visit, ${size.name} ${size.width}x${size.height}, ${mode} mode`,
        async () => {
          const page = await open(size, mode);
          for (const language of LANGUAGES) {
            await speak(page, language);
            const name = (screen: string): string => `${screen}-${size.name}-${mode}-${language}`;

            // Every category on screen, without scrolling.
            expect(await page.locator('[data-category]').count()).toBe(CATEGORIES);
            expect.soft(await page.evaluate(OUT_OF_VIEW('[data-category]')), name('home')).toEqual([]);
            await expectFits(page, mode, name('home'));

            // The category with the most services: each on screen or a visible scroll away.
            await serviceTile(page);
            expect.soft(await page.evaluate(OUT_OF_VIEW('[data-service]')), name('category')).toEqual([]);
            await expectFits(page, mode, name('category'));
            await page.locator('.screen__bar .back-button').click();

            // The priority groups, then the claim on the first screen.
            await page.locator('[data-action="priority"]').click();
            await page.locator('[data-priority]').first().waitFor();
            expect.soft(await page.evaluate(OUT_OF_VIEW('[data-priority]')), name('priority')).toEqual([]);
            await expectFits(page, mode, name('priority'));
            await page.locator('[data-priority="military-family"]').click();
            await page.getByTestId('priority-banner').waitFor();
            expect
              .soft(await page.evaluate(OUT_OF_VIEW('[data-category]')), name('home-priority'))
              .toEqual([]);
            await expectFits(page, mode, name('home-priority'));

            // No paper: the printer's question, then the ticket on screen with the claim and
            // its QR code, the longest ticket there is; "Done" on screen.
            rig.printer.setState('paper-out');
            try {
              await (await serviceTile(page, 'bill-recalc')).click();
              await page.locator('.printer-offer').waitFor();
              expect
                .soft(
                  await page.evaluate(OUT_OF_VIEW('.printer-offer, .printer-offer button')),
                  name('offer'),
                )
                .toEqual([]);
              await expectFits(page, mode, name('printer-offer'));
              await page.locator('[data-answer="yes"]').click();
              await page.locator('svg[data-qr]').waitFor();
              await page.getByTestId('ticket-priority').waitFor();
            } finally {
              rig.printer.setState('ready');
            }
            const done = '.ticket .primary-button';
            expect
              .soft(await page.evaluate(OUT_OF_VIEW(`.ticket, ${done}, svg[data-qr]`)), name('ticket'))
              .toEqual([]);
            await expectFits(page, mode, name('ticket-screen'));
            await leaveTicket(page);

            // A printed ticket.
            await (await serviceTile(page)).click();
            await page.locator('.ticket[data-delivery="printed"]').waitFor();
            expect
              .soft(await page.evaluate(OUT_OF_VIEW(`.ticket, ${done}`)), name('ticket-printed'))
              .toEqual([]);
            await expectFits(page, mode, name('ticket-printed'));
            await leaveTicket(page);

            // The booking code's keypad, with an answer: every key on screen.
            await page.locator('[data-action="appointment"]').click();
            for (const key of ['Z', 'Z', '9', '9', 'X']) await page.locator(`[data-key="${key}"]`).click();
            await page.locator('.appointment__submit').click();
            await page.locator('[data-outcome="not-found"]').waitFor();
            expect
              .soft(
                await page.evaluate(OUT_OF_VIEW('.keypad__key, .appointment__submit')),
                name('appointment'),
              )
              .toEqual([]);
            await expectFits(page, mode, name('appointment'));
            await page.locator('.screen__bar .back-button').click();
            await page.locator('[data-category="billing"]').waitFor();
          }
          expect(screens.pageErrors).toEqual([]);
        },
        SLOW,
      );
    }
  }

  it(
    'a closed centre and its refusal, at both sizes and in both modes',
    async () => {
      rig.clock.at = NIGHT;
      try {
        for (const size of SIZES) {
          for (const mode of MODES) {
            const page = await open(size, mode);
            await page.getByTestId('closed-notice').waitFor();
            for (const language of LANGUAGES) {
              await speak(page, language);
              const name = (screen: string): string => `${screen}-${size.name}-${mode}-${language}`;
              expect.soft(await page.evaluate(OUT_OF_VIEW('[data-category]')), name('closed')).toEqual([]);
              await expectFits(page, mode, name('closed'));
              await (await serviceTile(page)).click();
              await page.locator('[data-code="SITE_CLOSED"]').waitFor();
              expect
                .soft(await page.evaluate(OUT_OF_VIEW('.refusal, .refusal .primary-button')), name('refusal'))
                .toEqual([]);
              await expectFits(page, mode, name('refusal'));
              await page.locator('.refusal .primary-button').click();
              await page.getByTestId('closed-notice').waitFor();
            }
          }
        }
      } finally {
        rig.clock.at = TUESDAY_10;
      }
      expect(screens.pageErrors).toEqual([]);
    },
    SLOW,
  );
});
