/**
 * The limit for issuing: how many durable commits a second this disk takes. Plain
 * better-sqlite3 inserts of an event-sized row, one transaction each, in WAL mode with
 * synchronous=FULL, the settings the queue's database uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { monotonicMs } from './lib/processes';
import { type Summary, summarize } from './lib/stats';

export interface RawInsertResult {
  readonly perSecond: number;
  readonly latency: Summary;
  /** CPU time per row (user and system; waiting for the disk is not CPU time). */
  readonly cpuMsPerRow: number;
}

export const rawInsert = (rows: number): RawInsertResult => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT, at INTEGER, payload TEXT)',
    );
    const insert = db.prepare('INSERT INTO events (type, at, payload) VALUES (?, ?, ?)');
    const payload = JSON.stringify({ type: 'ticket:issued', padding: 'x'.repeat(480) });
    const latencies: number[] = [];
    const started = monotonicMs();
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < rows; i += 1) {
      const before = monotonicMs();
      insert.run('ticket:issued', Date.now(), payload);
      latencies.push(monotonicMs() - before);
    }
    const seconds = (monotonicMs() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      perSecond: rows / seconds,
      latency: summarize(latencies),
      cpuMsPerRow: (cpu.user + cpu.system) / 1000 / rows,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
