/**
 * Group commit: commands that arrive together share one transaction on a real SQLite file;
 * each is decided on the state its predecessors left, retries get the first answer, and a
 * failed commit answers every command of the group with an error and leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CENTRE,
  type Instant,
  type QueueCommand,
  serviceCode,
  ticketId,
  ticketOf,
  ticketsOf,
} from '@queue/core';
import { QueueStore, openDatabase } from '@queue/db';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from './logger';
import { QueueService } from './queue-service';

// Bill reconciliation's prefix is the Cyrillic А.
const NUMBERS = ['А-001', 'А-002', 'А-003', 'А-004', 'А-005'];
const AT = Date.parse('2026-11-24T10:00:00+02:00') as Instant;

const issue = (id: string): QueueCommand => ({
  type: 'issue-ticket',
  at: AT,
  actor: { kind: 'device', deviceId: 'kiosk-1' },
  ticketId: ticketId(id),
  serviceCode: serviceCode('bill-reconcile'),
  source: 'kiosk',
});

describe('QueueService.executeGrouped', () => {
  const folders: string[] = [];
  const open = () => {
    const folder = mkdtempSync(join(tmpdir(), 'group-commit-'));
    folders.push(folder);
    const file = join(folder, 'queue.db');
    const db = openDatabase(file);
    const store = new QueueStore(db);
    const queue = new QueueService(store, DEMO_CENTRE, { now: () => AT }, silentLogger);
    return { db, store, queue, file };
  };

  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('commits the commands that arrive together in one transaction, in order', async () => {
    const { db, store, queue, file } = open();
    let commits = 0;
    const commitBatch = store.commitBatch.bind(store);
    store.commitBatch = (batch, after) => {
      commits += 1;
      return commitBatch(batch, after);
    };
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((id) =>
        queue.executeGrouped(issue(id), (state) => ticketOf(state, ticketId(id))?.number, {
          principal: 'device:kiosk-1',
          requestId: `r-${id}`,
        }),
      ),
    );
    expect(commits).toBe(1);
    expect(answers.map((answer) => answer.ok && answer.data)).toEqual(NUMBERS);
    db.close();
    // What was answered is what the file holds.
    const again = new QueueStore(openDatabase(file)).loadState();
    expect(
      ticketsOf(again)
        .map((ticket) => ticket.number)
        .sort(),
    ).toEqual(NUMBERS);
  });

  it('gives a retry in the same group, or a later one, the first answer', async () => {
    const { queue } = open();
    const key = { principal: 'device:kiosk-1', requestId: 'same' };
    const [first, second] = await Promise.all([
      queue.executeGrouped(issue('x'), (state) => ticketOf(state, ticketId('x'))?.number, key),
      queue.executeGrouped(issue('y'), (state) => ticketOf(state, ticketId('y'))?.number, key),
    ]);
    expect(first).toEqual(second);
    const later = await queue.executeGrouped(issue('z'), () => 'other', key);
    expect(later).toEqual(first);
    expect(ticketsOf(queue.state)).toHaveLength(1);
  });

  it('answers the whole group with an error when its commit fails, and nothing is left of it', async () => {
    const { store, queue } = open();
    const commitBatch = store.commitBatch.bind(store);
    let failNext = true;
    store.commitBatch = (batch, after) => {
      if (failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      return commitBatch(batch, after);
    };
    const failed = await Promise.all(['a', 'b'].map((id) => queue.executeGrouped(issue(id), () => id)));
    expect(failed.map((answer) => answer.ok)).toEqual([false, false]);
    expect(ticketsOf(queue.state)).toHaveLength(0);
    expect(ticketsOf(store.loadState())).toHaveLength(0);
    // The next group numbers from where the failed one never got.
    const next = await queue.executeGrouped(issue('c'), (state) => ticketOf(state, ticketId('c'))?.number);
    expect(next).toEqual({ ok: true, data: 'А-001' });
  });
});
