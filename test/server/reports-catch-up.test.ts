/**
 * Reports after an upgrade or a restore, when closed days have no summary yet: a report that
 * would have to summarise more than a month of them on the spot is refused as "being prepared"
 * (it would hold the queue up), the background catch-up makes the latest days first, and the
 * report from the summaries then gives exactly the figures of the segments themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRE, buildReport } from '@queue/core';
import { PeopleStore, ReportStore, openDatabase } from '@queue/db';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportService } from '../../apps/server/src/reports/report-service';
import { fillYear } from '../../bench/reports';

const OPEN_DAY = '2026-12-01';
const FIRST_DAY = '2026-10-13';
const LAST_CLOSED = '2026-11-30';

describe('reports over days not yet summarised', () => {
  let dir: string;
  let db: Database.Database;
  let store: ReportStore;
  let reports: ReportService;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'queue-catch-up-'));
    const file = join(dir, 'centre.sqlite');
    // 49 closed days of 40 visits, written straight into the projection, none summarised.
    fillYear(file, 49, 40, LAST_CLOSED);
    db = openDatabase(file);
    store = new ReportStore(db);
    reports = new ReportService(
      store,
      new PeopleStore(db),
      () => DEMO_CENTRE,
      () => OPEN_DAY,
      () => 0,
    );
  });

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a period with more than a month to summarise, answers a month', () => {
    expect(store.firstDay()).toBe(FIRST_DAY);
    expect(reports.readyFor(FIRST_DAY, LAST_CLOSED)).toBe(false);
    expect(reports.readyFor('2026-11-01', LAST_CLOSED)).toBe(true);
    // Days before the first visit and the open day cost nothing to summarise.
    expect(reports.readyFor('2026-01-01', '2026-10-20')).toBe(true);
    expect(reports.readyFor(OPEN_DAY, OPEN_DAY)).toBe(true);
  });

  it('catches up the latest days first, then answers the whole period', () => {
    expect(reports.catchUp(3)).toBe(3);
    expect(store.summarisedDays(FIRST_DAY, LAST_CLOSED)).toEqual(
      new Set(['2026-11-28', '2026-11-29', '2026-11-30']),
    );
    expect(reports.readyFor(FIRST_DAY, LAST_CLOSED)).toBe(false);
    while (reports.catchUp(10) > 0);
    expect(store.summarisedDays(FIRST_DAY, LAST_CLOSED).size).toBe(49);
    expect(reports.readyFor(FIRST_DAY, LAST_CLOSED)).toBe(true);
  });

  it('gives from the stored summaries the figures of the segments, in every grouping', () => {
    const context = {
      timeZone: DEMO_CENTRE.site.timeZone,
      organisationOf: (code: string) =>
        DEMO_CENTRE.services.find((service) => service.code === code)?.organisationId,
      waitingStandardMinutes: (code: string) =>
        DEMO_CENTRE.services.find((service) => service.code === code)?.waitingStandardMinutes ?? 15,
    };
    for (const groupBy of [
      'total',
      'service',
      'organisation',
      'desk',
      'operator',
      'hour',
      'day',
      'weekday',
    ] as const) {
      const query = { from: FIRST_DAY, to: LAST_CLOSED, groupBy };
      const fromSegments = buildReport(
        query,
        [...store.segmentsBetween(FIRST_DAY, LAST_CLOSED)],
        store.ratingsBetween(FIRST_DAY, LAST_CLOSED, 'arrival'),
        context,
      );
      const { operatorNames: _names, ...fromSummaries } = reports.run(query);
      expect(fromSummaries, groupBy).toEqual(fromSegments);
      expect(fromSummaries.total.issued).toBe(49 * 40);
      expect(fromSummaries.total.ratings.count).toBeGreaterThan(0);
    }
  });
});
