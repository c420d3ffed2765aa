import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReportContext, buildReport, buildReportFromSummaries } from './build-report';
import { summariseSegments } from './day-summary';
import { reportCells } from './table';
import { REPORT_GROUPINGS, type RatedVisit, type ReportFigures, type VisitSegment } from './types';

const MIN = 60_000;
/** Tuesday 24 November 2026, 10:00 in Kyiv. */
const T10 = Date.parse('2026-11-24T10:00:00+02:00');
const at = (minutes: number) => T10 + minutes * MIN;

const context: ReportContext = {
  timeZone: 'Europe/Kyiv',
  organisationOf: (code) => ({ a: 'org-1', b: 'org-1', c: 'org-2' })[code],
  waitingStandardMinutes: (code) => (code === 'c' ? 5 : 15),
};

const segment = (fields: Partial<VisitSegment> & Pick<VisitSegment, 'ticketId'>): VisitSegment => ({
  segment: 0,
  serviceDay: '2026-11-24',
  serviceCode: 'a',
  source: 'kiosk',
  enteredAt: at(0),
  firstCalledAt: null,
  servingStartedAt: null,
  endedAt: null,
  outcome: null,
  deskId: null,
  operatorId: null,
  priorityCategory: null,
  priorityConfirmed: 0,
  appointmentAt: null,
  ...fields,
});

describe('buildReport: a small example by hand', () => {
  // t1: walk-in to a, waits 10 min, served 6 min at d1 by op1.
  // t2: walk-in to a, waits 20 min (over the 15 min standard), transferred after 4 min to c,
  //     waits there 3 min, served 5 min at d2 by op2.
  // t3: booking for c, slot at +30, first called at +36 (6 min late): a no-show at d2.
  // t4: priority (confirmed) walk-in to b, cancelled while waiting.
  const segments: VisitSegment[] = [
    segment({
      ticketId: 't1',
      firstCalledAt: at(10),
      servingStartedAt: at(11),
      endedAt: at(17),
      outcome: 'completed',
      deskId: 'd1',
      operatorId: 'op1',
    }),
    segment({
      ticketId: 't2',
      firstCalledAt: at(20),
      servingStartedAt: at(21),
      endedAt: at(25),
      outcome: 'transferred',
      deskId: 'd1',
      operatorId: 'op1',
    }),
    segment({
      ticketId: 't2',
      segment: 1,
      serviceCode: 'c',
      enteredAt: at(25),
      firstCalledAt: at(28),
      servingStartedAt: at(29),
      endedAt: at(34),
      outcome: 'completed',
      deskId: 'd2',
      operatorId: 'op2',
    }),
    segment({
      ticketId: 't3',
      serviceCode: 'c',
      source: 'booking',
      enteredAt: at(20),
      appointmentAt: at(30),
      firstCalledAt: at(36),
      endedAt: at(40),
      outcome: 'no-show',
      deskId: 'd2',
      operatorId: 'op2',
    }),
    segment({
      ticketId: 't4',
      serviceCode: 'b',
      priorityCategory: 'veteran',
      priorityConfirmed: 1,
      endedAt: at(5),
      outcome: 'cancelled',
    }),
  ];
  const ratings: RatedVisit[] = [
    {
      ticketId: 't1',
      serviceDay: '2026-11-24',
      serviceCode: 'a',
      deskId: 'd1',
      operatorId: 'op1',
      score: 5,
      arrivedAt: at(0),
    },
    {
      ticketId: 't2',
      serviceDay: '2026-11-24',
      serviceCode: 'c',
      deskId: 'd2',
      operatorId: 'op2',
      score: 2,
      arrivedAt: at(0),
    },
  ];
  const report = buildReport(
    { from: '2026-11-24', to: '2026-11-24', groupBy: 'desk' },
    segments,
    ratings,
    context,
  );

  it('counts the visits and how their parts ended', () => {
    expect(report.total).toMatchObject({ issued: 4, served: 2, noShow: 1, cancelled: 1, transferred: 1 });
    expect(report.total.priorityIssued).toBe(1);
    expect(report.total.priorityConfirmed).toBe(1);
  });

  it('measures waits per part, in seconds', () => {
    // Waits: 10, 20, 3 (t2 at c, from the transfer), 16 (t3) minutes. Sorted 3, 10, 16, 20.
    expect(report.total.wait).toEqual({
      count: 4,
      mean: 12.25 * 60,
      median: 13 * 60,
      p90: 20 * 60,
      max: 20 * 60,
    });
    // Service: 6, 4 (transferred part), 5 minutes.
    expect(report.total.service).toEqual({
      count: 3,
      mean: 5 * 60,
      median: 5 * 60,
      p90: 6 * 60,
      max: 6 * 60,
    });
  });

  it('judges walk-ins by their standard and bookings by their slot', () => {
    // Walk-in parts called: t1 10 ≤ 15 yes, t2 20 > 15 no, t2/c 3 ≤ 5 yes.
    expect(report.total.withinStandard).toEqual({ met: 2, total: 3, share: 2 / 3 });
    // t3 called 6 min after its slot: late.
    expect(report.total.punctual).toEqual({ met: 0, total: 1, share: 0 });
    expect(report.total.ratings).toEqual({ count: 2, mean: 3.5 });
  });

  it('groups by desk, with parts never at a desk under the empty key', () => {
    expect(report.rows.map((row) => row.key)).toEqual(['', 'd1', 'd2']);
    const d2 = report.rows.find((row) => row.key === 'd2')?.figures;
    expect(d2).toMatchObject({ issued: 1, served: 1, noShow: 1, transferred: 0 });
    expect(d2?.ratings).toEqual({ count: 1, mean: 2 });
  });

  it('counts arrivals by local hour and weekday, and waits by bucket', () => {
    expect(report.arrivalsByHour[10]).toBe(4);
    expect(report.arrivalsByWeekday).toEqual([0, 4, 0, 0, 0, 0, 0]);
    expect(report.waitDistribution.map((bucket) => bucket.count)).toEqual([1, 1, 0, 2, 0, 0, 0, 0]);
  });

  it('filters by organisation', () => {
    const org2 = buildReport(
      { from: '2026-11-24', to: '2026-11-24', groupBy: 'total', organisationId: 'org-2' },
      segments,
      ratings,
      context,
    );
    expect(org2.total).toMatchObject({ issued: 1, served: 1, noShow: 1, transferred: 0 });
    expect(org2.total.ratings.count).toBe(1);
  });

  it('turns figures into cells in minutes and percent', () => {
    expect(reportCells(report.total)).toMatchObject({
      waitMean: 12.3,
      waitMedian: 13,
      waitP90: 20,
      withinStandardPercent: 66.7,
      punctualPercent: 0,
      ratingsMean: 3.5,
    });
  });
});

