/**
 * Restores a backup over the live database file, with the server stopped. The backup is
 * checked first (integrity, and a schema this server can read); the current file is kept
 * beside it as `<file>.before-restore-<time>` so a restore can itself be undone.
 *
 *   npm run restore -- data/backups/queue-20261124T100000000Z.sqlite
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '@queue/db';

export class RestoreError extends Error {}

export const restoreBackup = (
  backupFile: string,
  databaseFile: string,
  now = new Date(),
): string | undefined => {
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
  let kept: string | undefined;
  if (existsSync(databaseFile)) {
    kept = `${databaseFile}.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`;
    renameSync(databaseFile, kept);
  }
  // Stale WAL files belong to the old database and must not be replayed into the restored one.
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  copyFileSync(backupFile, databaseFile);
  return kept;
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
    const kept = restoreBackup(resolve(backup), target);
    process.stdout.write(
      `Restored ${backup} to ${target}.${kept ? ` The previous file is kept as ${kept}.` : ''}\n`,
    );
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
