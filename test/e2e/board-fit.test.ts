/**
 * The hall board fits the panels centres hang: a 55" TV at 1920x1080 and at 3840x2160 (4K),
 * and the same panel turned to portrait, 1080x1920. With every desk calling and someone
 * waiting in every category, each board shows the current call, the full list of previous
 * calls and the waiting counts, readable from 5 m: on a 55" panel the ticket numbers, desks,
 * category names and counts of the rows are at least 40 mm high (the text's font size, by the
 * panel's millimetres per CSS pixel), the same layout at 4K as at 1080p. No text is cut off:
 * every row shows whole or waits for its page (the waiting counts page when they are more
 * than the panel holds, and every category is on a page); axe-core finds no violation of any
 * impact. No page of the system stops a visitor from zooming (`user-scalable=no`).
 * Screenshots go to .tmp/board-fit-<size>.png. Needs the built board (`npm run build -w
 * apps/display`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { HELD_BACK_AUDIO, type Screens, launchScreens } from './support/browser';
import { DISPLAY_TOKEN, ROOT, assertBuilt, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { kioskOf } from './support/queue';
import { type TestServer, TestClock, okData, rid, startServer } from './support/server';

const SIZES = [
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4k', width: 3840, height: 2160 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
/** A 55" panel's diagonal, in millimetres: with the viewport's, the millimetres per CSS pixel. */
const PANEL_DIAGONAL_MM = 55 * 25.4;
/** The height of characters read from 5 m. */
const LEGIBLE_MM = 40;
/** Tickets in every category, three each, so that every category still has someone waiting. */
const SERVICES = [
  'bill-reconcile',
  'doc-household',
  'doc-residence',
  'ben-subsidy',
  'heat-meter',
  'water-consult',
  'gas-consult',
  'el-meter',
  'house-repair',
  'legal-consult',
  'appeal-complaint',
  'police-officer',
] as const;
/** The demo's desks with an operator of their own (desk 12 is reception's). */
const DESKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13] as const;
/** The calls the board lists besides the current one. */
const PREVIOUS_SHOWN = 8;
/** The demo's categories in which the tickets above wait. */
const CATEGORIES = 11;

/** Runs in the page: the size of the board's row texts, in millimetres on a 55" panel. */
const SIZES_MM = `(() => {
  const mmPerPx = ${PANEL_DIAGONAL_MM} / Math.hypot(innerWidth, innerHeight);
  const shown = (node) => node.getClientRects().length > 0 && !node.closest('[hidden]');
  const measure = (selector, of) => {
    const nodes = [...document.querySelectorAll(selector)].filter(shown);
    if (nodes.length === 0) return { count: 0, mm: 0 };
    const px = Math.min(...nodes.map(of));
    return { count: nodes.length, mm: Math.round(px * mmPerPx * 10) / 10 };
  };
  const font = (node) => parseFloat(getComputedStyle(node).fontSize);
  const height = (node) => node.getBoundingClientRect().height;
  return {
    currentNumber: measure('.current__number', font),
    previousNumber: measure('.previous__number', font),
    previousDesk: measure('.previous__desk', font),
    previousRow: measure('.previous__table tbody tr', height),
    waitingName: measure('.waiting__name', font),
    waitingCount: measure('.waiting__count', font),
    waitingRow: measure('.waiting__row', height),
  };
})()`;

interface Measured {
  readonly count: number;
  readonly mm: number;
}

/**
 * Runs in the page: the board's texts that are cut off, by their own box (text wider than
 * it), by an ancestor that clips, or by the viewport. Rows waiting for their page
 * (hidden) are not shown, so not cut.
 */
const CUT = `(() => {
  const out = [];
  const within = (box, outer) => box.left >= outer.left - 0.5 && box.top >= outer.top - 0.5 && box.right <= outer.right + 0.5 && box.bottom <= outer.bottom + 0.5;
  const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const selector = '.board__site, .clock__time, .clock__date, .current__label, .current__number, .current__desk, .current__idle, .previous__heading, .previous__table th, .previous__number, .previous__desk, .panel__heading, .waiting__name, .waiting__count, .waiting__page, .info__text';
  for (const node of document.querySelectorAll(selector)) {
    if (node.getClientRects().length === 0 || node.closest('[hidden]')) continue;
    const what = node.className + ' "' + (node.textContent || '').trim().slice(0, 30) + '"';
    const box = node.getBoundingClientRect();
    if (node.scrollWidth > node.clientWidth + 1) out.push(what + ' is cut: ' + node.scrollWidth + ' > ' + node.clientWidth + ' px wide');
    if (!within(box, viewport)) out.push(what + ' is outside the viewport');
    for (let parent = node.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      if (!within(box, parent.getBoundingClientRect())) {
        out.push(what + ' is clipped by ' + parent.className);
        break;
      }
    }
  }
  return out;
})()`;

/** The waiting counts' rows: the categories on every page, and those on the page shown. */
const WAITING_ROWS = `(() => {
  const rows = [...document.querySelectorAll('.waiting__row')];
  const name = (row) => row.querySelector('.waiting__name').textContent;
  return { all: rows.map(name), shown: rows.filter((row) => !row.hidden).map(name) };
})()`;