const arbitrarySegment: fc.Arbitrary<VisitSegment> = fc
  .record({
    ticket: fc.integer({ min: 1, max: 40 }),
    part: fc.integer({ min: 0, max: 2 }),
    service: fc.constantFrom('a', 'b', 'c', 'gone'),
    booked: fc.boolean(),
    entered: fc.integer({ min: -600, max: 600 }),
    wait: fc.option(fc.integer({ min: 0, max: 120 })),
    serve: fc.option(fc.integer({ min: 0, max: 60 })),
    outcome: fc.constantFrom('completed', 'transferred', 'no-show', 'cancelled', null),
    desk: fc.constantFrom('d1', 'd2', null),
    operator: fc.constantFrom('op1', 'op2', null),
    priority: fc.constantFrom(null, 'veteran'),
    confirmed: fc.constantFrom(0, 1),
  })
  .map((g) =>
    segment({
      ticketId: `t${g.ticket}`,
      segment: g.part,
      serviceCode: g.service,
      source: g.booked ? 'booking' : 'kiosk',
      enteredAt: at(g.entered),
      firstCalledAt: g.wait === null ? null : at(g.entered + g.wait),
      servingStartedAt: g.wait === null || g.serve === null ? null : at(g.entered + g.wait + 1),
      endedAt: g.outcome === null ? null : at(g.entered + (g.wait ?? 0) + (g.serve ?? 0) + 2),
      outcome: g.outcome,
      deskId: g.desk,
      operatorId: g.operator,
      priorityCategory: g.priority,
      priorityConfirmed: g.priority === null ? 0 : g.confirmed,
      appointmentAt: g.booked ? at(g.entered + 10) : null,
    }),
  );

