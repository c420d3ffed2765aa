/**
 * The window display above a desk (`/window/?desk=N`, a page of the board's build) in a real
 * Chromium against an in-process server: it names its desk; a call to that desk shows the
 * number, blinking for a few seconds; a call to another desk leaves it as it is; when the
 * visit ends it says the window is free. With reduced motion the new number is highlighted
 * without blinking. At 800×480, 1280×400 and 1920×540 nothing is clipped, neither the desk's
 * name nor the number overflows, and axe-core finds nothing; screenshots go to
 * .tmp/window-display-*.png. When the server goes away it says so and comes back by itself.
 * Needs the built board (`npm run build -w apps/display`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DISPLAY_TOKEN, KIOSK_TOKEN, ROOT, UI_TIMEOUT, screenshotPath } from './support/env';
import { unfitControls } from './support/fits';
import { type ClientSocket, type TestServer, okData, rid, startServer } from './support/server';

const SIZES = [
  { width: 800, height: 480 },
  { width: 1280, height: 400 },
  { width: 1920, height: 540 },
] as const;
const SHOWN = { timeout: UI_TIMEOUT };
/** The blinking lasts five seconds (HIGHLIGHT_MS); leave room for a busy machine. */
const BLINK_ENDS = { timeout: 15_000 };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe-core violation on the page as it is now (any impact), as readable lines. */
const axeViolations = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate('"axe" in globalThis'))) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate('axe.run().then((result) => result.violations)')) as {
    id: string;
    nodes: { target: string[] }[];
  }[];
  return violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
};

/**
 * Texts that do not fit: wider than their own box (scrollWidth > clientWidth), or reaching
 * out of the screen or of the cell that holds them (which hides what overflows).
 */
const TEXT_FIT = `(() => {
  const problems = [];
  for (const selector of ['.window__desk', '.window__number', '.window__label', '.window__free', '.window__notice']) {
    for (const node of document.querySelectorAll(selector)) {
      const box = node.getBoundingClientRect();
      if (node.scrollWidth > node.clientWidth + 1) problems.push(selector + ' overflows: ' + node.scrollWidth + ' > ' + node.clientWidth);
      if (box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) {
        problems.push(selector + ' leaves the screen');
      }
      const cell = node.closest('.window__cell');
      if (cell) {
        const outer = cell.getBoundingClientRect();
        if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5 || box.top < outer.top - 0.5 || box.bottom > outer.bottom + 0.5) {
          problems.push(selector + ' is clipped by its cell');
        }
      }
    }
  }
  return problems;
})()`;
const unfitTexts = (page: Page): Promise<string[]> => page.evaluate(TEXT_FIT) as Promise<string[]>;

/** The called number's box as the browser draws it now. */
const callStyle = (page: Page): Promise<{ animation: string; background: string }> =>
  page.evaluate(`(() => {
    const style = getComputedStyle(document.querySelector('[data-testid="window-call"]'));
    return { animation: style.animationName, background: style.backgroundColor };
  })()`) as Promise<{ animation: string; background: string }>;

const windowUrl = (server: TestServer, desk: string, extra = ''): string =>
  `${server.url}/window/?desk=${desk}&device=${DISPLAY_TOKEN}${extra}`;

