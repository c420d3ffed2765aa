/**
 * Debian's Chromium driven by playwright-core: one browser per test file, a context per
 * screen, and every page error collected so a test can assert there were none.
 */
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { UI_TIMEOUT } from './env';

export interface Screens {
  readonly browser: Browser;
  readonly pageErrors: string[];
  /**
   * A new page in its own context (own storage: a separate computer); `init` runs in it
   * before the page's own scripts.
   */
  open(url: string, viewport?: { width: number; height: number }, init?: string): Promise<Page>;
  /** Close every context opened so far (the browser stays). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export const DESK_VIEWPORT = { width: 1366, height: 768 };

/**
 * An init script acting out a desktop browser that holds sound back until a tap (headless
 * Chromium plays sound whatever its autoplay flag, but may start it late on a busy machine).
 */
export const HELD_BACK_AUDIO = `
  const Native = window.AudioContext;
  window.AudioContext = class extends Native {
    constructor(options) { super(options); void super.suspend(); }
    resume() { return navigator.userActivation.isActive ? super.resume() : new Promise(() => {}); }
  };`;

export const launchScreens = async (): Promise<Screens> => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    browser,
    pageErrors,
    open: async (url, viewport = DESK_VIEWPORT, init) => {
      const context = await browser.newContext({ viewport, locale: 'uk-UA' });
      contexts.push(context);
      if (init) await context.addInitScript({ content: init });
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT);
      page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
      await page.goto(url);
      return page;
    },
    closePages: async () => {
      for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
    },
    close: async () => {
      for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
};