const arbitraryRating: fc.Arbitrary<RatedVisit> = fc.record({
  ticketId: fc.constant('t'),
  serviceDay: fc.constant('2026-11-24'),
  serviceCode: fc.constantFrom('a', 'b', 'c'),
  deskId: fc.constantFrom('d1', null),
  operatorId: fc.constantFrom('op2', null),
  score: fc.integer({ min: 1, max: 5 }),
  arrivedAt: fc.option(fc.integer({ min: at(-600), max: at(600) })),
});

const COUNTS = [
  'issued',
  'served',
  'noShow',
  'cancelled',
  'transferred',
  'priorityIssued',
  'priorityConfirmed',
] as const;

const sumOf = (rows: readonly { figures: ReportFigures }[], pick: (figures: ReportFigures) => number) =>
  rows.reduce((sum, row) => sum + pick(row.figures), 0);

describe('buildReport: properties', () => {
  const input = fc.record({
    segments: fc.array(arbitrarySegment, { maxLength: 60 }),
    ratings: fc.array(arbitraryRating, { maxLength: 10 }),
    groupBy: fc.constantFrom(...REPORT_GROUPINGS),
  });
  const query = { from: '2026-11-24', to: '2026-11-24' };

  it('the groups add up to the total, whatever the grouping', () => {
    fc.assert(
      fc.property(input, ({ segments, ratings, groupBy }) => {
        const report = buildReport({ ...query, groupBy }, segments, ratings, context);
        for (const count of COUNTS) expect(sumOf(report.rows, (f) => f[count])).toBe(report.total[count]);
        expect(sumOf(report.rows, (f) => f.wait.count)).toBe(report.total.wait.count);
        expect(sumOf(report.rows, (f) => f.service.count)).toBe(report.total.service.count);
        expect(sumOf(report.rows, (f) => f.withinStandard.total)).toBe(report.total.withinStandard.total);
        expect(sumOf(report.rows, (f) => f.ratings.count)).toBe(report.total.ratings.count);
        expect(new Set(report.rows.map((row) => row.key)).size).toBe(report.rows.length);
      }),
    );
  });

  it('the charts add up: arrivals to visits issued, the wait buckets to waits measured', () => {
    fc.assert(
      fc.property(input, ({ segments, ratings, groupBy }) => {
        const report = buildReport({ ...query, groupBy }, segments, ratings, context);
        expect(report.arrivalsByHour.reduce((a, b) => a + b, 0)).toBe(report.total.issued);
        expect(report.arrivalsByWeekday.reduce((a, b) => a + b, 0)).toBe(report.total.issued);
        expect(report.waitDistribution.reduce((a, b) => a + b.count, 0)).toBe(report.total.wait.count);
        expect(report.total.priorityConfirmed).toBeLessThanOrEqual(report.total.priorityIssued);
        expect(report.total.withinStandard.met).toBeLessThanOrEqual(report.total.withinStandard.total);
      }),
    );
  });

  it('the organisations split the whole centre between them', () => {
    fc.assert(
      fc.property(input, ({ segments, ratings }) => {
        const whole = buildReport({ ...query, groupBy: 'organisation' }, segments, ratings, context);
        for (const organisationId of ['org-1', 'org-2']) {
          const one = buildReport({ ...query, groupBy: 'total', organisationId }, segments, ratings, context);
          const row = whole.rows.find((entry) => entry.key === organisationId)?.figures;
          expect(one.total.issued).toBe(row?.issued ?? 0);
          expect(one.total.wait).toEqual(row?.wait ?? one.total.wait);
        }
      }),
    );
  });

  it('summarising day by day and merging gives the same report as the segments at once', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 60 }), ({ segments, ratings, groupBy }, cut) => {
        const whole = buildReport({ ...query, groupBy }, segments, ratings, context);
        const parts = [segments.slice(0, cut), segments.slice(cut)].flatMap((part) =>
          summariseSegments(part, context.timeZone),
        );
        expect(buildReportFromSummaries({ ...query, groupBy }, parts, ratings, context)).toEqual(whole);
      }),
    );
  });
});
