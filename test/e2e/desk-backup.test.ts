/**
 * A backup on demand from the desk app's settings, in Chromium against a real server with
 * backups configured: the administrator clicks, the server writes the file, the screen names it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Instant } from '@queue/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Application, createApplication } from '../../apps/server/src/app';
import { listBackups } from '../../apps/server/src/backup';
import { silentLogger } from '../../apps/server/src/logger';
import { type Screens, launchScreens } from './support/browser';
import { DeskPage } from './support/desk-page';
import { WEEKDAY_10AM, assertBuilt } from './support/env';

describe('backup from the settings in Chromium', () => {
  let screens: Screens;
  let app: Application | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'queue-backup-e2e-'));
  const folder = join(dir, 'backups');

  beforeAll(async () => {
    assertBuilt(['desk']);
    screens = await launchScreens();
  });

  afterAll(async () => {
    await screens?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a backup when an administrator asks for one', async () => {
    app = await createApplication({
      databaseFile: join(dir, 'queue.sqlite'),
      seedDemo: true,
      clock: { now: () => WEEKDAY_10AM as Instant },
      logger: silentLogger,
      backup: { folder, keep: 5, intervalMs: 3_600_000 },
    });
    const url = `http://127.0.0.1:${await app.listen(0)}`;
    await app.backupNow(); // the start-up backup is then surely written
    const before = listBackups(folder);

    const admin = await DeskPage.login(screens, url, 'admin', 'admin');
    const page = admin.page;
    await page.locator('[data-tab="admin"]').click();
    await page.locator('[data-section="backup"]').click();
    await page.getByTestId('backup-now').click();
    const message = page.getByTestId('backup-message');
    await message.waitFor();

    const after = listBackups(folder);
    expect(after.length).toBe(before.length + 1);
    expect(await message.textContent()).toContain(basename(after.at(-1) ?? ''));
  });
});
