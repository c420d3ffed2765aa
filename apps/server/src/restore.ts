/**
 * Restores a backup over the live database file, with the server stopped (the restore holds
 * the database lock while it works, and refuses to start while a server holds it). The
 * backup is checked first (integrity, and a schema this server can read). The file it
 * replaces is kept as `<file>.before-restore-<time>`, so that a restore can itself be undone:
 * one self-contained copy made by SQLite, with the commits that were still in its `-wal`; or,
 * when SQLite cannot read it, the files moved aside as they were, `-wal` and `-shm` beside.
 * The restored file then gets a new epoch (screens load everything again instead of trusting
 * event numbers that the restored log will hand out anew) and counters above every number
 * already handed out (restore-numbers.ts).
 *
 *   npm run restore -- data/backups/queue-20261124T100000000Z.sqlite
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, openDatabase, readDayHighWater } from '@queue/db';
import { DatabaseInUseError, type DatabaseLock, holdDatabaseLock } from './database-lock';
import { type NumberCarry, type ReplacedFile, carryNumbersForward } from './restore-numbers';

export class RestoreError extends Error {}

export interface RestoreOutcome {
  /** The replaced file, kept for an undo; none when there was no file. */
  readonly kept?: string;
  /** `copy`: one file with every commit; `files`: moved as found (SQLite could not read it). */
  readonly keptAs?: 'copy' | 'files';
  readonly numbers: NumberCarry;
}

const SIDE_FILES = ['-wal', '-shm'] as const;

const stamp = (at: Date): string => at.toISOString().replace(/[-:.]/g, '');

const removeDatabaseFiles = (file: string): void => {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
};

const checkBackup = (backupFile: string): void => {
  if (!existsSync(backupFile)) throw new RestoreError(`No backup at ${backupFile}.`);
  const check = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new RestoreError(`The backup is damaged: ${String(integrity)}.`);
    const version = check.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new RestoreError(
        `The backup is from a newer version (schema ${version}); upgrade the server first.`,
      );
    }
  } finally {
    check.close();
  }
};

/** Keep the file being replaced at `kept`, learning its numbers when SQLite can read it. */
const keepReplacedFile = (
  databaseFile: string,
  kept: string,
): { keptAs: 'copy' | 'files'; replaced: ReplacedFile } => {
  try {
    const live = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      const check = live.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`damaged: ${String(check)}`);
      const highWater = readDayHighWater(live);
      // Reads through the -wal like any reader: the copy holds every commit, in one file.
      live.prepare('VACUUM INTO ?').run(kept);
      removeDatabaseFiles(databaseFile);
      return { keptAs: 'copy', replaced: { readable: true, highWater } };
    } finally {
      live.close();
    }
  } catch {
    // Unreadable (or not a queue database): move the files as they are, the -wal with them,
    // where SQLite looks for it when the kept file is opened.
    removeDatabaseFiles(kept);
    for (const suffix of ['', ...SIDE_FILES]) {
      if (existsSync(`${databaseFile}${suffix}`)) renameSync(`${databaseFile}${suffix}`, `${kept}${suffix}`);
    }
    return { keptAs: 'files', replaced: { readable: false } };
  }
};

const takeLock = (databaseFile: string): DatabaseLock => {
  try {
    return holdDatabaseLock(databaseFile, 'restore');
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw new RestoreError(error.message);
    throw error;
  }
};

export const restoreBackup = (backupFile: string, databaseFile: string, now = new Date()): RestoreOutcome => {
  checkBackup(backupFile);
  const lock = takeLock(databaseFile);
  try {
    const kept = existsSync(databaseFile) ? `${databaseFile}.before-restore-${stamp(now)}` : undefined;
    const { keptAs, replaced }: { keptAs?: 'copy' | 'files'; replaced: ReplacedFile } = kept
      ? keepReplacedFile(databaseFile, kept)
      : { replaced: { readable: false } };
    // Prepared beside the target and renamed into place: a restore cut off halfway leaves no
    // half-restored database where the server looks.
    const staging = `${databaseFile}.restoring`;
    removeDatabaseFiles(staging);
    copyFileSync(backupFile, staging);
    const db = openDatabase(staging);
    let numbers: NumberCarry;
    try {
      numbers = carryNumbersForward(db, replaced, now.getTime());
      const setMeta = db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      setMeta.run('epoch', randomUUID());
      setMeta.run('restored', JSON.stringify({ at: now.toISOString(), from: basename(backupFile), numbers }));
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    removeDatabaseFiles(databaseFile);
    renameSync(staging, databaseFile);
    // Checkpointed above: whatever side files are left hold nothing.
    for (const suffix of SIDE_FILES) rmSync(`${staging}${suffix}`, { force: true });
    return { ...(kept ? { kept } : {}), ...(keptAs ? { keptAs } : {}), numbers };
  } finally {
    lock.release();
  }
};

const describeNumbers = (numbers: NumberCarry): string => {
  const floors = Object.entries(numbers.floors)
    .map(([prefix, value]) => `${prefix} above ${value}`)
    .join(', ');
  if (numbers.source === 'replaced-file')
    return ` Numbering of ${numbers.serviceDay} goes on from the replaced file: ${floors}.`;
  if (numbers.source === 'estimate') {
    return ` The replaced file could not be read: numbering of ${numbers.serviceDay} skips ahead to ${floors}.`;
  }
  return '';
};

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const backup = process.argv[2];
  const target = resolve(process.env.QUEUE_DB ?? 'data/queue.sqlite');
  if (!backup) {
    process.stderr.write('Usage: npm run restore -- <backup file>   (stop the server first)\n');
    process.exit(2);
  }
  try {
    const outcome = restoreBackup(resolve(backup), target);
    const kept = outcome.kept
      ? ` The previous file is kept as ${outcome.kept}${outcome.keptAs === 'files' ? ' (as found, with its -wal and -shm)' : ''}.`
      : '';
    process.stdout.write(`Restored ${backup} to ${target}.${kept}${describeNumbers(outcome.numbers)}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
