/**
 * One holder at a time for a database file: the server for as long as it runs, or a restore
 * while it replaces the file. Two servers on one file would each count tickets in memory and
 * hand out the same numbers; a restore under a running server would be overwritten by it.
 *
 * SQLite's own locks on the database cannot tell: in WAL mode an idle server holds none that
 * another connection's reads or `BEGIN EXCLUSIVE` would run into. So the holder keeps an
 * exclusive transaction open on a side file, `<database>-lock` (an empty SQLite file). The
 * lock is the operating system's, taken through SQLite: it goes when the holder closes it or
 * when its process dies (a crash leaves no stale lock), and SQLite also refuses a second
 * connection inside the same process. The file itself may stay behind; it holds nothing.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export class DatabaseInUseError extends Error {}

export interface DatabaseLock {
  readonly file: string;
  release(): void;
}

export const lockFileOf = (databaseFile: string): string => `${databaseFile}-lock`;

/** Take the lock or throw `DatabaseInUseError` at once (no waiting: the holder may run for days). */
export const holdDatabaseLock = (
  databaseFile: string,
  holder: 'server' | 'restore' | 'setup',
): DatabaseLock => {
  const file = lockFileOf(databaseFile);
  if (databaseFile === ':memory:') return { file, release: () => {} };
  mkdirSync(dirname(file), { recursive: true });
  const connection = new Database(file, { timeout: 0 });
  try {
    // Rollback-journal mode: an exclusive transaction bars every other connection, readers too.
    connection.pragma('journal_mode = DELETE');
    connection.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    connection.close();
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    throw new DatabaseInUseError(
      `${databaseFile} is in use by a running queue server or a restore` +
        (holder !== 'server'
          ? ': stop the server first.'
          : '; a second server on one file would repeat numbers.'),
    );
  }
  let held = true;
  return {
    file,
    release: () => {
      if (!held) return;
      held = false;
      connection.exec('ROLLBACK');
      connection.close();
    },
  };
};
