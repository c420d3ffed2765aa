/**
 * Chromium for the front-end benchmark (Debian's, driven by playwright-core): every page in
 * a fresh context, so nothing is cached, optionally with the CPU slowed down through CDP the
 * way a cheap touch PC is; and the time at which a selector first matches a usable element,
 * taken inside the page (after the frame that shows it) rather than by polling from outside.
 */
import { gzipSync } from 'node:zlib';
import { type Browser, type CDPSession, type Page, chromium } from 'playwright-core';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
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

export interface BenchPage {
  readonly page: Page;
  readonly cdp: CDPSession;
  close(): Promise<void>;
}

/**
 * Installed before the page's own scripts: records `performance.now()` (milliseconds since
 * the navigation started) at the first animation frame in which an element matching the
 * selector is in the document, laid out and not disabled.
 */
const firstUsableScript = (selector: string): string => `
  (() => {
    let frame = 0;
    // Layout is read in a frame callback, not in the observer: forcing it on every mutation
    // would slow the page down that is being measured.
    const check = () => {
      frame = 0;
      const element = document.querySelector(${JSON.stringify(selector)});
      if (element === null || element.disabled || element.getBoundingClientRect().width === 0) return;
      observer.disconnect();
      window.__firstUsableMs = performance.now();
    };
    const observer = new MutationObserver(() => {
      if (frame === 0 && document.querySelector(${JSON.stringify(selector)}) !== null) frame = requestAnimationFrame(check);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  })();`;

export const openPage = async (
  browser: Browser,
  options: {
    readonly cpuSlowdown: number;
    readonly usableSelector?: string;
    readonly viewport?: { width: number; height: number };
  },
): Promise<BenchPage> => {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1080, height: 1920 },
    locale: 'uk-UA',
  });
  if (options.usableSelector)
    await context.addInitScript({ content: firstUsableScript(options.usableSelector) });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  if (options.cpuSlowdown > 1)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
  return { page, cdp, close: () => context.close() };
};

/** Milliseconds from navigation start to the first usable frame (see firstUsableScript). */
export const firstUsableMs = async (page: Page): Promise<number> => {
  await page.waitForFunction(
    () => (globalThis as { __firstUsableMs?: number }).__firstUsableMs !== undefined,
  );
  return page.evaluate(() => (globalThis as unknown as { __firstUsableMs: number }).__firstUsableMs);
};

export interface ScriptBytes {
  readonly files: number;
  readonly raw: number;
  readonly gzip: number;
}

const gzipped = new Map<string, { raw: number; gzip: number }>();

/** The JavaScript files the page had fully loaded by `byMs` (since navigation), raw and gzipped. */
export const scriptBytesBy = async (page: Page, byMs: number): Promise<ScriptBytes> => {
  const urls = await page.evaluate(
    (limit) =>
      (performance.getEntriesByType('resource') as unknown as { name: string; responseEnd: number }[])
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js') && entry.responseEnd <= limit)
        .map((entry) => entry.name),
    byMs,
  );
  let raw = 0;
  let gzip = 0;
  for (const url of new Set(urls)) {
    let sizes = gzipped.get(url);
    if (!sizes) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      sizes = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      gzipped.set(url, sizes);
    }
    raw += sizes.raw;
    gzip += sizes.gzip;
  }
  return { files: new Set(urls).size, raw, gzip };
};
