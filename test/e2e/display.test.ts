/**
 * The hall board in a real Chromium against an in-process server: five desks call within
 * 100 ms and the board shows and announces all five in call order; a recall is announced
 * again; the billing board (desks 1-4) ignores desk 9; a new running line shows within a
 * second; after the server is killed and restarted on the same file and port the board
 * reconnects by itself and announces nothing old. Needs the built board (`npm run build`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toCallView } from '@queue/protocol';
import { createApplication, silentLogger } from '@queue/server';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_BACK_AUDIO } from './support/browser';
import {
  type ClientSocket,
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  REPO_ROOT,
  type RecordingSocket,
  type TestServer,
  okData,
  rid,
  startServer,
} from '../server/harness';

const SCREENSHOTS = join(REPO_ROOT, '.tmp');
const BOARD = (id: string) => `/display/?device=${DISPLAY_TOKEN}&board=${id}`;
/** An announcement is a chime and a few seconds of speech. */
const SPOKEN = { timeout: 60_000, interval: 250 };
/** What the screen shows comes at once, but leave room for a busy test machine. */
const SHOWN = { timeout: 5_000 };

type Logged = Readonly<Record<'number' | 'kind' | 'status', string>>;

/** The board's announcement log (`window.__announcements`), as plain data. */
const announced = (page: Page): Promise<Logged[]> =>
  page.evaluate(() => {
    const log = (globalThis as { __announcements?: readonly Logged[] }).__announcements ?? [];
    return log.map(({ number, kind, status }) => ({ number, kind, status }));
  });

const boardText = (page: Page): Promise<string> => page.locator('.board__main').innerText();

