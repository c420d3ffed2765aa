import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CENTRE,
  type QueueCommand,
  type QueueState,
  decide,
  deskId,
  emptyState,
  evolveAll,
  instant,
  serviceCode,
  staffId,
  ticketId,
  ticketOf,
} from '@queue/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore } from './config-store';
import { NewerDatabaseError, SCHEMA_VERSION, migrate } from './migrations';
import { openDatabase } from './open';
import { QueueStore } from './queue-store';

const TUESDAY_10_KYIV = Date.parse('2026-11-24T10:00:00+02:00');
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-db-'));
  file = join(dir, 'queue.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Decide and commit a command the way the server does. */
const run = (store: QueueStore, state: QueueState, command: QueueCommand): QueueState => {
  const decision = decide(DEMO_CENTRE, state, command);
  if (!decision.ok) throw new Error(decision.error.message);
  const after = evolveAll(state, decision.value);
  store.commit(decision.value, after);
  return after;
};

const at = (minutes: number) => instant(TUESDAY_10_KYIV + minutes * 60_000);
const staff = { kind: 'staff', staffId: staffId('operator1') } as const;

describe('database', () => {
  it('opens in WAL mode with full synchronous writes at the current schema', () => {
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
  });

  it('gives a configuration saved before boards existed an empty list of boards', () => {
    const raw = new Database(file);
    migrate(raw, 1);
    const { boards: _boards, ...withoutBoards } = DEMO_CENTRE;
    raw
      .prepare('INSERT INTO config (id, centre, updated_at) VALUES (1, ?, 0)')
      .run(JSON.stringify(withoutBoards));
    raw.close();
    const db = openDatabase(file);
    expect(new ConfigStore(db).load()?.boards).toEqual([]);
    db.close();
  });

  it('gives a configuration saved before kiosks existed an empty list of kiosks', () => {
    const raw = new Database(file);
    migrate(raw, 2);
    const { kiosks: _kiosks, ...withoutKiosks } = DEMO_CENTRE;
    raw
      .prepare('INSERT INTO config (id, centre, updated_at) VALUES (1, ?, 0)')
      .run(JSON.stringify(withoutKiosks));
    raw.close();
    const db = openDatabase(file);
    const loaded = new ConfigStore(db).load();
    expect(loaded?.kiosks).toEqual([]);
    expect(loaded?.boards).toEqual(DEMO_CENTRE.boards);
    db.close();
  });

  it('keeps the kiosks of a configuration that already has them', () => {
    const db = openDatabase(file);
    new ConfigStore(db).save(DEMO_CENTRE, 0);
    db.pragma('user_version = 2');
    db.close();
    const reopened = openDatabase(file);
    expect(new ConfigStore(reopened).load()?.kiosks).toEqual(DEMO_CENTRE.kiosks);
    reopened.close();
  });

  it('loads back exactly the state it committed, and keeps the epoch', () => {
    const db = openDatabase(file);
    const store = new QueueStore(db);
    let state = emptyState();
    for (let index = 0; index < 3; index += 1) {
      state = run(store, state, {
        type: 'issue-ticket',
        at: at(index),
        actor: { kind: 'device', deviceId: 'kiosk-1' },
        ticketId: ticketId(`ticket-${index}`),
        serviceCode: serviceCode(index === 2 ? 'doc-copy' : 'bill-reconcile'),
        source: 'kiosk',
      });
    }
    state = run(store, state, {
      type: 'open-desk',
      at: at(5),
      actor: staff,
      deskId: deskId('desk-1'),
      operatorId: staffId('operator1'),
    });
    state = run(store, state, { type: 'call-next', at: at(6), actor: staff, deskId: deskId('desk-1') });
    state = run(store, state, {
      type: 'start-serving',
      at: at(7),
      actor: staff,
      deskId: deskId('desk-1'),
      ticketId: ticketId('ticket-0'),
    });
    state = run(store, state, {
      type: 'complete',
      at: at(15),
      actor: staff,
      deskId: deskId('desk-1'),
      ticketId: ticketId('ticket-0'),
    });
    const epoch = store.epoch;
    const lastSeq = store.lastSeq();
    db.close();

    const reopened = new QueueStore(openDatabase(file));
    expect(reopened.loadState()).toEqual(state);
    expect(reopened.epoch).toBe(epoch);
    expect(reopened.lastSeq()).toBe(lastSeq);
    expect(reopened.eventsSince(lastSeq - 2, 10).map((entry) => entry.event.type)).toEqual([
      'ticket:serving-started',
      'ticket:completed',
    ]);
    expect(reopened.recentCalls(5).map((entry) => entry.event.type)).toEqual(['ticket:called']);
  });

  it('closes the old day: unfinished tickets are cancelled, counters start again', () => {
    const db = openDatabase(file);
    const store = new QueueStore(db);
    let state = run(store, emptyState(), {
      type: 'issue-ticket',
      at: at(0),
      actor: { kind: 'device', deviceId: 'kiosk-1' },
      ticketId: ticketId('ticket-old'),
      serviceCode: serviceCode('bill-reconcile'),
      source: 'kiosk',
    });
    state = run(store, state, {
      type: 'issue-ticket',
      at: at(24 * 60),
      actor: { kind: 'device', deviceId: 'kiosk-1' },
      ticketId: ticketId('ticket-new'),
      serviceCode: serviceCode('bill-reconcile'),
      source: 'kiosk',
    });
    expect(ticketOf(state, ticketId('ticket-new'))?.number).toBe('А-001');
    expect(store.ticketById('ticket-old')?.status).toBe('cancelled');
    expect(new QueueStore(db).loadState()).toEqual(state);
    db.close();
  });

  it('returns the first answer for a repeated request id', () => {
    const db = openDatabase(file);
    const store = new QueueStore(db);
    store.rememberAnswer({ principal: 'device:kiosk-1', requestId: 'req-1', answer: { ok: true, data: 1 } });
    expect(store.answerFor('device:kiosk-1', 'req-1')).toEqual({ ok: true, data: 1 });
    expect(store.answerFor('device:kiosk-2', 'req-1')).toBeUndefined();
    db.close();
  });
});
