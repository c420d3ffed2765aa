/**
 * Part 3, scale: the server started over a database holding 1,000,000 historical visits
 * (about 200 days at 5,000 a day, the design load) against the same start over an empty
 * database: time to start and memory, then the monthly and whole-history reports over it (the
 * first start builds the reports' segments from the event log; the first report summarises the
 * closed days once).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication, silentLogger } from '@queue/server';
import { WEEKDAY_MORNING, setting } from './lib/options';
import { BENCH_DIR, forkTs, nextMessage } from './lib/processes';
import { type Figure, fmt, heading, ratio, say } from './lib/report';
import { timeReports } from './reports';
import { generateHistory } from './scale/generate';

const PART = 'Scale';
const DAY_MS = 86_400_000;

const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const MB = 2 ** 20;

interface Start {
  readonly createMs: number;
  readonly startMs: number;
  readonly reportsReadyMs: number;
  readonly asStarted: NodeJS.MemoryUsage;
  readonly afterGc: NodeJS.MemoryUsage;
  readonly tickets: number;
}

const startOnce = async (file: string): Promise<Start> => {
  const child = forkTs(join(BENCH_DIR, 'scale', 'start-child.ts'), [file, WEEKDAY_MORNING], ['--expose-gc']);
  return nextMessage<Start & { type: 'started' }>(child, 'started', 600_000);
};

const sizeOf = (file: string): number =>
  [file, `${file}-wal`].reduce((sum, path) => {
    try {
      return sum + statSync(path).size;
    } catch {
      return sum;
    }
  }, 0);

/** Seed the demo centre, staff and devices, as the first start of a real server does. */
const seed = async (file: string): Promise<void> => {
  const app = await createApplication({ databaseFile: file, seedDemo: true, logger: silentLogger });
  await app.close();
};

const describe = (name: string, start: Start): void =>
  say(
    `${name}: createApplication ${fmt(start.createMs, 0)} ms, listening after ${fmt(start.startMs, 0)} ms, ` +
      `reports ready after ${fmt(start.reportsReadyMs, 0)} ms; ` +
      `RSS ${fmt(start.asStarted.rss / MB, 0)} MB, heap ${fmt(start.asStarted.heapUsed / MB, 1)} MB ` +
      `(${fmt(start.afterGc.heapUsed / MB, 1)} MB after GC); ${start.tickets} tickets in the live state`,
  );

export const runScale = async (): Promise<Figure[]> => {
  const visits = setting('BENCH_SCALE_VISITS', 1_000_000, 100_000);
  heading(`3. Scale: start-up and memory with ${visits.toLocaleString('en')} historical visits`);
  const dir = mkdtempSync(join(tmpdir(), 'queue-scale-'));
  try {
    const empty = join(dir, 'empty.sqlite');
    const history = join(dir, 'history.sqlite');
    await seed(empty);
    await seed(history);
    const days = Math.max(1, Math.round(visits / 5_000));
    const today = WEEKDAY_MORNING.slice(0, 10);
    const generated = generateHistory({
      file: history,
      visits,
      days,
      today: WEEKDAY_MORNING.slice(0, 10),
      retentionDays: 90,
    });
    say(
      `generated ${generated.visits.toLocaleString('en')} visits, ${generated.events.toLocaleString('en')} events in ` +
        `${fmt(generated.seconds, 0)} s; database ${fmt(sizeOf(history) / MB, 0)} MB`,
    );
    const baseline = await startOnce(empty);
    describe('empty database          ', baseline);
    const first = await startOnce(history);
    describe('history, first start    ', first);
    const second = await startOnce(history);
    describe('history, started again  ', second);
    const reports = timeReports(
      history,
      { from: shiftDay(today, -30), to: shiftDay(today, -1) },
      { from: shiftDay(today, -days), to: shiftDay(today, -1) },
      5,
    );
    say(
      `reports: summarising ${days} closed days once ${fmt(reports.summariseMs / 1000, 1)} s; ` +
        `monthly (${reports.monthVisits.toLocaleString('en')} visits) p50 ${fmt(reports.monthly.p50, 0)} ms, ` +
        `max ${fmt(reports.monthly.max, 0)} ms; whole history (${reports.yearVisits.toLocaleString('en')} visits) ` +
        `p50 ${fmt(reports.yearly.p50, 0)} ms`,
    );
    return [
      {
        part: PART,
        figure: 'First start after an upgrade (listening / reports ready)',
        value: `${fmt(first.startMs, 0)} / ${fmt(first.reportsReadyMs, 0)} ms`,
        baseline: `empty database ${fmt(baseline.startMs, 0)} ms`,
        ratio: ratio(first.startMs, baseline.startMs),
      },
      {
        part: PART,
        figure: `Start-up, ${(visits / 1e6).toLocaleString('en')}M visits in the database`,
        value: `${fmt(second.startMs, 0)} ms`,
        baseline: `empty database ${fmt(baseline.startMs, 0)} ms`,
        ratio: ratio(second.startMs, baseline.startMs),
      },
      {
        part: PART,
        figure: 'Memory after start (RSS / heap after GC)',
        value: `${fmt(second.asStarted.rss / MB, 0)} / ${fmt(second.afterGc.heapUsed / MB, 1)} MB`,
        baseline: `empty ${fmt(baseline.asStarted.rss / MB, 0)} / ${fmt(baseline.afterGc.heapUsed / MB, 1)} MB`,
        ratio: ratio(second.asStarted.rss, baseline.asStarted.rss),
      },
      {
        part: PART,
        figure: 'Monthly report query (p50 / max)',
        value: `${fmt(reports.monthly.p50, 0)} / ${fmt(reports.monthly.max, 0)} ms`,
        baseline: 'limit 1000 ms',
        ratio: ratio(reports.monthly.max, 1_000),
      },
      {
        part: PART,
        figure: `Report over the whole history, ${days} days (p50 / max)`,
        value: `${fmt(reports.yearly.p50, 0)} / ${fmt(reports.yearly.max, 0)} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
