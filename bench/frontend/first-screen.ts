/**
 * Time to the first usable screen, cold: each run opens the page in a fresh browser context
 * (empty cache) with the CPU slowed down 4× and measures, in the page, the first frame in
 * which the kiosk's category tiles (or the board's rows of calls) are shown and can be
 * tapped; and the JavaScript the page had loaded by then. One warm-up run is not counted (it
 * pays for starting the browser's renderer, not for the page).
 */
import type { Browser } from 'playwright-core';
import { type ScriptBytes, firstUsableMs, openPage, scriptBytesBy } from './browser';

export type { ScriptBytes };

export interface Screen {
  readonly name: string;
  /** The page's path and query on the server. */
  readonly path: string;
  /** The element that makes the screen usable. */
  readonly usable: string;
  readonly viewport: { width: number; height: number };
}

export interface FirstScreen {
  readonly timesMs: number[];
  readonly bytes: ScriptBytes;
}

/**
 * The screen from each of the servers (one per build), run by run in turn, so that a build
 * measured while other work loads the machine is not the only one that pays for it.
 */
export const measureFirstScreen = async (
  browser: Browser,
  urls: readonly string[],
  screen: Screen,
  runs: number,
  cpuSlowdown: number,
): Promise<FirstScreen[]> => {
  const results = urls.map(() => ({ timesMs: [] as number[], bytes: { files: 0, raw: 0, gzip: 0 } }));
  for (let run = 0; run <= runs; run += 1) {
    for (const [index, url] of urls.entries()) {
      const opened = await openPage(browser, {
        cpuSlowdown,
        usableSelector: screen.usable,
        viewport: screen.viewport,
      });
      try {
        await opened.page.goto(`${url}${screen.path}`);
        const ms = await firstUsableMs(opened.page);
        // The element must really take a tap, not only be in the document.
        await opened.page.locator(screen.usable).first().click({ trial: true });
        const result = results[index];
        if (run === 0 || !result) continue;
        result.timesMs.push(ms);
        result.bytes = await scriptBytesBy(opened.page, ms);
      } finally {
        await opened.close();
      }
    }
  }
  return results;
};