describe('hall board in Chromium', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let hall: Page;
  let billing: Page;
  let kiosk: ClientSocket;
  let watcher: RecordingSocket;
  const desks = new Map<number, ClientSocket>();
  const pageErrors: string[] = [];
  const first: { number: string; ticketId: string }[] = [];

  const openBoard = async (
    id: string,
    init?: string,
    viewport = { width: 1920, height: 1080 },
  ): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'uk-UA' });
    if (init) await context.addInitScript({ content: init });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(`${id}: ${error.message}`));
    await page.goto(`${server.url}${BOARD(id)}`);
    await page.locator(`[data-board="${id}"]`).waitFor();
    await page.locator('.connection-banner').waitFor({ state: 'detached' });
    return page;
  };

  /** The operator of desk `n`, logged in over HTTP, connected, with the desk open. */
  const desk = async (n: number): Promise<ClientSocket> => {
    const known = desks.get(n);
    if (known) return known;
    const { token } = await server.login(`operator${n}`, '1111');
    const socket = await server.connect(token);
    await okData(socket.emitWithAck('desk:open', { requestId: rid('open') }));
    desks.set(n, socket);
    return socket;
  };

  const issue = async (serviceCode: string): Promise<string> =>
    (await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid('issue'), serviceCode }))).ticket.number;

  const callNext = async (n: number): Promise<string> => {
    const answer = await (await desk(n)).emitWithAck('visit:call-next', { requestId: rid('call') });
    return (await okData(answer)).ticket?.number ?? '';
  };

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'apps/display/dist/index.html'))) {
      throw new Error('The board is not built: run `npm run build` first (`npm test` does).');
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer();
    kiosk = await server.connect(KIOSK_TOKEN);
    watcher = await server.connect(DISPLAY_TOKEN, { record: true });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
    });
    [hall, billing] = [await openBoard('hall'), await openBoard('billing')];
    await hall.getByText('Очікуйте, будь ласка, на виклик свого номера').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows and announces, in call order, five calls from five desks made within 100 ms', async () => {
    for (let n = 0; n < 4; n += 1) await issue('bill-reconcile'); // desks 1-4
    await issue('doc-residence'); // desk 5, the passport office
    const sockets = await Promise.all([1, 2, 3, 4, 5].map(desk));
    const started = performance.now();
    const calls = sockets.map((socket) => socket.emitWithAck('visit:call-next', { requestId: rid('call') }));
    // The five are sent back to back (emits do not wait), so they reach the server together.
    expect(performance.now() - started).toBeLessThan(1_000);
    for (const answer of await Promise.all(calls)) {
      const { ticket } = await okData(answer);
      first.push({ number: ticket?.number ?? '', ticketId: ticket?.id ?? '' });
    }
    await expect.poll(() => watcher.events.length, SHOWN).toBe(5);
    const inOrder = watcher.events.map((event) => toCallView(event));
    const numbers = inOrder.map((call) => call?.number ?? '?');
    expect(new Set(numbers)).toEqual(new Set(first.map((call) => call.number)));

    await expect
      .poll(() => boardText(hall), SHOWN)
      .toSatisfy((text: string) => numbers.every((n) => text.includes(n)));
    await expect.poll(async () => (await announced(hall)).length, SPOKEN).toBe(5);
    const log = await announced(hall);
    expect(log.map((entry) => entry.number)).toEqual(numbers);
    for (const entry of log)
      expect(entry).toMatchObject({ kind: 'call', status: expect.not.stringMatching('failed') });

    // The billing board announces the four calls of desks 1-4 only, in the same order.
    const billingCalls = inOrder
      .filter((call) => call && call.deskId !== 'desk-5')
      .map((call) => call?.number);
    await expect
      .poll(async () => (await announced(billing)).map((entry) => entry.number), SPOKEN)
      .toEqual(billingCalls);
  });

  it('announces a recall again and puts the number back on top, blinking', async () => {
    const recalled = first[0]; // desk 1 made the first call
    if (!recalled) throw new Error('no call to recall');
    await okData(
      (await desk(1)).emitWithAck('visit:recall', { requestId: rid('recall'), ticketId: recalled.ticketId }),
    );
    const current = hall.getByTestId('current-call');
    await expect.poll(() => current.innerText(), SHOWN).toContain(recalled.number);
    expect(await current.getAttribute('class')).toContain('current--fresh');
    await expect.poll(async () => (await announced(hall)).length, SPOKEN).toBe(6);
    expect((await announced(hall))[5]).toMatchObject({ number: recalled.number, kind: 'recall' });
  });

  it('keeps a call at desk 9 off the billing board, which shows desks 1-4', async () => {
    // The billing board shows desk 1 too: its announcement of the recall comes first.
    await expect
      .poll(async () => (await announced(billing)).at(-1), SPOKEN)
      .toMatchObject({ number: first[0]?.number, kind: 'recall' });
    const billingBefore = (await announced(billing)).length;
    await issue('el-meter');
    const number = await callNext(9);
    await expect.poll(() => hall.getByTestId('current-call').innerText(), SHOWN).toContain(number);
    await expect.poll(async () => (await announced(hall)).at(-1)?.number, SPOKEN).toBe(number);
    expect((await announced(billing)).length).toBe(billingBefore);
    expect(await boardText(billing)).not.toContain(number);
    expect(await boardText(billing)).toContain(first[0]?.number ?? '?');
  });

  it("shows a supervisor's new running line within a second, without a reload", async () => {
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    const ticker = { uk: 'Сьогодні центр працює до 18:00', ru: 'Сегодня до 18:00', en: 'Open until 18:00' };
    await okData(
      supervisor.emitWithAck('board:update', { requestId: rid('board'), boardId: 'hall', ticker }),
    );
    await hall.getByTestId('ticker').getByText(ticker.uk).waitFor({ timeout: 1_000 });
  });

  it('fits a 1080p, a 4K and a portrait screen, with the waiting counts', async () => {
    for (const service of ['bill-payment', 'bill-payment', 'el-consult', 'heat-meter']) await issue(service);
    await hall.getByTestId('waiting').getByText('Рахунки та оплата').waitFor();
    const sizes = [
      ['1080p', 1920, 1080],
      ['4k', 3840, 2160],
      ['portrait', 1080, 1920],
    ] as const;
    for (const [name, width, height] of sizes) {
      await hall.setViewportSize({ width, height });
      await hall.screenshot({ path: join(SCREENSHOTS, `display-${name}.png`) });
      const overflow = await hall.evaluate<number>('document.documentElement.scrollHeight - innerHeight');
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    await hall.setViewportSize({ width: 1920, height: 1080 });
    await billing.screenshot({ path: join(SCREENSHOTS, 'display-billing.png') });
  });

  it('reconnects by itself after a server restart and announces nothing old', async () => {
    const before = {
      hall: await announced(hall),
      billing: await announced(billing),
      text: await boardText(hall),
    };
    await server.app.close(); // the server is gone: the boards say so
    await hall.locator('.connection-banner[data-state="offline"]').waitFor();
    const { databaseFile, clock } = server;
    server.app = await createApplication({ databaseFile, seedDemo: true, clock, logger: silentLogger });
    await server.app.listen(server.port);
    for (const page of [hall, billing])
      await page.locator('.connection-banner').waitFor({ state: 'detached' });
    await expect.poll(() => boardText(hall), SHOWN).toBe(before.text);
    expect(await announced(hall)).toEqual(before.hall);
    expect(await announced(billing)).toEqual(before.billing);

    // A board opened now shows the same calls and announces none of them.
    const fresh = await openBoard('hall');
    await expect.poll(() => boardText(fresh), SHOWN).toBe(before.text);
    expect(await announced(fresh)).toEqual([]);
    await fresh.context().close();

    // A new call after the restart is announced as usual, and alone: a board announces in
    // call order, so an old call announced again after the reconnect would have come first.
    desks.clear();
    kiosk = await server.connect(KIOSK_TOKEN);
    await issue('ben-subsidy');
    const number = await callNext(6);
    await expect
      .poll(async () => (await announced(hall)).slice(before.hall.length), SPOKEN)
      .toEqual([expect.objectContaining({ number, kind: 'call' })]);
    // Desk 6 is not on the billing board: a recall at desk 2 is its first announcement since.
    const recalled = first[1];
    if (!recalled) throw new Error('no call of desk 2 to recall');
    await okData(
      (await desk(2)).emitWithAck('visit:recall', { requestId: rid('recall'), ticketId: recalled.ticketId }),
    );
    await expect
      .poll(async () => (await announced(billing)).slice(before.billing.length), SPOKEN)
      .toEqual([expect.objectContaining({ number: recalled.number, kind: 'recall' })]);
  });

  it('asks for a tap when the browser holds the sound back', async () => {
    // Headless Chromium plays sound whatever its autoplay flag: act out a desktop browser.
    const page = await openBoard('billing', HELD_BACK_AUDIO);
    const prompt = page.getByTestId('sound-prompt');
    await prompt.waitFor();
    expect(await prompt.innerText()).toBe('Торкніться, щоб увімкнути звук');
    await prompt.click();
    await prompt.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('puts the sound prompt where it covers nothing, landscape and portrait', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ]) {
      const page = await openBoard('hall', HELD_BACK_AUDIO, viewport);
      await page.getByTestId('sound-prompt').waitFor();
      await page.screenshot({
        path: join(SCREENSHOTS, `board-sound-prompt-${viewport.width}x${viewport.height}.png`),
      });
      const prompt = await page.getByTestId('sound-prompt').boundingBox();
      if (!prompt) throw new Error('the sound prompt has no box');
      const covered: string[] = [];
      const regions = page.locator('.board__site, .clock, .board__main > *, .board__side > *, .ticker');
      for (const region of await regions.all()) {
        const box = await region.boundingBox();
        const overlaps =
          box !== null &&
          box.width > 0 &&
          box.x < prompt.x + prompt.width &&
          prompt.x < box.x + box.width &&
          box.y < prompt.y + prompt.height &&
          prompt.y < box.y + box.height;
        if (overlaps) covered.push((await region.getAttribute('class')) ?? '?');
      }
      expect(covered, `${viewport.width}×${viewport.height}`).toEqual([]);
      await page.context().close();
    }
  });

  it('raised no errors in the boards', () => {
    expect(pageErrors).toEqual([]);
  });
});
