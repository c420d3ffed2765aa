/**
 * The code-page test from the desk app's settings, in Chromium against a real server whose
 * kiosk-1 prints on a fake network printer (an Xprinter-type profile): the administrator
 * clicks, the printer receives every Cyrillic letter under ESC t 73, the screen says so; a
 * kiosk printing through its own app shows the self-test hint and no button.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRE, type Instant } from '@queue/core';
import { UKRAINIAN_UPPER } from '@queue/printer';
import { decodeEscPos, readableLines } from '@queue/printer/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Application, createApplication } from '../../apps/server/src/app';
import { silentLogger } from '../../apps/server/src/logger';
import { type FakePrinter, startFakePrinter } from '../support/fake-printer';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { WEEKDAY_10AM, assertBuilt } from './support/env';

describe('code-page test from the settings in Chromium', () => {
  let screens: Screens;
  let app: Application | undefined;
  let printer: FakePrinter | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'queue-printer-test-e2e-'));

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await app?.close();
    await printer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the test on the kiosk printer when an administrator asks', async () => {
    printer = await startFakePrinter();
    app = await createApplication({
      databaseFile: join(dir, 'queue.sqlite'),
      seedDemo: true,
      clock: { now: () => WEEKDAY_10AM as Instant },
      logger: silentLogger,
      centre: {
        ...DEMO_CENTRE,
        kiosks: [
          {
            deviceId: 'kiosk-1',
            name: 'Кіоск біля входу',
            printer: { transport: 'tcp', host: printer.host, port: printer.port, profileId: 'xprinter-80' },
          },
          { deviceId: 'kiosk-2', name: 'Кіоск на USB', printer: { transport: 'usb', profileId: 'epson-80' } },
        ],
      },
    });
    const url = `http://127.0.0.1:${await app.listen(0)}`;

    const admin = await DeskPage.login(screens, url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();
    await page.locator('[data-section="kiosks"]').click();
    await page.locator('[data-entry="kiosk-1"]').click();
    await page.getByTestId('printer-test-print').click();
    const done = page.getByTestId('printer-test-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('xprinter-80');

    const job = printer.connections().find((bytes) => bytes[0] === 0x1b && bytes[1] === 0x40);
    expect(job).toBeDefined();
    expect(decodeEscPos(job ?? new Uint8Array()).codePages).toEqual([73]);
    expect(
      readableLines(job ?? new Uint8Array())
        .join('')
        .replaceAll(' ', ''),
    ).toContain(UKRAINIAN_UPPER);

    await page.locator('[data-entry="kiosk-2"]').click();
    await page.getByTestId('printer-test-kiosk-prints').waitFor();
    expect(await page.getByTestId('printer-test-print').count()).toBe(0);
  });
});
