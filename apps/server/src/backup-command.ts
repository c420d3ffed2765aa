/**
 * A backup on demand from the command line, with the server running or not:
 *
 *   npm run backup
 *
 * It reads the database file itself (QUEUE_DB) through SQLite's backup API, which copies a
 * consistent state while a running server goes on writing, into the same folder, under the
 * same names and with the same pruning as the server's own backups (QUEUE_BACKUP_DIR,
 * QUEUE_BACKUP_KEEP).
 */
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { backupDatabase, backupFolderFor } from './backup';
import { readEnvironment } from './environment';

const run = async (): Promise<void> => {
  const settings = readEnvironment(process.env);
  const databaseFile = resolve(settings.databaseFile);
  const folder = backupFolderFor(settings.backup.folder, databaseFile);
  // Read-only: the command never changes the file a server may be using.
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const file = await backupDatabase(db, { folder, keep: settings.backup.keep });
    process.stdout.write(`Backed up ${databaseFile} to ${file}.\n`);
  } finally {
    db.close();
  }
};

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nNo backup was taken.\n`);
  process.exit(1);
});
