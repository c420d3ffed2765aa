/**
 * Online backups of the SQLite database with SQLite's backup API (the queue keeps running
 * while it copies): at start-up, on a schedule, and on demand (an administrator's
 * `backup:now`, or `npm run backup`), keeping the newest few. A backup is a complete
 * database file: restoring it needs the server stopped (`npm run restore`, restore.ts).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from './logger';

export interface BackupOptions {
  readonly folder: string;
  /** How many backups to keep; older ones are deleted after each new one. */
  readonly keep: number;
}

const PREFIX = 'queue-';
const SUFFIX = '.sqlite';

/** A sortable file name for a backup taken at `at` (to the millisecond). */
export const backupFileName = (at: Date): string =>
  `${PREFIX}${at.toISOString().replace(/[-:.]/g, '')}${SUFFIX}`;

let lastBackupMs = 0;

/** Backup instants strictly increase, so two backups in one millisecond never share a name. */
const nextBackupInstant = (at: Date): Date => {
  lastBackupMs = Math.max(at.getTime(), lastBackupMs + 1);
  return new Date(lastBackupMs);
};

/** Backups in the folder, oldest first. */
export const listBackups = (folder: string): string[] => {
  try {
    return readdirSync(folder)
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX))
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
};

/** Take one backup now and prune old ones; resolves to the new file. */
export const backupDatabase = async (
  db: Database.Database,
  options: BackupOptions,
  at = new Date(),
): Promise<string> => {
  mkdirSync(options.folder, { recursive: true });
  const file = join(options.folder, backupFileName(nextBackupInstant(at)));
  await db.backup(file);
  const all = listBackups(options.folder);
  for (const old of all.slice(0, Math.max(0, all.length - options.keep))) rmSync(old, { force: true });
  return file;
};

export interface BackupRunner {
  /** Take a backup now (after one under way, never two at once); resolves to the file. */
  now(): Promise<string>;
  /** Stop the schedule; resolves once a backup under way has finished (the database may then close). */
  stop(): Promise<void>;
}

/**
 * Back up at once (a server starting after a crash or an upgrade has a fresh copy before
 * the day's first visitor) and then every `intervalMs`; scheduled failures are logged and
 * retried at the next interval. Backups on demand go through the same runner, one at a time.
 */
export const scheduleBackups = (
  db: Database.Database,
  options: BackupOptions & { readonly intervalMs: number },
  logger: Logger,
): BackupRunner => {
  let tail: Promise<unknown> = Promise.resolve();
  const now = (): Promise<string> => {
    const next = tail.then(() => backupDatabase(db, options));
    tail = next.catch(() => undefined);
    return next;
  };
  const scheduled = (): void => {
    now()
      .then((file) => logger.info('backup written', { file }))
      .catch((error: unknown) => logger.error('backup failed', { error: String(error) }));
  };
  const timer = setInterval(scheduled, options.intervalMs);
  timer.unref();
  scheduled();
  return {
    now,
    stop: async () => {
      clearInterval(timer);
      await tail;
    },
  };
};

/** The backup folder: `QUEUE_BACKUP_DIR` when set, otherwise `backups` beside the database. */
export const backupFolderFor = (configured: string | undefined, databaseFile: string): string =>
  configured ? resolve(configured) : join(dirname(resolve(databaseFile)), 'backups');