describe('the hall board fits its panels', () => {
  let screens: Screens;
  let server: TestServer;

  beforeAll(async () => {
    assertBuilt(['display']);
    screens = await launchScreens();
    server = await startServer({ clock: new TestClock() });
    const kiosk = await kioskOf(server);
    for (const service of [...SERVICES, ...SERVICES, ...SERVICES]) await kiosk.issue(service);
    // Every desk calls its first visitor: a current call and a full list of earlier ones.
    for (const desk of DESKS) {
      const { token } = await server.login(`operator${desk}`, '1111');
      const operator = await server.connect(token);
      await okData(operator.emitWithAck('desk:open', { requestId: rid('open') }));
      await okData(operator.emitWithAck('visit:call-next', { requestId: rid('call') }));
    }
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  /**
   * The board as a browser shows it before anyone has tapped it: with the prompt to turn the
   * sound on, the most it ever has to fit (an Electron board never shows the prompt).
   */
  const openBoard = async (size: { width: number; height: number }): Promise<Page> => {
    const url = `${server.url}/display/?device=${DISPLAY_TOKEN}&board=hall`;
    const page = await screens.open(url, size, HELD_BACK_AUDIO);
    await page.getByTestId('current-call').waitFor();
    await page.getByTestId('sound-prompt').waitFor();
    await expect.poll(() => page.locator('.previous__number').count()).toBe(PREVIOUS_SHOWN);
    await expect
      .poll(async () => ((await page.evaluate(WAITING_ROWS)) as { all: string[] }).all.length)
      .toBe(CATEGORIES);
    return page;
  };

  for (const size of SIZES) {
    it(`${size.name} ${size.width}x${size.height}: readable from 5 m, nothing cut, axe clean`, async () => {
      const page = await openBoard(size);
      await page.screenshot({ path: screenshotPath(`board-fit-${size.name}.png`) });
      const mm = (await page.evaluate(SIZES_MM)) as Record<string, Measured>;
      for (const key of [
        'previousNumber',
        'previousDesk',
        'previousRow',
        'waitingName',
        'waitingCount',
        'waitingRow',
      ]) {
        expect.soft(mm[key]?.count ?? 0, key).toBeGreaterThan(0);
        expect.soft(mm[key]?.mm ?? 0, `${key} in mm on a 55" panel`).toBeGreaterThanOrEqual(LEGIBLE_MM);
      }
      // The current call is the largest thing on the board.
      expect.soft(mm.currentNumber?.mm ?? 0).toBeGreaterThan(2 * (mm.previousNumber?.mm ?? 0));
      expect.soft(await page.evaluate(CUT), 'cut texts').toEqual([]);
      // The only control, the prompt to turn the sound on when the browser holds it back.
      expect.soft(await unfitControls(page), 'controls').toEqual([]);
      const overflow = await page.evaluate('document.documentElement.scrollHeight - innerHeight');
      expect.soft(overflow, 'the page scrolls').toBeLessThanOrEqual(0);
      // Every category waiting is on a page; the page shown holds some of them.
      const rows = (await page.evaluate(WAITING_ROWS)) as { all: string[]; shown: string[] };
      expect(new Set(rows.all).size).toBe(CATEGORIES);
      expect(rows.shown.length).toBeGreaterThan(0);
      expect.soft(await axeViolations(page), 'axe').toEqual([]);
      expect(screens.pageErrors).toEqual([]);
    });
  }

  it('pages the waiting counts in turn, each page whole', async () => {
    const page = await openBoard(SIZES[0]);
    const first = (await page.evaluate(WAITING_ROWS)) as { all: string[]; shown: string[] };
    expect(first.shown.length).toBeLessThan(CATEGORIES);
    const pages = Math.ceil(CATEGORIES / first.shown.length);
    const seen = new Set(first.shown);
    for (let turn = 1; turn < pages; turn += 1) {
      const before = (await page.evaluate(WAITING_ROWS)) as { shown: string[] };
      await expect
        .poll(async () => ((await page.evaluate(WAITING_ROWS)) as { shown: string[] }).shown, {
          timeout: 30_000,
          interval: 250,
        })
        .not.toEqual(before.shown);
      const now = (await page.evaluate(WAITING_ROWS)) as { shown: string[] };
      for (const name of now.shown) seen.add(name);
      await page.screenshot({ path: screenshotPath(`board-fit-1080p-page-${turn + 1}.png`) });
      expect.soft(await page.evaluate(CUT), `page ${turn + 1}`).toEqual([]);
    }
    expect(seen.size).toBe(CATEGORIES);
  }, 120_000);

  it('lets a visitor zoom on every page: no user-scalable=no, no maximum-scale=1', async () => {
    const viewports: Record<string, string> = {};
    for (const app of ['kiosk', 'display', 'desk', 'city']) {
      const html = readFileSync(join(ROOT, 'apps', app, 'src', 'renderer', 'index.html'), 'utf8');
      viewports[app] = /<meta name="viewport" content="([^"]*)"/.exec(html)?.[1] ?? '';
    }
    for (const path of ['/book', `/display/?device=${DISPLAY_TOKEN}&board=hall`]) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      viewports[path] = /<meta name="viewport" content="([^"]*)"/.exec(html)?.[1] ?? '';
    }
    for (const [where, content] of Object.entries(viewports)) {
      expect(content, where).toContain('width=device-width');
      expect(content, where).not.toMatch(/user-scalable\s*=\s*(no|0)/);
      expect(content, where).not.toMatch(/maximum-scale\s*=\s*1(\.0*)?\b/);
    }
  });
});
