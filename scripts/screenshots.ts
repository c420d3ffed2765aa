/**
 * `npm run screenshots`: a picture of every screen at every size centres buy, for a person to
 * look at, and the checks the browser tests make on each. It starts a queue server on the demo
 * centre (loopback, a throwaway SQLite file, the clock held at 10:00 on a Tuesday), puts it in
 * a state worth looking at (scripts/lib/screens.ts: tickets waiting, desks calling and
 * serving, a postponed visitor, a booking, an appeal, two days of history for the reports),
 * and a second server on an empty database for the first-run setup page. Debian's Chromium
 * (playwright-core; CHROMIUM_PATH to use another) visits the kiosk, the hall board, the window
 * displays, the desk app, the visitor's phone pages and the setup page; each picture goes to
 * `screenshots/<app>-<screen>-<W>x<H>.png`. At the end a table lists each screen and size, the
 * controls that do not fit (clipped or outside the viewport) and the number of axe-core
 * violations of any impact, then the details of each problem.
 *
 * Flags: --out <folder> (instead of screenshots/), --only <app,...> (kiosk, board, window,
 * desk, phone, setup), --no-fail (exit 0 even when a screen has problems). The exit code is
 * otherwise 1 when any screen has a clipped control, an axe-core violation or failed to load.
 * Needs the built front ends: `npm run screenshots` builds them first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../apps/server/src/logger';
import type { SetupMode } from '../apps/server/src/setup-mode/setup-server';
import { startCentre } from '../apps/server/src/setup-mode/start-centre';
import { launchScreens } from '../test/e2e/support/browser';
import { ROOT, assertBuilt } from '../test/e2e/support/env';
import { TestClock, startServer } from '../test/e2e/support/server';
import { STAGE_START, type ScreenResult, captureScreens, stageDemo } from './lib/screens';

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: 'screenshots' },
    only: { type: 'string' },
    'no-fail': { type: 'boolean', default: false },
  },
});
const out = resolve(process.cwd(), flags.out);
const apps = flags.only ? flags.only.split(',').map((name) => name.trim()) : [];

/** A server on an empty database, in setup mode: the address of its setup page. */
const startSetupServer = async (): Promise<{ url: string; close(): Promise<void> }> => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-screenshots-setup-'));
  let mode: SetupMode | undefined;
  const ready = new Promise<number>((resolvePort, reject) => {
    startCentre(
      { databaseFile: join(dir, 'queue.sqlite'), logger: silentLogger, seedDemo: false },
      0,
      '127.0.0.1',
      {
        onSetupMode: (setup, port) => {
          mode = setup;
          resolvePort(port);
        },
      },
    ).catch(reject);
  });
  const port = await ready;
  return {
    url: `http://127.0.0.1:${port}/setup`,
    close: async () => {
      await mode?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const problems = (result: ScreenResult): number =>
  result.unfit.length + result.violations.length + (result.error ? 1 : 0);

const printTable = (results: readonly ScreenResult[]): void => {
  const rows = results.map((result) => [
    `${result.app}-${result.screen}`,
    result.size,
    result.error ? 'FAILED' : result.unfit.length === 0 ? 'fits' : `${result.unfit.length} unfit`,
    result.error ? '-' : String(result.violations.length),
  ]);
  const header = ['screen', 'size', 'clipping', 'axe'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
};

const main = async (): Promise<number> => {
  assertBuilt(['kiosk', 'display', 'desk']);
  const server = await startServer({ clock: new TestClock(STAGE_START), tickMs: 100 });
  const setup = !apps.length || apps.includes('setup') ? await startSetupServer() : undefined;
  const screens = await launchScreens();
  try {
    const staged = await stageDemo(server);
    const results = await captureScreens({
      screens,
      server,
      staged,
      out,
      apps,
      ...(setup ? { setupUrl: setup.url } : {}),
      onResult: (result) =>
        process.stderr.write(
          `${problems(result) === 0 ? 'ok  ' : 'BAD '} ${result.app}-${result.screen} ${result.size}\n`,
        ),
    });
    console.log('');
    printTable(results);
    const bad = results.filter((result) => problems(result) > 0);
    for (const result of bad) {
      console.log(
        `\n${result.app}-${result.screen} ${result.size}${result.file ? ` (${relative(ROOT, result.file)})` : ''}`,
      );
      if (result.error) console.log(`  failed: ${result.error}`);
      for (const unfit of result.unfit) console.log(`  unfit: ${unfit}`);
      for (const violation of result.violations) console.log(`  axe: ${violation}`);
    }
    if (screens.pageErrors.length > 0) {
      console.log('\nPage errors:');
      for (const error of screens.pageErrors) console.log(`  ${error}`);
    }
    console.log(
      `\n${results.length} pictures in ${relative(process.cwd(), out) || '.'}; ${bad.length} with problems.`,
    );
    return bad.length > 0 && !flags['no-fail'] ? 1 : 0;
  } finally {
    await screens.close();
    await server.close();
    await setup?.close();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
