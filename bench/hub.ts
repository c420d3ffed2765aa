/**
 * Part 7, the city hub, against a throwaway PostgreSQL (scripts/lib/throwaway-postgres.ts):
 * - ingest: a centre's log (made by the queue's rules, bench/hub/centre-log.ts) posted in
 *   batches of 1,000 over HTTP to the hub, against a plain batched INSERT of the same rows
 *   into the same server; the ratio is the hub's cost of being safe (stream checks, one
 *   transaction a batch, the idempotency comparison, HTTP and JSON);
 * - the city report: 20 centres × 365 days (about 3.6 million visit segments) written in SQL
 *   (bench/hub/city-year.ts), its closed days summarised once (as the hub does as each day
 *   closes), then `runCityReport` by centre, organisation and hour over the whole year.
 */
import { runCityReport } from '../apps/hub/src/reports/city-report';
import { catchUpSummaries } from '../apps/hub/src/reports/day-summaries';
import { type ThrowawayPostgres, startPostgres } from '../scripts/lib/throwaway-postgres';
import { centreLog } from './hub/centre-log';
import { fillCityYear } from './hub/city-year';
import { benchIngest } from './hub/ingest';
import { setting } from './lib/options';
import { monotonicMs } from './lib/processes';
import { type Figure, fmt, heading, ratio, say } from './lib/report';

const PART = 'City hub';
const BATCH = 1_000;
const LAST_DAY = '2026-11-30';

const ingestFigures = async (postgres: ThrowawayPostgres): Promise<Figure[]> => {
  const events = setting('BENCH_HUB_EVENTS', 200_000, 5_000);
  const made = monotonicMs();
  const log = centreLog(events);
  say(
    `made a centre log of ${log.length.toLocaleString('en')} events in ${fmt((monotonicMs() - made) / 1000, 1)} s`,
  );
  const result = await benchIngest(postgres, log, BATCH);
  say(
    `hub ingest over HTTP: ${fmt(result.hubPerSecond, 0)} events/s; plain batched INSERT: ` +
      `${fmt(result.plainPerSecond, 0)} rows/s; ratio ${ratio(result.hubPerSecond, result.plainPerSecond)}`,
  );
  say(
    result.projectionSeconds === undefined
      ? 'projection: not caught up within 10 minutes'
      : `projection caught up ${fmt(result.projectionSeconds, 1)} s after the last batch`,
  );
  return [
    {
      part: PART,
      figure: `Ingest, ${result.events.toLocaleString('en')} events in batches of ${BATCH} over HTTP`,
      value: `${fmt(result.hubPerSecond, 0)} events/s`,
      baseline: `plain batched INSERT ${fmt(result.plainPerSecond, 0)} rows/s`,
      ratio: ratio(result.hubPerSecond, result.plainPerSecond),
    },
    {
      part: PART,
      figure: 'Projection to visit segments, after the last batch',
      value:
        result.projectionSeconds === undefined
          ? 'not caught up in 10 min'
          : `${fmt(result.projectionSeconds, 1)} s`,
    },
  ];
};

const reportFigures = async (postgres: ThrowawayPostgres): Promise<Figure[]> => {
  const centres = setting('BENCH_HUB_CENTRES', 20, 20);
  const days = setting('BENCH_HUB_DAYS', 365, 7);
  const perDay = setting('BENCH_HUB_VISITS_PER_DAY', 493, 493);
  const runs = setting('BENCH_HUB_REPORT_RUNS', 2, 1);
  const year = await fillCityYear(postgres, centres, days, perDay, LAST_DAY);
  try {
    say(
      `generated ${year.segments.toLocaleString('en')} visit segments and ${year.ratings.toLocaleString('en')} ratings ` +
        `for ${centres} centres × ${days} days in ${fmt(year.seconds, 0)} s`,
    );
    const figures: Figure[] = [];
    // What the hub does in the background as each day closes, done here at once: every
    // closed day summarised and stored once (a closed day never changes).
    const ids = await year.pool.query<{ id: string }>('SELECT id FROM centres ORDER BY id');
    const summarising = monotonicMs();
    for (const { id } of ids.rows) {
      while ((await catchUpSummaries(year.pool, id, 'Europe/Kyiv', 30)) > 0) {
        // thirty days at a time, as the hub does
      }
    }
    const summarised = (monotonicMs() - summarising) / 1000;
    say(`closed days summarised once, as the hub does when each day closes: ${fmt(summarised, 1)} s`);
    figures.push({
      part: PART,
      figure: `Closed days summarised once (${centres} × ${days} days; in the background as each day closes)`,
      value: `${fmt(summarised, 1)} s`,
    });
    for (const groupBy of ['centre', 'organisation', 'hour'] as const) {
      const times: number[] = [];
      let issued = 0;
      for (let run = 0; run < runs; run += 1) {
        const started = monotonicMs();
        const report = await runCityReport(year.pool, { from: year.from, to: year.to, groupBy });
        times.push(monotonicMs() - started);
        issued = report.total.issued;
      }
      const best = Math.min(...times);
      const worst = Math.max(...times);
      say(
        `city report by ${groupBy}, ${year.from}..${year.to}, ${issued.toLocaleString('en')} visits: ` +
          `best ${fmt(best / 1000, 2)} s, worst ${fmt(worst / 1000, 2)} s over ${runs} runs`,
      );
      figures.push({
        part: PART,
        figure: `City report by ${groupBy}, ${centres} centres × ${days} days, ${issued.toLocaleString('en')} visits (best / worst)`,
        value: `${fmt(best / 1000, 2)} / ${fmt(worst / 1000, 2)} s`,
      });
    }
    return figures;
  } finally {
    await year.pool.end();
  }
};

export const runHub = async (): Promise<Figure[]> => {
  heading('7. City hub: ingest and the city report (PostgreSQL)');
  // The same server for both sides of each comparison; room for a year of segments in memory.
  const postgres = await startPostgres({
    settings: { shared_buffers: '512MB', max_wal_size: '4GB', work_mem: '64MB', max_connections: '60' },
  });
  try {
    return [...(await ingestFigures(postgres)), ...(await reportFigures(postgres))];
  } finally {
    await postgres.destroy();
  }
};
