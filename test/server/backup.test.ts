/**
 * Backups: taken online while the server runs, pruned to the newest few, and restorable
 * with the restore command's function, after which the server starts on the restored data.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { Instant } from '@queue/core';
import { type Application, createApplication, silentLogger } from '@queue/server';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../apps/server/src/backup';
import { RestoreError, restoreBackup } from '../../apps/server/src/restore';
import { KIOSK_TOKEN, REPO_ROOT, WEEKDAY_10AM, clientsFor, okData, rid, tempDir, waitFor } from './harness';

const dirs: string[] = [];
const apps: Application[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const start = async (databaseFile: string, folder: string): Promise<{ app: Application; url: string }> => {
  const app = await createApplication({
    databaseFile,
    seedDemo: true,
    clock: { now: () => WEEKDAY_10AM as Instant },
    logger: silentLogger,
    backup: { folder, keep: 2, intervalMs: 3_600_000 },
  });
  apps.push(app);
  const port = await app.listen(0);
  return { app, url: `http://127.0.0.1:${port}` };
};

const issue = async (url: string): Promise<string> => {
  const clients = clientsFor(() => url);
  const kiosk = await clients.connect(KIOSK_TOKEN);
  const issued = await okData(
    kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'doc-copy' }),
  );
  clients.closeSockets();
  return issued.ticket.number;
};

describe('backups', () => {
  it('copies the live database, keeps the newest ones, and restores', async () => {
    const dir = tempDir('backup');
    dirs.push(dir);
    const databaseFile = join(dir, 'queue.sqlite');
    const folder = join(dir, 'backups');
    const { app, url } = await start(databaseFile, folder);

    expect(await issue(url)).toBe('Д-001');
    const first = await app.backupNow();
    expect(await issue(url)).toBe('Д-002');
    for (let index = 0; index < 3; index += 1) await app.backupNow();
    expect(listBackups(folder).length).toBe(2);
    expect(existsSync(first)).toBe(false);

    // A backup taken after Д-001 only: restore it and the server continues from there, above
    // Д-002, which a visitor holds although the backup does not know it.
    const onlyFirst = join(dir, 'manual.sqlite');
    const snapshot = listBackups(folder).at(-1) ?? '';
    const db = new Database(snapshot);
    db.prepare("DELETE FROM tickets WHERE number = 'Д-002'").run();
    db.prepare("UPDATE day_counters SET value = 1 WHERE key = 'prefix:Д'").run();
    await db.backup(onlyFirst);
    db.close();

    await app.close();
    apps.length = 0;
    const { kept } = restoreBackup(onlyFirst, databaseFile);
    expect(kept !== undefined && existsSync(kept)).toBe(true);
    const restarted = await start(databaseFile, folder);
    expect(await issue(restarted.url)).toBe('Д-003');
  });

  it('takes a backup at start-up, not only after the first interval', async () => {
    const dir = tempDir('backup-start');
    dirs.push(dir);
    const folder = join(dir, 'backups');
    const { app } = await start(join(dir, 'queue.sqlite'), folder);
    await waitFor(() => listBackups(folder).length === 1, 5_000, 'the start-up backup');
    // Closing waits for a backup under way rather than closing the database under it.
    await app.backupNow();
    await app.close();
    apps.length = 0;
    const copy = new Database(listBackups(folder).at(-1) ?? '', { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('backs up on demand from the command line while the server runs', { timeout: 30_000 }, async () => {
    const dir = tempDir('backup-command');
    dirs.push(dir);
    const databaseFile = join(dir, 'queue.sqlite');
    const folder = join(dir, 'backups');
    const { url } = await start(databaseFile, folder);
    await waitFor(() => listBackups(folder).length === 1, 5_000, 'the start-up backup');
    expect(await issue(url)).toBe('Д-001');

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/backup-command.ts'],
      { cwd: REPO_ROOT, env: { ...process.env, QUEUE_DB: databaseFile, QUEUE_BACKUP_DIR: folder } },
    );
    const file = listBackups(folder).at(-1) ?? '';
    expect(stdout).toContain(file);
    const copy = new Database(file, { readonly: true });
    const numbers = copy.prepare<[], { number: string }>('SELECT number FROM tickets').all();
    copy.close();
    expect(numbers.map((row) => row.number)).toEqual(['Д-001']);
  });

  it('refuses a damaged backup or one from a newer version, leaving the database alone', () => {
    const dir = tempDir('restore');
    dirs.push(dir);
    const target = join(dir, 'queue.sqlite');
    const newer = join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    expect(() => restoreBackup(newer, target)).toThrow(RestoreError);
    expect(() => restoreBackup(join(dir, 'missing.sqlite'), target)).toThrow(RestoreError);
    expect(existsSync(target)).toBe(false);
  });
});
