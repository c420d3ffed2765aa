/**
 * Online backups of the SQLite database with SQLite's backup API (the queue keeps running
 * while it copies), on a schedule, keeping the newest few. A backup is a complete database
 * file: restoring it is copying it back with the server stopped (`npm run restore`).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

/** Run backups every `intervalMs`; failures are logged and retried at the next interval. */
export const scheduleBackups = (
  db: Database.Database,
  options: BackupOptions & { readonly intervalMs: number },
  logger: Logger,
): (() => void) => {
  let running = false;
  const run = (): void => {
    if (running) return;
    running = true;
    backupDatabase(db, options)
      .then((file) => logger.info('backup written', { file }))
      .catch((error: unknown) => logger.error('backup failed', { error: String(error) }))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};
