/**
 * Reports against a small data set whose figures are worked out by hand, played through the
 * real server with a controlled clock: a visit transferred twice, a no-show, a postponed visit,
 * a confirmed priority claim, a visit left open at midnight (closed by the rollover) and one
 * issued at 00:20 in Kyiv (22:20 UTC the day before). The XLSX and CSV exports are read back
 * and compared with what `report:run` shows.
 */
import { DEMO_CENTRE, type Centre, REPORT_COLUMNS, type ReportFigures, reportCells } from '@queue/core';
import { RatingStore, ReportStore, openDatabase } from '@queue/db';
import type { ReportView } from '@queue/protocol';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KIOSK_TOKEN,
  type RecordingSocket,
  TestClock,
  type TestServer,
  okData,
  rid,
  startServer,
  waitFor,
} from './harness';

/** The demo centre, open round the clock, so that visits can be made either side of midnight. */
const ROUND_THE_CLOCK: Centre = {
  ...DEMO_CENTRE,
  site: {
    ...DEMO_CENTRE.site,
    hours: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ from: '00:00', to: '24:00' }]])),
  },
};

/** Tuesday 24 November 2026 in Kyiv (UTC+2). */
const kyiv = (clock: string, day = '2026-11-24') => Date.parse(`${day}T${clock}:00+02:00`);
const MIN = 60;

