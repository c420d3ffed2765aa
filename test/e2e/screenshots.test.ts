/**
 * The screens `npm run screenshots` visits that no other browser test checks: every section
 * of the desk app's Settings and the Devices tab (an administrator), the appeals journal and
 * an appeal's details (a supervisor), on the demo centre staged as the script stages it
 * (scripts/lib/screens.ts), at 1366x768 (the script adds 1920x1080). Each fits (no control
 * clipped or outside the viewport) and axe-core finds no violation of any impact. Pictures
 * go to .tmp/screenshots/. Needs the built desk app (`npm run build -w apps/desk`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_START, captureScreens, stageDemo } from '../../scripts/lib/screens';
import { type Screens, launchScreens } from './support/browser';
import { assertBuilt, screenshotPath } from './support/env';
import { type TestServer, TestClock, startServer } from './support/server';

describe('the screens only the screenshots visit', () => {
  let screens: Screens;
  let server: TestServer;

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
    server = await startServer({ clock: new TestClock(STAGE_START), tickMs: 100 });
  });

  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  it('Settings, Devices and the appeals journal fit 1366x768, axe clean', async () => {
    const staged = await stageDemo(server);
    const results = await captureScreens({
      screens,
      server,
      staged,
      out: screenshotPath('screenshots'),
      apps: ['desk'],
      groups: ['admin', 'journal'],
      // The smaller of the desks' screens only: what fits it fits 1920x1080 (the script takes both).
      sizes: ['1366x768'],
    });
    const screensSeen = new Set(results.map((result) => result.screen));
    for (const screen of ['settings-services', 'settings-partners', 'devices', 'journal', 'journal-appeal']) {
      expect(screensSeen, screen).toContain(screen);
    }
    const problems = results
      .filter((result) => result.error || result.unfit.length > 0 || result.violations.length > 0)
      .map((result) => ({
        screen: `${result.app}-${result.screen} ${result.size}`,
        error: result.error,
        unfit: result.unfit,
        violations: result.violations,
      }));
    expect(problems).toEqual([]);
    expect(screens.pageErrors).toEqual([]);
  }, 180_000);
});
