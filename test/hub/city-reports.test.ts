/**
 * Three real centre servers (SQLite) and a real hub (PostgreSQL): a simulated day of traffic
 * at each, with transfers, no-shows, cancellations, priority visitors and ratings, and the hub
 * unreachable for the middle of one centre's day. The hub's report for each centre equals
 * that centre's own report, figure by figure, for every grouping both have; the city's total
 * is the sum of the centres'; its live view and public page show what the centres have now.
 * The senders run on ManualTimers; the test fires them and waits for conditions, never the clock.
 */
import ExcelJS from 'exceljs';
import type { ReportFigures } from '@queue/core';
import type { CityLiveView, CityPublicView, HubSyncState, ReportView } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualTimers } from '../support/manual-timers';
import { startPostgres, type TestPostgres } from '../support/postgres';
import {
  KIOSK_TOKEN,
  type ClientSocket,
  TestClock,
  type TestServer,
  WEEKDAY_10AM,
  okData,
  rid,
  startServer,
} from '../server/harness';
import { ADMIN_TOKEN, type TestHub, call, enrolCentre, startHub } from './support';

const DAY = '2026-11-24';

interface Centre {
  readonly centreId: string;
  readonly server: TestServer;
  readonly clock: TestClock;
  readonly timers: ManualTimers;
  readonly kiosk: ClientSocket;
  readonly admin: ClientSocket;
  readonly desks: ClientSocket[];
  rated: number;
  /** The number of the visitor called last. */
  lastCalled?: string;
}

let postgres: TestPostgres;
let hub: TestHub;
const centres: Centre[] = [];

/** A small deterministic generator (a linear congruential one): the same day every run. */
const generator = (seed: number) => {
  let state = seed >>> 0;
  return (below: number): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % below;
  };
};

const SERVICES = ['doc-copy', 'bill-reconcile', 'bill-explain', 'doc-household'];

const openCentre = async (name: string): Promise<Centre> => {
  const { centreId, key } = await enrolCentre(hub.url, name);
  const clock = new TestClock(WEEKDAY_10AM);
  const timers = new ManualTimers();
  const server = await startServer({ clock, timers, hub: { url: hub.url, key } });
  const kiosk = await server.connect(KIOSK_TOKEN);
  const admin = await server.connect((await server.login('admin', 'admin')).token);
  const desks: ClientSocket[] = [];
  for (const login of ['operator1', 'operator2', 'operator3', 'operator4']) {
    const desk = await server.connect((await server.login(login, '1111')).token);
    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
    desks.push(desk);
  }
  return { centreId, server, clock, timers, kiosk, admin, desks, rated: 0 };
};

const status = (centre: Centre): Promise<HubSyncState> => okData(centre.admin.emitWithAck('hub:status', {}));

const ratingsAtHub = async (centreId: string): Promise<number> =>
  Number(
    (
      await hub.pool.query<{ n: string }>('SELECT count(*) AS n FROM ratings WHERE centre_id = $1', [
        centreId,
      ])
    ).rows[0]?.n,
  );

/** Fire the centre's timers until the hub has its whole log, its profile and its ratings. */
const syncAll = async (centre: Centre): Promise<void> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await status(centre);
    const profiled = await hub.pool.query('SELECT 1 FROM centre_profiles WHERE centre_id = $1', [
      centre.centreId,
    ]);
    if (
      state.behind === 0 &&
      state.lastError === undefined &&
      profiled.rowCount === 1 &&
      (await ratingsAtHub(centre.centreId)) === centre.rated
    ) {
      break;
    }
    if (Date.now() > deadline)
      throw new Error(`centre ${centre.centreId} did not sync: ${JSON.stringify(state)}`);
    centre.timers.fire();
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 10));
  }
  await hub.settled();
};