describe('window display in Chromium', { timeout: 120_000 }, () => {
  let server: TestServer;
  let screens: Screens;
  let kiosk: ClientSocket;
  const desks = new Map<number, ClientSocket>();

  /** The operator of desk `n`, logged in, connected; the desk opened when asked. */
  const operator = async (n: number): Promise<ClientSocket> => {
    const known = desks.get(n);
    if (known) return known;
    const { token } = await server.login(`operator${n}`, '1111');
    const socket = await server.connect(token);
    desks.set(n, socket);
    return socket;
  };
  const openDesk = async (n: number): Promise<void> => {
    await okData((await operator(n)).emitWithAck('desk:open', { requestId: rid('open') }));
  };
  /** A ticket for `serviceCode`, called at desk `n`: its number and id. */
  const issueAndCall = async (n: number, serviceCode: string): Promise<{ number: string; id: string }> => {
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid('issue'), serviceCode }));
    const answer = await okData(
      (await operator(n)).emitWithAck('visit:call-next', { requestId: rid('call') }),
    );
    if (!answer.ticket) throw new Error(`desk ${n} called nobody`);
    return { number: answer.ticket.number, id: answer.ticket.id };
  };
  const finish = async (n: number, ticketId: string): Promise<void> => {
    const socket = await operator(n);
    await okData(socket.emitWithAck('visit:start', { requestId: rid('start'), ticketId }));
    await okData(socket.emitWithAck('visit:complete', { requestId: rid('done'), ticketId }));
  };
  const online = async (page: Page): Promise<void> => {
    await page.locator('main.window').waitFor();
    await page.locator('.connection-banner').waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'apps/display/dist/window/index.html'))) {
      throw new Error('The window display is not built: run `npm run build -w apps/display` first.');
    }
    server = await startServer();
    kiosk = await server.connect(KIOSK_TOKEN);
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('names its desk, shows a call to it blinking, ignores another desk, and is free after the visit', async () => {
    const page = await screens.open(windowUrl(server, '5'), { width: 1280, height: 400 });
    await online(page);
    await expect.poll(() => page.getByTestId('window-desk').innerText(), SHOWN).toBe('Вікно 5');
    // The desk is not open yet, then it opens with nobody called.
    await expect.poll(() => page.getByTestId('window-free').innerText(), SHOWN).toBe('Вікно не працює');
    await openDesk(5);
    await expect.poll(() => page.getByTestId('window-free').innerText(), SHOWN).toBe('Вікно вільне');
    expect(await page.title()).toBe('Вікно 5: Табло вікна');

    const called = await issueAndCall(5, 'doc-residence');
    const call = page.getByTestId('window-call');
    await expect.poll(() => page.getByTestId('window-number').innerText(), SHOWN).toBe(called.number);
    expect(await call.getAttribute('data-fresh')).toBe('true');
    expect((await callStyle(page)).animation).toBe('window-blink');
    expect(await call.innerText()).toContain('ЗАПРОШУЄМО');

    // Desk 1, named by its id, gets its own call; the display of desk 5 keeps its number.
    const other = await screens.open(windowUrl(server, 'desk-1'), { width: 1280, height: 400 });
    await online(other);
    await expect.poll(() => other.getByTestId('window-desk').innerText(), SHOWN).toBe('Вікно 1');
    await openDesk(1);
    const elsewhere = await issueAndCall(1, 'bill-reconcile');
    await expect.poll(() => other.getByTestId('window-number').innerText(), SHOWN).toBe(elsewhere.number);
    expect(await page.getByTestId('window-number').innerText()).toBe(called.number);

    // The blinking stops after a few seconds; the number stays.
    await expect.poll(() => call.getAttribute('data-fresh'), BLINK_ENDS).toBe('false');
    expect((await callStyle(page)).animation).toBe('none');
    expect(await page.getByTestId('window-number').innerText()).toBe(called.number);

    // The visitor comes to the desk: the number is served now, not called.
    const desk5 = await operator(5);
    await okData(desk5.emitWithAck('visit:start', { requestId: rid('start'), ticketId: called.id }));
    await expect.poll(() => call.innerText(), SHOWN).toContain('ОБСЛУГОВУЄТЬСЯ');
    expect(await page.getByTestId('window-number').innerText()).toBe(called.number);
    expect(await other.getByTestId('window-call').innerText()).toContain('ЗАПРОШУЄМО');
    await okData(desk5.emitWithAck('visit:complete', { requestId: rid('done'), ticketId: called.id }));
    await expect.poll(() => page.getByTestId('window-free').innerText(), SHOWN).toBe('Вікно вільне');
    expect(await other.getByTestId('window-number').innerText()).toBe(elsewhere.number);
    await finish(1, elsewhere.id);
    await expect.poll(() => other.getByTestId('window-free').innerText(), SHOWN).toBe('Вікно вільне');
    expect(screens.pageErrors).toEqual([]);
    await screens.closePages();
  });

  it('highlights a new call without blinking when the viewer asked for less motion', async () => {
    const context = await screens.browser.newContext({
      viewport: { width: 1280, height: 400 },
      locale: 'uk-UA',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(windowUrl(server, '5'));
    await online(page);
    await expect.poll(() => page.getByTestId('window-free').innerText(), SHOWN).toBe('Вікно вільне');
    const called = await issueAndCall(5, 'doc-residence');
    const call = page.getByTestId('window-call');
    await expect.poll(() => page.getByTestId('window-number').innerText(), SHOWN).toBe(called.number);
    expect(await call.getAttribute('data-fresh')).toBe('true');
    expect(await callStyle(page)).toEqual({ animation: 'none', background: 'rgb(255, 210, 0)' });
    await page.screenshot({ path: screenshotPath('window-display-reduced-motion.png') });
    await finish(5, called.id);
    await expect.poll(() => page.getByTestId('window-free').innerText(), SHOWN).toBe('Вікно вільне');
    await context.close();
  });

  it('fits 800×480, 1280×400 and 1920×540: the number and the desk’s name whole, nothing for axe', async () => {
    const called = await issueAndCall(5, 'doc-residence');
    for (const size of SIZES) {
      const name = `${size.width}x${size.height}`;
      const busy = await screens.open(windowUrl(server, '5'), size);
      await online(busy);
      await expect.poll(() => busy.getByTestId('window-number').innerText(), SHOWN).toBe(called.number);
      await busy.screenshot({ path: screenshotPath(`window-display-${name}-called.png`) });
      expect.soft(await unfitControls(busy), name).toEqual([]);
      expect.soft(await unfitTexts(busy), name).toEqual([]);
      expect.soft(await axeViolations(busy), name).toEqual([]);

      // The longest name (Кабінет 13) and the longest word for a free window (English).
      const idle = await screens.open(windowUrl(server, '13', '&lang=en'), size);
      await online(idle);
      await expect
        .poll(() => idle.getByTestId('window-free').innerText(), SHOWN)
        .toBe('This window is closed');
      expect(await idle.getByTestId('window-desk').innerText()).toBe('Room 13');
      await idle.screenshot({ path: screenshotPath(`window-display-${name}-idle-en.png`) });
      expect.soft(await unfitControls(idle), `${name} idle`).toEqual([]);
      expect.soft(await unfitTexts(idle), `${name} idle`).toEqual([]);
      expect.soft(await axeViolations(idle), `${name} idle`).toEqual([]);

      const room = await screens.open(windowUrl(server, '13'), size);
      await online(room);
      await expect.poll(() => room.getByTestId('window-desk').innerText(), SHOWN).toBe('Кабінет 13');
      expect.soft(await unfitTexts(room), `${name} Кабінет 13`).toEqual([]);
      await screens.closePages();
    }
    await finish(5, called.id);
  });

  it('says in words when its desk is unknown', async () => {
    const page = await screens.open(windowUrl(server, '99'), { width: 800, height: 480 });
    await expect.poll(() => page.getByTestId('window-unknown').innerText(), SHOWN).toContain('«99»');
    expect.soft(await unfitTexts(page)).toEqual([]);
    expect.soft(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('window-display-unknown.png') });
    await screens.closePages();
  });

  it('says when the server is gone, comes back by itself and shows a call made meanwhile', async () => {
    const page = await screens.open(windowUrl(server, '5'), { width: 1280, height: 400 });
    await online(page);
    await expect.poll(() => page.getByTestId('window-free').innerText(), SHOWN).toBe('Вікно вільне');
    for (const socket of desks.values()) socket.close();
    desks.clear();
    kiosk.close();
    await server.stop();
    await expect
      .poll(() => page.locator('.connection-banner').innerText(), SHOWN)
      .toBe('Немає зв’язку із сервером. Відновлюємо з’єднання…');
    await page.screenshot({ path: screenshotPath('window-display-offline.png') });
    await server.start();
    kiosk = await server.connect(KIOSK_TOKEN);
    const called = await issueAndCall(5, 'doc-residence');
    // The client retries within its back-off (at most 5 s).
    await expect
      .poll(() => page.getByTestId('window-number').innerText(), { timeout: 20_000 })
      .toBe(called.number);
    await page.locator('.connection-banner').waitFor({ state: 'detached' });
    expect(screens.pageErrors).toEqual([]);
  });
});
