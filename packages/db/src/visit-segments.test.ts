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
  summariseSegments,
  ticketId,
} from '@queue/core';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { QueueStore } from './queue-store';
import { ReportStore } from './report-store';

const TUESDAY_10_KYIV = Date.parse('2026-11-24T10:00:00+02:00');
const at = (minutes: number) => instant(TUESDAY_10_KYIV + minutes * 60_000);
const staff = { kind: 'staff', staffId: staffId('operator1') } as const;
const kiosk = { kind: 'device', deviceId: 'kiosk-1' } as const;

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'queue-segments-'));
  db = openDatabase(join(dir, 'queue.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (store: QueueStore, state: QueueState, command: QueueCommand): QueueState => {
  const decision = decide(DEMO_CENTRE, state, command);
  if (!decision.ok) throw new Error(decision.error.message);
  const after = evolveAll(state, decision.value);
  store.commit(decision.value, after);
  return after;
};

/** Two visits: T1 served at desk-1, transferred to doc-copy and served at desk-3; T2 a no-show. */
const playScenario = (store: QueueStore): QueueState => {
  const steps: QueueCommand[] = [
    {
      type: 'issue-ticket',
      at: at(0),
      actor: kiosk,
      ticketId: ticketId('T1'),
      serviceCode: serviceCode('bill-reconcile'),
      source: 'kiosk',
    },
    {
      type: 'issue-ticket',
      at: at(1),
      actor: kiosk,
      ticketId: ticketId('T2'),
      serviceCode: serviceCode('bill-reconcile'),
      source: 'kiosk',
    },
    {
      type: 'open-desk',
      at: at(2),
      actor: staff,
      deskId: deskId('desk-1'),
      operatorId: staffId('operator1'),
    },
    {
      type: 'open-desk',
      at: at(2),
      actor: staff,
      deskId: deskId('desk-3'),
      operatorId: staffId('operator3'),
    },
    {
      type: 'call-ticket',
      at: at(3),
      actor: staff,
      deskId: deskId('desk-1'),
      ticketId: ticketId('T1'),
      reason: 'test',
    },
    { type: 'start-serving', at: at(4), actor: staff, deskId: deskId('desk-1'), ticketId: ticketId('T1') },
    {
      type: 'transfer',
      at: at(6),
      actor: staff,
      deskId: deskId('desk-1'),
      ticketId: ticketId('T1'),
      toServiceCode: serviceCode('doc-copy'),
    },
    {
      type: 'call-ticket',
      at: at(7),
      actor: staff,
      deskId: deskId('desk-1'),
      ticketId: ticketId('T2'),
      reason: 'test',
    },
    {
      type: 'call-ticket',
      at: at(8),
      actor: staff,
      deskId: deskId('desk-3'),
      ticketId: ticketId('T1'),
      reason: 'test',
    },
    { type: 'start-serving', at: at(9), actor: staff, deskId: deskId('desk-3'), ticketId: ticketId('T1') },
    { type: 'mark-no-show', at: at(10), actor: staff, deskId: deskId('desk-1'), ticketId: ticketId('T2') },
    { type: 'complete', at: at(12), actor: staff, deskId: deskId('desk-3'), ticketId: ticketId('T1') },
  ];
  return steps.reduce((state, command) => run(store, state, command), emptyState());
};

const segmentsOf = (database: Database.Database) =>
  [...new ReportStore(database).segmentsBetween('2026-11-24', '2026-11-24')].sort((a, b) =>
    a.ticketId === b.ticketId ? a.segment - b.segment : a.ticketId < b.ticketId ? -1 : 1,
  );

describe('visit segments', () => {
  it('are written with the events: one per queue joined, ended by how the visitor left', () => {
    playScenario(new QueueStore(db));
    expect(segmentsOf(db)).toEqual([
      expect.objectContaining({
        ticketId: 'T1',
        segment: 0,
        serviceCode: 'bill-reconcile',
        enteredAt: at(0),
        firstCalledAt: at(3),
        servingStartedAt: at(4),
        endedAt: at(6),
        outcome: 'transferred',
        deskId: 'desk-1',
      }),
      expect.objectContaining({
        ticketId: 'T1',
        segment: 1,
        serviceCode: 'doc-copy',
        enteredAt: at(6),
        firstCalledAt: at(8),
        servingStartedAt: at(9),
        endedAt: at(12),
        outcome: 'completed',
        deskId: 'desk-3',
      }),
      expect.objectContaining({
        ticketId: 'T2',
        segment: 0,
        firstCalledAt: at(7),
        servingStartedAt: null,
        endedAt: at(10),
        outcome: 'no-show',
        deskId: 'desk-1',
      }),
    ]);
  });

  it('are rebuilt once from the event log of a database that had none', () => {
    playScenario(new QueueStore(db));
    const written = segmentsOf(db);
    db.exec("DELETE FROM visit_segments; DELETE FROM meta WHERE key = 'visit_segments_backfilled';");
    expect(segmentsOf(db)).toEqual([]);

    const upgraded = new QueueStore(db);
    // The rebuild is left to the background: the store opens at once, reports not ready.
    expect(upgraded.reportsReady).toBe(false);
    expect(segmentsOf(db)).toEqual([]);
    while (!upgraded.prepareReports().done);
    expect(upgraded.reportsReady).toBe(true);
    expect(segmentsOf(db)).toEqual(written);
    // Once done, a later start does not replay the log again.
    db.exec("DELETE FROM visit_segments WHERE ticket_id = 'T2'");
    new QueueStore(db);
    expect(segmentsOf(db).map((segment) => segment.ticketId)).toEqual(['T1', 'T1']);
  });

  it('leave the events that arrive during the rebuild to it, and end up as if built live', () => {
    const store = new QueueStore(db);
    const state = playScenario(store);
    const written = segmentsOf(db);
    db.exec("DELETE FROM visit_segments; DELETE FROM meta WHERE key = 'visit_segments_backfilled';");
    const upgraded = new QueueStore(db);
    // A visit during the rebuild: its events are in the log, projected when the rebuild gets there.
    run(upgraded, state, {
      type: 'issue-ticket',
      at: at(30),
      actor: kiosk,
      ticketId: ticketId('during'),
      serviceCode: serviceCode('bill-reconcile'),
      source: 'kiosk',
    });
    expect(segmentsOf(db)).toEqual([]);
    while (!upgraded.prepareReports().done);
    expect(segmentsOf(db).map((segment) => segment.ticketId)).toEqual([
      ...written.map((segment) => segment.ticketId),
      'during',
    ]);
  });

  it('close the visits still open when the day rolls over as cancelled', () => {
    const store = new QueueStore(db);
    const state = run(store, emptyState(), {
      type: 'issue-ticket',
      at: at(0),
      actor: kiosk,
      ticketId: ticketId('late'),
      serviceCode: serviceCode('bill-reconcile'),
      source: 'kiosk',
    });
    run(store, state, {
      type: 'issue-ticket',
      at: at(24 * 60),
      actor: kiosk,
      ticketId: ticketId('next-day'),
      serviceCode: serviceCode('bill-reconcile'),
      source: 'kiosk',
    });
    expect(segmentsOf(db)).toEqual([
      expect.objectContaining({ ticketId: 'late', outcome: 'cancelled', endedAt: at(24 * 60) }),
    ]);
    expect([...new ReportStore(db).segmentsBetween('2026-11-25', '2026-11-25')]).toEqual([
      expect.objectContaining({ ticketId: 'next-day', outcome: null }),
    ]);
  });

  it('store a day summary and give it back as it was made', () => {
    playScenario(new QueueStore(db));
    const store = new ReportStore(db);
    const made = summariseSegments(store.segmentsBetween('2026-11-24', '2026-11-24'), 'Europe/Kyiv');
    store.saveDay('2026-11-24', made, at(60));
    expect(store.summarisedDays('2026-11-01', '2026-11-30')).toEqual(new Set(['2026-11-24']));
    // Stored seconds come back as typed arrays: compared as the values they hold.
    const byKey = (rows: typeof made) =>
      [...rows]
        .sort((a, b) =>
          `${a.dimension}${a.serviceCode}${a.key}`.localeCompare(`${b.dimension}${b.serviceCode}${b.key}`),
        )
        .map((row) => ({
          ...row,
          walkInWaits: [...row.walkInWaits],
          bookedWaits: [...row.bookedWaits],
          serviceTimes: [...row.serviceTimes],
        }));
    expect(byKey(store.summariesBetween('2026-11-24', '2026-11-24', 'desk'))).toEqual(
      byKey(made.filter((row) => row.dimension === 'service' || row.dimension === 'desk')),
    );
    const service = made.find((row) => row.dimension === 'service' && row.serviceCode === 'bill-reconcile');
    // T1 waited 3 min and was served 2 min there; T2 waited 6 min and did not come.
    expect(service).toMatchObject({
      issued: 2,
      transferred: 1,
      noShow: 1,
      walkInWaits: [180, 360],
      serviceTimes: [120],
    });
    expect(service?.arrivalsByHour[10]).toBe(2);
  });
});