const rate = async (centre: Centre, statusPath: string, score: number): Promise<void> => {
  const response = await fetch(`${centre.server.url}${statusPath}/rating?lang=en`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `score=${score}`,
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  centre.rated += 1;
};

interface Visit {
  readonly id: string;
  readonly statusPath: string;
}

/**
 * `steps` minutes of a day: visitors arrive (some with priority), desks call, serve and
 * finish them, some are transferred, some do not come, some are cancelled, some rate.
 */
const simulate = async (centre: Centre, seed: number, steps: number): Promise<void> => {
  const next = generator(seed);
  const visits = new Map<string, Visit>();
  for (let step = 0; step < steps; step += 1) {
    centre.clock.advanceMinutes(1 + next(3));
    for (let arrivals = next(3); arrivals > 0; arrivals -= 1) {
      const priority = next(10) === 0;
      const issued = await okData(
        centre.kiosk.emitWithAck('ticket:issue', {
          requestId: rid(),
          serviceCode: SERVICES[next(SERVICES.length)]!,
          ...(priority ? { priority: { category: 'disability' as const } } : {}),
        }),
      );
      visits.set(issued.ticket.id, { id: issued.ticket.id, statusPath: issued.statusPath });
    }
    if (next(25) === 0 && visits.size > 0) {
      const waiting = [...visits.keys()][next(visits.size)]!;
      await centre.admin.emitWithAck('ticket:cancel', {
        requestId: rid(),
        ticketId: waiting,
        reason: 'test',
      });
    }
    for (const desk of centre.desks) {
      const answer = await desk.emitWithAck('visit:call-next', { requestId: rid() });
      if (!answer.ok || !answer.data.ticket) continue;
      const ticketId = answer.data.ticket.id;
      centre.lastCalled = answer.data.ticket.number;
      const choice = next(10);
      centre.clock.advanceMinutes(next(2));
      if (choice === 0) {
        // A no-show is allowed once the visitor had two minutes to come.
        centre.clock.advanceMinutes(2);
        await okData(desk.emitWithAck('visit:no-show', { requestId: rid(), ticketId }));
        continue;
      }
      await okData(desk.emitWithAck('visit:start', { requestId: rid(), ticketId }));
      if (choice === 1) {
        await okData(
          desk.emitWithAck('visit:transfer', {
            requestId: rid(),
            ticketId,
            toServiceCode: SERVICES[next(2)]!,
          }),
        );
        continue;
      }
      await okData(desk.emitWithAck('visit:complete', { requestId: rid(), ticketId }));
      const visit = visits.get(ticketId);
      // A few at most: the status page takes 10 ratings a minute from one address.
      if (visit && centre.rated < 8 && next(3) === 0) await rate(centre, visit.statusPath, 1 + next(5));
    }
  }
};

const GROUPINGS = ['total', 'organisation', 'service', 'day', 'hour', 'weekday'] as const;

const centreReport = (centre: Centre, groupBy: (typeof GROUPINGS)[number]): Promise<ReportView> =>
  okData(centre.admin.emitWithAck('report:run', { from: DAY, to: DAY, groupBy }));

const cityReport = async (body: Record<string, unknown>) => {
  const answer = await call(hub.url, 'POST', '/api/hub/reports', {
    token: ADMIN_TOKEN,
    body: { from: DAY, to: DAY, ...body },
  });
  expect(answer.status).toBe(200);
  return answer.body.data as unknown as ReportView & { centreNames: Record<string, string> };
};

/** What a report says, without what only one side has (the centre's operator names, the hub's centre list). */
const figuresOf = (report: ReportView) => ({
  rows: report.rows,
  total: report.total,
  arrivalsByHour: report.arrivalsByHour,
  arrivalsByWeekday: report.arrivalsByWeekday,
  waitDistribution: report.waitDistribution,
});

beforeAll(async () => {
  postgres = await startPostgres();
  hub = await startHub(postgres);
  for (const name of ['Podil', 'Obolon', 'Darnytsia']) centres.push(await openCentre(name));
  // The first centre's day runs with the hub unreachable in its middle.
  const [first, second, third] = centres as [Centre, Centre, Centre];
  await simulate(first, 1, 30);
  await syncAll(first);
  await hub.stop();
  await simulate(first, 2, 40);
  first.timers.fire();
  await hub.start();
  await simulate(first, 3, 30);
  await simulate(second, 4, 90);
  await simulate(third, 5, 60);
  for (const centre of centres) await syncAll(centre);
}, 240_000);

afterAll(async () => {
  for (const centre of centres) await centre.server.close();
  await hub?.close();
  await postgres?.destroy();
});

describe('city reports', () => {
  it("equal each centre's own report, figure by figure, in every grouping", async () => {
    for (const centre of centres) {
      for (const groupBy of GROUPINGS) {
        const own = await centreReport(centre, groupBy);
        const city = await cityReport({ groupBy, centreIds: [centre.centreId] });
        expect(figuresOf(city), `${centre.centreId} by ${groupBy}`).toEqual(figuresOf(own));
      }
      const own = await centreReport(centre, 'total');
      expect(own.total.issued).toBeGreaterThan(40);
      expect(own.total.transferred).toBeGreaterThan(0);
      expect(own.total.noShow).toBeGreaterThan(0);
      expect(own.total.ratings.count).toBe(centre.rated);
    }
  });

  it('lost nothing and doubled nothing while the hub was down, and the lag is back to zero', async () => {
    const first = centres[0]!;
    const events = await hub.pool.query<{ n: string; distinct: string }>(
      'SELECT count(*) AS n, count(DISTINCT seq) AS distinct FROM centre_events WHERE centre_id = $1',
      [first.centreId],
    );
    const state = await status(first);
    expect(Number(events.rows[0]?.n)).toBe(state.headSeq);
    expect(Number(events.rows[0]?.distinct)).toBe(state.headSeq);
    const overview = await call(hub.url, 'GET', '/api/hub/centres', { token: ADMIN_TOKEN });
    const centre = (overview.body.data?.centres as { id: string; streams: { lag: number }[] }[]).find(
      (entry) => entry.id === first.centreId,
    );
    expect(centre?.streams[0]?.lag).toBe(0);
  });

  it("add up to the city's total, and compare centres side by side", async () => {
    const totals: ReportFigures[] = [];
    for (const centre of centres) totals.push((await centreReport(centre, 'total')).total);
    const city = await cityReport({ groupBy: 'centre' });
    const sum = (pick: (figures: ReportFigures) => number) =>
      totals.reduce((acc, figures) => acc + pick(figures), 0);
    expect(city.total.issued).toBe(sum((figures) => figures.issued));
    expect(city.total.served).toBe(sum((figures) => figures.served));
    expect(city.total.noShow).toBe(sum((figures) => figures.noShow));
    expect(city.total.cancelled).toBe(sum((figures) => figures.cancelled));
    expect(city.total.transferred).toBe(sum((figures) => figures.transferred));
    expect(city.total.wait.count).toBe(sum((figures) => figures.wait.count));
    expect(city.total.wait.max).toBe(Math.max(...totals.map((figures) => figures.wait.max ?? 0)));
    expect(city.total.withinStandard.met).toBe(sum((figures) => figures.withinStandard.met));
    expect(city.total.withinStandard.total).toBe(sum((figures) => figures.withinStandard.total));
    expect(city.total.ratings.count).toBe(sum((figures) => figures.ratings.count));
    // Side by side: each centre's row is that centre's own total, medians and all.
    expect(city.rows.map((row) => row.key)).toEqual(centres.map((centre) => centre.centreId).sort());
    for (const [index, centre] of centres.entries()) {
      expect(city.rows.find((row) => row.key === centre.centreId)?.figures).toEqual(totals[index]);
    }
    expect(Object.keys(city.centreNames)).toHaveLength(3);
  });

  it('export as CSV and XLSX, with the same cells, naming the centres', async () => {
    const base = `${hub.url}/api/hub/reports/export?from=${DAY}&to=${DAY}&groupBy=centre`;
    const download = (query: string, token = ADMIN_TOKEN) =>
      fetch(`${base}${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const csv = await download('&format=csv&lang=en');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/city-report-2026-11-24-2026-11-24-centre\.csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.startsWith('Centre,')).toBe(true);
    expect(lines).toHaveLength(1 + centres.length + 1);
    const totals = await Promise.all(
      centres.map(async (centre) => (await centreReport(centre, 'total')).total),
    );
    // Each centre's line carries its own issued count, right after its name.
    const issuedByLine = lines.slice(1, -1).map((line) => Number(line.split(',')[1]));
    expect(issuedByLine.sort()).toEqual(totals.map((figures) => figures.issued).sort());
    expect(
      lines.at(-1)?.startsWith(`Total,${totals.reduce((sum, figures) => sum + figures.issued, 0)},`),
    ).toBe(true);

    const xlsx = await download('&format=xlsx&lang=uk');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Центр');
    expect(sheet.rowCount).toBe(1 + centres.length + 1);

    expect((await download('&format=csv', '')).status).toBe(401);
    expect((await download('&format=pdf')).status).toBe(400);
  });

  it('refuse a bad query and anyone without the city token', async () => {
    expect((await call(hub.url, 'POST', '/api/hub/reports', { body: { from: DAY, to: DAY } })).status).toBe(
      401,
    );
    const bad = await call(hub.url, 'POST', '/api/hub/reports', {
      token: ADMIN_TOKEN,
      body: { from: DAY, to: '2026-11-01', groupBy: 'total' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/from must not be after to/);
  });
});

describe('the live view and the public page', () => {
  it("show each centre's queue now, from its synced events", async () => {
    const live = await call(hub.url, 'GET', '/api/hub/live', { token: ADMIN_TOKEN });
    expect(live.status).toBe(200);
    const view = live.body.data as unknown as CityLiveView;
    expect(view.centres).toHaveLength(3);
    for (const centre of centres) {
      const card = view.centres.find((entry) => entry.centreId === centre.centreId)!;
      const own = (await centreReport(centre, 'total')).total;
      expect(card).toMatchObject({ profiled: true, serviceDay: DAY, desksOpen: 4, revoked: false });
      expect(card.today.issued).toBe(own.issued);
      expect(card.today.served).toBe(own.served);
      expect(card.today.withinStandard).toEqual(own.withinStandard);
      expect(card.today.ratings.count).toBe(centre.rated);
      expect(card.sync.behind).toBe(0);
      expect(card.lastCall?.number).toBe(centre.lastCalled);
    }
    expect((await call(hub.url, 'GET', '/api/hub/live')).status).toBe(401);

    const published = await call(hub.url, 'GET', '/api/hub/public/centres');
    expect(published.status).toBe(200);
    const page = published.body.data as unknown as CityPublicView;
    expect(page.centres).toHaveLength(3);
    expect(page.centres[0]?.services.length).toBeGreaterThan(0);
    expect(JSON.stringify(page)).not.toMatch(/operator|desk-/);
  });
});

describe('a closed day', () => {
  it("is read from its stored summary, and still equals the centre's own report", async () => {
    // The next morning at the second centre: its first day closes.
    const before = centres[1]!;
    before.clock.advanceMinutes(24 * 60);
    // A new day, new sessions (the old ones outlived their 14 hours) and desks opened again.
    const admin = await before.server.connect((await before.server.login('admin', 'admin')).token);
    const desks: ClientSocket[] = [];
    for (const login of ['operator1', 'operator2']) {
      const desk = await before.server.connect((await before.server.login(login, '1111')).token);
      await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
      desks.push(desk);
    }
    const centre: Centre = { ...before, admin, desks };
    await simulate(centre, 6, 5);
    await syncAll(centre);
    const stored = await hub.pool.query(
      'SELECT 1 FROM day_summaries WHERE centre_id = $1 AND service_day = $2',
      [centre.centreId, DAY],
    );
    expect(stored.rowCount).toBeGreaterThan(0);
    const nextDay = '2026-11-25';
    for (const groupBy of GROUPINGS) {
      const own = await okData(centre.admin.emitWithAck('report:run', { from: DAY, to: nextDay, groupBy }));
      const first = await cityReport({ to: nextDay, groupBy, centreIds: [centre.centreId] });
      const again = await cityReport({ to: nextDay, groupBy, centreIds: [centre.centreId] });
      expect(figuresOf(first), `by ${groupBy}`).toEqual(figuresOf(own));
      expect(figuresOf(again)).toEqual(figuresOf(first));
    }
  });
});
