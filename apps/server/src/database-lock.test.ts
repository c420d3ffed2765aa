import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, holdDatabaseLock } from './database-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('database lock', () => {
  it('has one holder at a time, in one process too, and is taken again once released', () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-lock-'));
    dirs.push(dir);
    const databaseFile = join(dir, 'queue.sqlite');
    const server = holdDatabaseLock(databaseFile, 'server');
    expect(() => holdDatabaseLock(databaseFile, 'restore')).toThrow(DatabaseInUseError);
    expect(() => holdDatabaseLock(databaseFile, 'server')).toThrow(/repeat numbers/);
    // Another file is another lock.
    holdDatabaseLock(join(dir, 'other.sqlite'), 'server').release();
    server.release();
    server.release(); // twice is harmless
    holdDatabaseLock(databaseFile, 'restore').release();
  });

  it('takes nothing for a database in memory', () => {
    holdDatabaseLock(':memory:', 'server');
    holdDatabaseLock(':memory:', 'server').release();
  });
});
