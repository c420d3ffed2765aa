/**
 * Restore, against real servers: the undo copy holds every commit of the file it replaces
 * (also those still in the `-wal` of a server that was killed), a restore refuses to run
 * while a server holds the database, and a restored centre never hands out again a number
 * that visitors may already hold.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instant } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { createApplication, silentLogger } from '@queue/server';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RestoreError, restoreBackup } from '../../apps/server/src/restore';
import {
  type ChildServer,
  KIOSK_TOKEN,
  WEEKDAY_10AM,
  clientsFor,
  okData,
  rid,
  spawnServer,
  startServer,
  TestClock,
  tempDir,
} from './harness';

const dirs: string[] = [];
const children: ChildServer[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.child.exitCode === null && child.child.signalCode === null) {
      child.child.kill('SIGKILL');
      await child.exited;
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const freshDir = (tag: string): string => {
  const dir = tempDir(tag);
  dirs.push(dir);
  return dir;
};

/** A server process on `databaseFile` at 10:00 (plus `minutes`), backups into `<dir>/backups`. */
const spawnAt = async (dir: string, databaseFile: string, minutes = 0): Promise<ChildServer> => {
  const child = await spawnServer(
    databaseFile,
    new Date(WEEKDAY_10AM + minutes * 60_000).toISOString(),
    20_000,
    {
      QUEUE_BACKUP_DIR: join(dir, 'backups'),
      QUEUE_MDNS: '0',
    },
  );
  children.push(child);
  return child;
};

const issueAt = async (url: string, count: number): Promise<IssuedTicket[]> => {
  const clients = clientsFor(() => url);
  const kiosk = await clients.connect(KIOSK_TOKEN);
  const issued: IssuedTicket[] = [];
  for (let index = 0; index < count; index += 1) {
    issued.push(
      await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'doc-copy' })),
    );
  }
  clients.closeSockets();
  return issued;
};

const killed = async (child: ChildServer): Promise<void> => {
  child.child.kill('SIGKILL');
  await child.exited;
};

/** A consistent copy of a file a server is using, as a backup would take it. */
const snapshotOf = async (databaseFile: string, into: string): Promise<void> => {
  const live = new Database(databaseFile, { readonly: true });
  await live.backup(into);
  live.close();
};

const epochOf = (file: string): string => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'").get()?.value ?? '';
  } finally {
    db.close();
  }
};

const ticketNumbersIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { number: string }>('SELECT number FROM tickets ORDER BY number')
      .all()
      .map((row) => row.number);
  } finally {
    db.close();
  }
};