describe('reports', () => {
  let server: TestServer;
  let supervisor: RecordingSocket;
  let supervisorToken: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const clock = new TestClock(kyiv('10:00'));
    server = await startServer({ clock, centre: ROUND_THE_CLOCK, tickMs: 60_000 });
    const kiosk = await server.connect(KIOSK_TOKEN);
    const desk = async (login: string) => server.connect((await server.login(login, '1111')).token);
    const desk1 = await desk('operator1');
    let desk3 = await desk('operator3');
    const desk5 = await desk('operator5');
    const at = (clockTime: string, day?: string) => {
      clock.at = kyiv(clockTime, day);
    };
    const issue = async (name: string, serviceCode: string, extra: Record<string, unknown> = {}) => {
      const issued = await okData(
        kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode, ...extra }),
      );
      ids[name] = issued.ticket.id;
    };
    type Desk = typeof desk1;
    const visit = (_socket: Desk, name: string) => ({ requestId: rid(), ticketId: ids[name] as string });
    const call = (socket: Desk, name: string) =>
      okData(socket.emitWithAck('visit:call', { ...visit(socket, name), reason: 'test' }));
    const start = (socket: Desk, name: string) =>
      okData(socket.emitWithAck('visit:start', visit(socket, name)));
    const complete = (socket: Desk, name: string) =>
      okData(socket.emitWithAck('visit:complete', visit(socket, name)));
    const transfer = (socket: Desk, name: string, toServiceCode: string) =>
      okData(socket.emitWithAck('visit:transfer', { ...visit(socket, name), toServiceCode }));

    for (const socket of [desk1, desk3, desk5])
      await okData(socket.emitWithAck('desk:open', { requestId: rid() }));
    at('10:00');
    await issue('A', 'bill-reconcile');
    at('10:02');
    await issue('B', 'bill-reconcile');
    at('10:04');
    await issue('C', 'doc-copy');
    at('10:06');
    await issue('D', 'bill-reconcile', { priority: { category: 'veteran' } });

    // A: transferred twice. desk-1 waits 5, serves 4 → doc-copy; desk-3 waits 2, serves 7 →
    // doc-residence; desk-5 waits 5, serves 10, done.
    at('10:05');
    await call(desk1, 'A');
    at('10:06');
    await start(desk1, 'A');
    at('10:10');
    await transfer(desk1, 'A', 'doc-copy');
    at('10:12');
    await call(desk3, 'A');
    at('10:13');
    await start(desk3, 'A');
    at('10:20');
    await transfer(desk3, 'A', 'doc-residence');
    // C: called after 17 min, steps away for 10 min, comes back and is served 5 min (10:35-10:40).
    at('10:21');
    await call(desk3, 'C');
    at('10:22');
    await start(desk3, 'C');
    // B: called after 20 min (over the 15 min standard), does not come.
    await call(desk1, 'B');
    at('10:24');
    await okData(desk3.emitWithAck('visit:postpone', { ...visit(desk3, 'C'), minutes: 10 }));
    at('10:25');
    await okData(desk1.emitWithAck('visit:no-show', visit(desk1, 'B')));
    await call(desk5, 'A');
    at('10:26');
    await start(desk5, 'A');
    at('10:30');
    // D: priority veteran, confirmed; waits 24, served 8.
    await call(desk1, 'D');
    at('10:31');
    await okData(desk1.emitWithAck('visit:review-priority', { ...visit(desk1, 'D'), confirmed: true }));
    await start(desk1, 'D');
    at('10:34');
    await call(desk3, 'C');
    at('10:35');
    await start(desk3, 'C');
    at('10:36');
    await complete(desk5, 'A');
    at('10:39');
    await complete(desk1, 'D');
    at('10:40');
    await complete(desk3, 'C');
    // E: issued late in the evening and never called; the rollover at 00:20 closes it.
    at('23:50');
    await issue('E', 'bill-reconcile');
    // F: 00:20 on Wednesday in Kyiv is still Tuesday in UTC; it belongs to Wednesday.
    at('00:20', '2026-11-25');
    await issue('F', 'doc-copy');
    // The day rolled over (desks closed) and the morning's sessions are over: log in again.
    server.closeSockets();
    desk3 = await desk('operator3');
    at('00:21', '2026-11-25');
    await okData(desk3.emitWithAck('desk:open', { requestId: rid() }));
    at('00:25', '2026-11-25');
    await call(desk3, 'F');
    at('00:26', '2026-11-25');
    await start(desk3, 'F');
    at('00:30', '2026-11-25');
    await complete(desk3, 'F');

    // Two visitors rated their visits (the ratings page writes the same table).
    const db = openDatabase(server.databaseFile);
    const ratings = new RatingStore(db);
    ratings.add({
      ticketId: ids.A as string,
      serviceDay: '2026-11-24',
      serviceCode: 'doc-residence',
      deskId: 'desk-5',
      operatorId: 'operator5',
      score: 5,
      at: kyiv('10:45'),
    });
    ratings.add({
      ticketId: ids.C as string,
      serviceDay: '2026-11-24',
      serviceCode: 'doc-copy',
      deskId: 'desk-3',
      operatorId: 'operator3',
      score: 3,
      at: kyiv('10:50'),
    });
    db.close();

    supervisorToken = (await server.login('supervisor', '2222')).token;
    supervisor = await server.connect(supervisorToken);
  });

  afterAll(async () => {
    await server.close();
  });

  const run = (payload: Record<string, unknown>) =>
    okData(supervisor.emitWithAck('report:run', payload as never)) as Promise<ReportView>;
  const row = (report: ReportView, key: string): ReportFigures | undefined =>
    report.rows.find((entry) => entry.key === key)?.figures;

  it('summarises the closed day in the background once the next day starts', async () => {
    const db = openDatabase(server.databaseFile);
    try {
      const reportStore = new ReportStore(db);
      await waitFor(
        () => reportStore.summarisedDays('2026-11-24', '2026-11-25').has('2026-11-24'),
        5_000,
        'summary',
      );
      expect(reportStore.summarisedDays('2026-11-24', '2026-11-25').has('2026-11-25')).toBe(false);
    } finally {
      db.close();
    }
  });

  it('gives Tuesday’s figures as worked out by hand', async () => {
    const report = await run({ from: '2026-11-24', to: '2026-11-24', groupBy: 'total' });
    // Segments: A at bill-reconcile, doc-copy, doc-residence; B; C; D; E.
    expect(report.total).toMatchObject({ issued: 5, served: 3, noShow: 1, cancelled: 1, transferred: 2 });
    // Waits (min): A 5, 2, 5; B 20; C 17 (first call, before the postponement); D 24.
    // Sorted 2 5 5 17 20 24: mean 73/6, median (5+17)/2 = 11, p90 the 6th = 24.
    expect(report.total.wait).toEqual({
      count: 6,
      mean: (73 / 6) * MIN,
      median: 11 * MIN,
      p90: 24 * MIN,
      max: 24 * MIN,
    });
    // Service (min): A 4, 7, 10; C 5 (from its second start); D 8. Sorted 4 5 7 8 10.
    expect(report.total.service).toEqual({
      count: 5,
      mean: 6.8 * MIN,
      median: 7 * MIN,
      p90: 10 * MIN,
      max: 10 * MIN,
    });
    // Within 15 min: A's three parts; not B, C, D.
    expect(report.total.withinStandard).toEqual({ met: 3, total: 6, share: 0.5 });
    expect(report.total.punctual).toEqual({ met: 0, total: 0, share: null });
    expect(report.total).toMatchObject({
      priorityIssued: 1,
      priorityConfirmed: 1,
      ratings: { count: 2, mean: 4 },
    });
    // Arrivals: A B C D at 10 h, E at 23 h, all on a Tuesday.
    expect(report.arrivalsByHour[10]).toBe(4);
    expect(report.arrivalsByHour[23]).toBe(1);
    expect(report.arrivalsByHour.reduce((a, b) => a + b, 0)).toBe(5);
    expect(report.arrivalsByWeekday).toEqual([0, 5, 0, 0, 0, 0, 0]);
    // Waits 2 5 5 | - | 17 | 20 | 24 in buckets ≤5, ≤10, ≤15, ≤20, ≤30…
    expect(report.waitDistribution.map((bucket) => bucket.count)).toEqual([3, 0, 0, 2, 1, 0, 0, 0]);
  });

  it('puts the visit issued after local midnight on Wednesday, at hour 0', async () => {
    const wednesday = await run({ from: '2026-11-25', to: '2026-11-25', groupBy: 'hour' });
    expect(wednesday.total).toMatchObject({ issued: 1, served: 1 });
    expect(wednesday.total.wait.mean).toBe(5 * MIN);
    expect(wednesday.rows.map((entry) => entry.key)).toEqual(['00']);
    expect(wednesday.arrivalsByWeekday).toEqual([0, 0, 1, 0, 0, 0, 0]);
    const both = await run({ from: '2026-11-24', to: '2026-11-25', groupBy: 'day' });
    expect(both.rows.map((entry) => [entry.key, entry.figures.issued])).toEqual([
      ['2026-11-24', 5],
      ['2026-11-25', 1],
    ]);
  });

  it('splits Tuesday by desk, operator, service and organisation', async () => {
    const byDesk = await run({ from: '2026-11-24', to: '2026-11-24', groupBy: 'desk' });
    // desk-1: A's first part (transferred), B (no-show), D (served); E was never at a desk.
    expect(row(byDesk, 'desk-1')).toMatchObject({ issued: 3, served: 1, noShow: 1, transferred: 1 });
    expect(row(byDesk, 'desk-3')).toMatchObject({
      issued: 1,
      served: 1,
      transferred: 1,
      ratings: { count: 1, mean: 3 },
    });
    expect(row(byDesk, 'desk-5')).toMatchObject({ issued: 0, served: 1, ratings: { count: 1, mean: 5 } });
    expect(row(byDesk, '')).toMatchObject({ issued: 1, cancelled: 1 });
    const byOperator = await run({ from: '2026-11-24', to: '2026-11-24', groupBy: 'operator' });
    expect(row(byOperator, 'operator1')?.wait).toEqual({
      count: 3,
      mean: 980, // (5 + 20 + 24) / 3 min = 980 s
      median: 20 * MIN,
      p90: 24 * MIN,
      max: 24 * MIN,
    });
    expect(byOperator.operatorNames).toMatchObject({ operator1: 'Оператор 1', operator5: 'Оператор 5' });
    const byService = await run({ from: '2026-11-24', to: '2026-11-24', groupBy: 'service' });
    expect(row(byService, 'doc-copy')).toMatchObject({ issued: 1, served: 1, transferred: 1 });
    expect(row(byService, 'doc-residence')?.service.max).toBe(10 * MIN);
    const passport = await run({
      from: '2026-11-24',
      to: '2026-11-24',
      groupBy: 'organisation',
      organisationId: 'passport',
    });
    expect(passport.rows.map((entry) => entry.key)).toEqual(['passport']);
    expect(passport.total).toMatchObject({ issued: 0, served: 1, ratings: { count: 1, mean: 5 } });
  });

  const exportUrl = (query: Record<string, string>) =>
    `${server.url}/api/reports/export?${new URLSearchParams(query).toString()}`;
  const download = (query: Record<string, string>, token = supervisorToken) =>
    fetch(exportUrl(query), { headers: { authorization: `Bearer ${token}` } });

  it('exports XLSX with the figures the screen shows', async () => {
    const query = { from: '2026-11-24', to: '2026-11-24', groupBy: 'desk' };
    const report = await run(query);
    const response = await download({ ...query, format: 'xlsx', lang: 'en' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Report');
    if (!sheet) throw new Error('no Report sheet');
    const values = (index: number) => (sheet.getRow(index).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('Desk');
    expect(values(1)[1]).toBe('Issued');
    const expected = [...report.rows.map((entry) => entry.figures), report.total].map((figures) =>
      REPORT_COLUMNS.map((column) => reportCells(figures)[column] ?? undefined),
    );
    expect(sheet.rowCount).toBe(1 + report.rows.length + 1);
    for (const [index, cells] of expected.entries()) {
      const cellsRead = values(index + 2);
      expect(REPORT_COLUMNS.map((_, column) => cellsRead[column + 1])).toEqual(cells);
    }
    expect(values(2)[0]).toBe('(none)');
    expect(values(3)[0]).toBe('Desk 1');
    expect(values(sheet.rowCount)[0]).toBe('Total');
    // The hand-computed total wait median (11 min) and share within the standard (50 %).
    expect(values(sheet.rowCount)[1 + REPORT_COLUMNS.indexOf('waitMedian')]).toBe(11);
    expect(values(sheet.rowCount)[1 + REPORT_COLUMNS.indexOf('withinStandardPercent')]).toBe(50);
    const arrivals = workbook.getWorksheet('Arrivals');
    expect(arrivals?.getRow(12).values).toEqual([undefined, '10:00', 4]);
  });

  it('exports CSV with a byte-order mark and Cyrillic headings, and audits each export', async () => {
    const response = await download({
      from: '2026-11-24',
      to: '2026-11-24',
      groupBy: 'service',
      format: 'csv',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('report-2026-11-24-2026-11-24-service.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('Послуга,Видано талонів,Обслуговано,')).toBe(true);
    expect(lines.at(-1)).toMatch(/^Разом,5,3,1,1,2,12\.2,11,24,24,6\.8,7,10,10,50,,1,1,2,4$/);
    expect(lines).toHaveLength(1 + 3 + 1);

    const { token } = await server.login('admin', 'admin');
    const admin = await server.connect(token);
    const entries = await okData(admin.emitWithAck('audit:list', { action: 'report:export' }));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0]).toMatchObject({
      actor: 'staff:supervisor',
      action: 'report:export',
      target: '2026-11-24..2026-11-24',
      details: { format: 'csv', groupBy: 'service' },
    });
  });

  it('refuses operators, kiosks and strangers, on the socket and over HTTP', async () => {
    const { token } = await server.login('operator2', '1111');
    const operator = await server.connect(token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const payload = { from: '2026-11-24', to: '2026-11-24', groupBy: 'total' } as const;
    for (const socket of [operator, kiosk]) {
      const answer = await socket.emitWithAck('report:run', payload);
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const query = { ...payload, format: 'csv' };
    expect((await download(query, token)).status).toBe(403);
    expect((await download(query, KIOSK_TOKEN)).status).toBe(403);
    expect((await fetch(exportUrl(query))).status).toBe(401);
    expect((await download(query, 'not-a-real-token-at-all')).status).toBe(401);
  });

  it('refuses bad periods and groupings with a clear answer', async () => {
    const bad = [
      { from: '2026-11-25', to: '2026-11-24', groupBy: 'total' },
      { from: '2026-02-30', to: '2026-03-01', groupBy: 'total' },
      { from: '2024-01-01', to: '2026-01-01', groupBy: 'total' },
      { from: '2026-11-24', to: '2026-11-24', groupBy: 'planet' },
      { from: '24.11.2026', to: '2026-11-24', groupBy: 'total' },
    ];
    for (const payload of bad) {
      const answer = await supervisor.emitWithAck('report:run', payload as never);
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      const response = await download({ ...(payload as Record<string, string>), format: 'xlsx' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const wrongFormat = await download({
      from: '2026-11-24',
      to: '2026-11-24',
      groupBy: 'total',
      format: 'pdf',
    });
    expect(wrongFormat.status).toBe(400);
  });

  it('gives an upgraded database (events, no segments yet) its history back on start', async () => {
    const before = await run({ from: '2026-11-24', to: '2026-11-25', groupBy: 'desk' });
    // As written by a version without reports: the projection and its summaries are empty.
    const db = openDatabase(server.databaseFile);
    db.exec(`DELETE FROM visit_segments; DELETE FROM report_day_summaries; DELETE FROM report_summarised_days;
      DELETE FROM meta WHERE key = 'visit_segments_backfilled';`);
    db.close();
    await server.restart();
    supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    expect(await run({ from: '2026-11-24', to: '2026-11-25', groupBy: 'desk' })).toEqual(before);
  });
});
