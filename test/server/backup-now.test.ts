/**
 * `backup:now`: an administrator takes a backup on demand from the desk app's settings,
 * through a real socket.io client; nobody else may.
 */
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Instant } from '@queue/core';
import { type Application, createApplication, silentLogger } from '@queue/server';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../apps/server/src/backup';
import { KIOSK_TOKEN, WEEKDAY_10AM, clientsFor, okData, tempDir, waitFor } from './harness';

const dirs: string[] = [];
const apps: Application[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const start = async (withBackups: boolean) => {
  const dir = tempDir('backup-now');
  dirs.push(dir);
  const folder = join(dir, 'backups');
  const app = await createApplication({
    databaseFile: join(dir, 'queue.sqlite'),
    seedDemo: true,
    clock: { now: () => WEEKDAY_10AM as Instant },
    logger: silentLogger,
    ...(withBackups ? { backup: { folder, keep: 5, intervalMs: 3_600_000 } } : {}),
  });
  apps.push(app);
  const port = await app.listen(0);
  const clients = clientsFor(() => `http://127.0.0.1:${port}`);
  return { folder, clients };
};

describe('backup:now', () => {
  it('takes a backup for an administrator and answers with its file and time', async () => {
    const { folder, clients } = await start(true);
    await waitFor(() => listBackups(folder).length === 1, 5_000, 'the start-up backup');
    const { token } = await clients.login('admin', 'admin');
    const admin = await clients.connect(token);

    const answer = await okData(admin.emitWithAck('backup:now', {}));
    const files = listBackups(folder);
    expect(files.length).toBe(2);
    expect(answer.file).toBe(basename(files.at(-1) ?? ''));
    expect(answer.at).toBeGreaterThan(0);
    const copy = new Database(files.at(-1) ?? '', { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    const audit = await okData(admin.emitWithAck('audit:list', {}));
    expect(audit.some((record) => record.action === 'backup:now')).toBe(true);
    clients.closeSockets();
  });

  it('is refused to everyone but administrators', async () => {
    const { folder, clients } = await start(true);
    await waitFor(() => listBackups(folder).length === 1, 5_000, 'the start-up backup');
    const kiosk = await clients.connect(KIOSK_TOKEN);
    const { token } = await clients.login('supervisor', '2222');
    const supervisor = await clients.connect(token);
    for (const socket of [kiosk, supervisor]) {
      const answer = await socket.emitWithAck('backup:now', {});
      expect(answer.ok ? 'ok' : answer.error.code).toBe('FORBIDDEN');
    }
    expect(listBackups(folder).length).toBe(1);
    clients.closeSockets();
  });

  it('says so when the server takes no backups', async () => {
    const { clients } = await start(false);
    const { token } = await clients.login('admin', 'admin');
    const admin = await clients.connect(token);
    const answer = await admin.emitWithAck('backup:now', {});
    expect(answer.ok ? 'ok' : answer.error.code).toBe('NOT_FOUND');
    clients.closeSockets();
  });
});