describe('restore', () => {
  it(
    'keeps every commit of the replaced file in the undo copy, also those in its -wal',
    { timeout: 60_000 },
    async () => {
      const dir = freshDir('restore-undo');
      const databaseFile = join(dir, 'queue.sqlite');
      const backup = join(dir, 'early.sqlite');

      const server = await spawnAt(dir, databaseFile);
      await issueAt(server.url, 1);
      await snapshotOf(databaseFile, backup);
      const later = await issueAt(server.url, 3);
      // A crash: the last commits are only in queue.sqlite-wal.
      await killed(server);
      expect(existsSync(`${databaseFile}-wal`)).toBe(true);

      const { kept } = restoreBackup(backup, databaseFile);
      expect(kept).toBeDefined();
      const undo = ticketNumbersIn(kept ?? '');
      for (const issued of later) expect(undo).toContain(issued.ticket.number);
      expect(ticketNumbersIn(databaseFile)).toEqual(['Д-001']);
    },
  );

  it(
    'refuses to run while a server holds the database, and runs once it is gone',
    { timeout: 60_000 },
    async () => {
      const dir = freshDir('restore-lock');
      const databaseFile = join(dir, 'queue.sqlite');
      const backup = join(dir, 'early.sqlite');
      const server = await spawnAt(dir, databaseFile);
      await issueAt(server.url, 2);
      await snapshotOf(databaseFile, backup);

      // An idle server in another process: the restore is refused and touches nothing.
      expect(() => restoreBackup(backup, databaseFile)).toThrow(RestoreError);
      expect(() => restoreBackup(backup, databaseFile)).toThrow(/stop the server first/);
      expect(readdirSync(dir).filter((name) => name.includes('before-restore'))).toEqual([]);
      expect(ticketNumbersIn(databaseFile)).toEqual(['Д-001', 'Д-002']);
      // Nor does a second server start on the file, in another process or in this one.
      await expect(spawnAt(dir, databaseFile)).rejects.toThrow(/in use by a running queue server/);
      await expect(createApplication({ databaseFile, seedDemo: true, logger: silentLogger })).rejects.toThrow(
        /in use/,
      );

      // Killed: the lock went with the process, nothing stale is left to clear by hand.
      await killed(server);
      expect(restoreBackup(backup, databaseFile).kept).toBeDefined();

      // An in-process server holds it the same way, and gives it back when closed.
      const inProcess = await startServer({ databaseFile });
      expect(() => restoreBackup(backup, databaseFile)).toThrow(RestoreError);
      await inProcess.app.close();
      expect(restoreBackup(backup, databaseFile).kept).toBeDefined();
    },
  );

  it('never hands out again a number issued after the backup', { timeout: 60_000 }, async () => {
    const dir = freshDir('restore-numbers');
    const databaseFile = join(dir, 'queue.sqlite');
    const backup = join(dir, 'early.sqlite');
    const first = await spawnAt(dir, databaseFile);
    await issueAt(first.url, 1);
    await snapshotOf(databaseFile, backup);
    const held = (await issueAt(first.url, 3)).map((issued) => issued.ticket.number);
    expect(held).toEqual(['Д-002', 'Д-003', 'Д-004']);
    await killed(first);
    const epochBefore = epochOf(databaseFile);

    const { numbers } = restoreBackup(backup, databaseFile);
    expect(numbers).toMatchObject({ source: 'replaced-file', floors: { Д: 4 } });
    // Screens reload everything instead of trusting event numbers the restored log reuses.
    expect(epochOf(databaseFile)).not.toBe(epochBefore);

    const second = await spawnAt(dir, databaseFile, 5);
    const next = (await issueAt(second.url, 2)).map((issued) => issued.ticket.number);
    expect(next).toEqual(['Д-005', 'Д-006']);
  });

  it('carries a later day forward into a backup of the day before', { timeout: 60_000 }, async () => {
    const dir = freshDir('restore-day');
    const databaseFile = join(dir, 'queue.sqlite');
    const backup = join(dir, 'monday.sqlite');
    const clock = new TestClock(WEEKDAY_10AM - 24 * 3_600_000);
    const server = await startServer({ databaseFile, clock });
    await issueAt(server.url, 2);
    await snapshotOf(databaseFile, backup);
    clock.advanceMinutes(24 * 60);
    const today = (await issueAt(server.url, 3)).map((issued) => issued.ticket.number);
    expect(today).toEqual(['Д-001', 'Д-002', 'Д-003']);
    server.closeSockets();
    await server.app.close();

    expect(restoreBackup(backup, databaseFile).numbers).toMatchObject({
      serviceDay: '2026-11-24',
      floors: { Д: 3 },
    });
    await server.restart();
    const next = (await issueAt(server.url, 1)).map((issued) => issued.ticket.number);
    expect(next).toEqual(['Д-004']);
    await server.close();
  });

  it('starts the day after a backup of the day before above an estimate when the replaced file is lost', async () => {
    const dir = freshDir('restore-lost');
    const databaseFile = join(dir, 'queue.sqlite');
    const backup = join(dir, 'monday.sqlite');
    const clock = new TestClock(WEEKDAY_10AM - 24 * 3_600_000);
    const server = await startServer({ databaseFile, clock });
    await issueAt(server.url, 5);
    await snapshotOf(databaseFile, backup);
    server.closeSockets();
    await server.app.close();
    rmSync(databaseFile);

    // The next morning: the disk with the live file is gone, the visitors' numbers are not.
    clock.at = WEEKDAY_10AM;
    const outcome = restoreBackup(backup, databaseFile, new Date(clock.at));
    expect(outcome.kept).toBeUndefined();
    expect(outcome.numbers).toMatchObject({ source: 'estimate', serviceDay: '2026-11-24' });
    const floor = outcome.numbers.floors['Д'] ?? 0;
    expect(floor).toBeGreaterThanOrEqual(100);
    await server.restart();
    const next = (await issueAt(server.url, 1)).map((issued) => issued.ticket.number);
    expect(next).toEqual([`Д-${floor + 1}`]);
    await server.close();
  });

  it('skips ahead by an estimate when the replaced file cannot be read, keeping it as found', async () => {
    const dir = freshDir('restore-damaged');
    const databaseFile = join(dir, 'queue.sqlite');
    const backup = join(dir, 'early.sqlite');
    const clock = new TestClock();
    const server = await startServer({ databaseFile, clock });
    // 30 tickets in the half hour before the backup: one a minute.
    for (let minute = 0; minute < 30; minute += 1) {
      await issueAt(server.url, 1);
      clock.advanceMinutes(1);
    }
    await snapshotOf(databaseFile, backup);
    server.closeSockets();
    await server.app.close();
    writeFileSync(databaseFile, 'not a database: the disk failed');
    writeFileSync(`${databaseFile}-wal`, 'the last commits, unreadable');

    // Restored two hours later: up to 120 more tickets at that rate, twice that to be safe.
    const restoredAt = new Date(clock.at + 2 * 60 * 60_000);
    const outcome = restoreBackup(backup, databaseFile, restoredAt);
    expect(outcome.keptAs).toBe('files');
    expect(existsSync(`${outcome.kept}-wal`)).toBe(true);
    expect(outcome.numbers.source).toBe('estimate');
    const floor = outcome.numbers.floors['Д'] ?? 0;
    expect(floor).toBeGreaterThanOrEqual(30 + 240);
    expect(floor % 100).toBe(0);

    clock.at = restoredAt.getTime() as Instant;
    await server.restart();
    const next = (await issueAt(server.url, 1)).map((issued) => issued.ticket.number);
    expect(next).toEqual([`Д-${floor + 1}`]);
    await server.close();
  });
});
