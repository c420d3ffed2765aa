/**
 * Part 6, reports: a year of a 5,000-tickets-a-day centre (about 1.8 million visits) written
 * straight into the `visit_segments` projection, its closed days summarised once (as the
 * server does on a day's first report), then the monthly and yearly reports timed through the
 * server's ReportService. The limit: a monthly report well under a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRE, type ReportGrouping, instant, serviceDayOf } from '@queue/core';
import { PeopleStore, ReportStore, openDatabase } from '@queue/db';
import { ReportService } from '../apps/server/src/reports/report-service';
import { setting } from './lib/options';
import { monotonicMs } from './lib/processes';
import { type Figure, fmt, heading, ratio, say } from './lib/report';
import { summarize } from './lib/stats';
import { Random } from './simulation/prng';

const PART = 'Reports';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The goals of issue #20: a month in under 100 ms, a year in under a second (p50). */
const MONTHLY_GOAL_MS = 100;
const YEARLY_GOAL_MS = 1_000;
/** The day the centre is open on: every day of the generated year is closed. */
const OPEN_DAY = '2026-12-01';

interface FillResult {
  readonly visits: number;
  readonly segments: number;
  readonly seconds: number;
}

/**
 * Write `days` service days ending the day before `lastDay + 1`, `perDay` visits each, as the
 * projection would have them: most served, some transferred once (two segments), some
 * no-shows and cancellations, a few priority claims and bookings, one visit in ten rated.
 */
export const fillYear = (file: string, days: number, perDay: number, lastDay: string): FillResult => {
  const started = monotonicMs();
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  // The projection's backfill has nothing to do: these rows are the projection.
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('visit_segments_backfilled', 'done')").run();
  const insert = db.prepare(`
    INSERT INTO visit_segments (ticket_id, segment, service_day, service_code, source, entered_at, first_called_at,
      serving_started_at, ended_at, outcome, desk_id, operator_id, priority_category, priority_confirmed, appointment_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const rate = db.prepare(
    'INSERT INTO ratings (ticket_id, service_day, service_code, desk_id, operator_id, score, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const services = DEMO_CENTRE.services.filter((service) => service.onKiosk);
  const deskFor = new Map(
    services.map((service) => [
      service.code as string,
      DEMO_CENTRE.desks.filter((desk) => desk.services.some((entry) => entry.code === service.code)),
    ]),
  );
  const random = new Random(2026);
  const lastStart = Date.parse(`${lastDay}T00:00:00+02:00`);
  let visits = 0;
  let segments = 0;
  const writeDay = db.transaction((dayIndex: number) => {
    const dayStart = lastStart - (days - 1 - dayIndex) * DAY_MS;
    const serviceDay = serviceDayOf(instant(dayStart + 12 * 3_600_000), 'Europe/Kyiv');
    const opens = dayStart + 8 * 3_600_000;
    for (let i = 0; i < perDay; i += 1) {
      const id = `y${dayIndex}_${i}`;
      const booked = random.chance(0.1);
      const priority = random.chance(0.03) ? 'veteran' : null;
      let enteredAt = opens + (i / perDay) * 13 * 3_600_000;
      const appointmentAt = booked ? enteredAt + 5 * MINUTE_MS : null;
      const transferred = random.chance(0.05);
      for (let part = 0; part < (transferred ? 2 : 1); part += 1) {
        const service = services[random.int(services.length)] ?? services[0];
        const candidates = deskFor.get(service?.code ?? '') ?? [];
        const desk = candidates[random.int(Math.max(1, candidates.length))];
        if (!service || !desk) continue;
        const roll = random.next();
        const outcome =
          part === 0 && transferred
            ? 'transferred'
            : roll < 0.05
              ? 'no-show'
              : roll < 0.07
                ? 'cancelled'
                : 'completed';
        const calledAt = outcome === 'cancelled' ? null : enteredAt + random.exponential(8) * MINUTE_MS;
        const startedAt = calledAt !== null && outcome !== 'no-show' ? calledAt + 30_000 : null;
        const endedAt =
          startedAt !== null
            ? startedAt + random.exponential(service.expectedMinutes) * MINUTE_MS
            : (calledAt ?? enteredAt) + 3 * MINUTE_MS;
        insert.run(
          id,
          part,
          serviceDay,
          service.code,
          booked ? 'booking' : 'kiosk',
          Math.round(enteredAt),
          calledAt === null ? null : Math.round(calledAt),
          startedAt === null ? null : Math.round(startedAt),
          Math.round(endedAt),
          outcome,
          calledAt === null ? null : desk.id,
          calledAt === null ? null : `operator${desk.number}`,
          priority,
          priority !== null && random.chance(0.9) ? 1 : 0,
          appointmentAt === null ? null : Math.round(appointmentAt),
        );
        segments += 1;
        if (outcome === 'completed' && random.chance(0.1)) {
          rate.run(
            id,
            serviceDay,
            service.code,
            desk.id,
            `operator${desk.number}`,
            1 + random.int(5),
            Math.round(endedAt),
          );
        }
        enteredAt = endedAt;
      }
      visits += 1;
    }
  });
  for (let day = 0; day < days; day += 1) writeDay(day);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { visits, segments, seconds: (monotonicMs() - started) / 1000 };
};

/** Run a report through the server's ReportService; returns milliseconds and the visits counted. */
const timeReport = (
  service: ReportService,
  from: string,
  to: string,
  groupBy: ReportGrouping,
): { ms: number; cpuMs: number; issued: number } => {
  const before = monotonicMs();
  const cpuBefore = process.cpuUsage();
  const report = service.run({ from, to, groupBy });
  const cpu = process.cpuUsage(cpuBefore);
  return { ms: monotonicMs() - before, cpuMs: (cpu.user + cpu.system) / 1000, issued: report.total.issued };
};

export interface ReportTimings {
  readonly monthly: ReturnType<typeof summarize>;
  readonly yearly: ReturnType<typeof summarize>;
  /** Summarising the whole period's closed days, once (the server does it a day at a time). */
  readonly summariseMs: number;
  /** CPU time of the same runs: what the report costs when the machine is not shared. */
  readonly monthlyCpu: ReturnType<typeof summarize>;
  readonly yearlyCpu: ReturnType<typeof summarize>;
  readonly monthVisits: number;
  readonly yearVisits: number;
}

/** Time the monthly report (by service, `runs` times) and the whole period's (by hour, fewer runs). */
export const timeReports = (
  file: string,
  month: { from: string; to: string },
  year: { from: string; to: string },
  runs: number,
): ReportTimings => {
  const db = openDatabase(file);
  try {
    const service = new ReportService(
      new ReportStore(db),
      new PeopleStore(db),
      () => DEMO_CENTRE,
      () => OPEN_DAY,
      () => Date.now(),
    );
    const started = monotonicMs();
    service.summariseClosedDays(year.from, year.to, DEMO_CENTRE.site.timeZone);
    const summariseMs = monotonicMs() - started;
    const monthly: number[] = [];
    const yearly: number[] = [];
    const monthlyCpu: number[] = [];
    const yearlyCpu: number[] = [];
    let monthVisits = 0;
    let yearVisits = 0;
    for (let run = 0; run < runs; run += 1) {
      const result = timeReport(service, month.from, month.to, run % 2 === 0 ? 'service' : 'hour');
      monthly.push(result.ms);
      monthlyCpu.push(result.cpuMs);
      monthVisits = result.issued;
    }
    for (let run = 0; run < Math.max(2, Math.ceil(runs / 3)); run += 1) {
      const result = timeReport(service, year.from, year.to, 'service');
      yearly.push(result.ms);
      yearlyCpu.push(result.cpuMs);
      yearVisits = result.issued;
    }
    return {
      summariseMs,
      monthly: summarize(monthly),
      yearly: summarize(yearly),
      monthlyCpu: summarize(monthlyCpu),
      yearlyCpu: summarize(yearlyCpu),
      monthVisits,
      yearVisits,
    };
  } finally {
    db.close();
  }
};

export const runReports = async (): Promise<Figure[]> => {
  const days = setting('BENCH_REPORT_DAYS', 365, 60);
  const perDay = setting('BENCH_REPORT_VISITS_PER_DAY', 5_000, 2_000);
  const runs = setting('BENCH_REPORT_RUNS', 9, 3);
  heading(`6. Reports: ${days} days of ${perDay.toLocaleString('en')} visits a day`);
  const dir = mkdtempSync(join(tmpdir(), 'queue-reports-'));
  try {
    const file = join(dir, 'year.sqlite');
    // The year ends on Sunday 29 November 2026; the month is November 2026.
    const filled = fillYear(file, days, perDay, '2026-11-30');
    say(
      `generated ${filled.visits.toLocaleString('en')} visits (${filled.segments.toLocaleString('en')} segments) ` +
        `in ${fmt(filled.seconds, 0)} s`,
    );
    const firstDay = new Date(Date.parse('2026-11-30T12:00:00Z') - (days - 1) * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const timings = timeReports(
      file,
      { from: '2026-11-01', to: '2026-11-30' },
      { from: firstDay, to: '2026-11-30' },
      runs,
    );
    say(`summarising ${days} closed days once: ${fmt(timings.summariseMs / 1000, 1)} s`);
    say(
      `monthly report (${timings.monthVisits.toLocaleString('en')} visits): p50 ${fmt(timings.monthly.p50, 0)} ms, ` +
        `max ${fmt(timings.monthly.max, 0)} ms over ${timings.monthly.count} runs (CPU p50 ${fmt(timings.monthlyCpu.p50, 0)} ms, ` +
        `max ${fmt(timings.monthlyCpu.max, 0)} ms); goal p50 under ${MONTHLY_GOAL_MS} ms`,
    );
    say(
      `whole-period report (${timings.yearVisits.toLocaleString('en')} visits): p50 ${fmt(timings.yearly.p50, 0)} ms, ` +
        `max ${fmt(timings.yearly.max, 0)} ms over ${timings.yearly.count} runs (CPU p50 ${fmt(timings.yearlyCpu.p50, 0)} ms); goal p50 under ${YEARLY_GOAL_MS} ms`,
    );
    return [
      {
        part: PART,
        figure: `Monthly report, ${timings.monthVisits.toLocaleString('en')} visits (p50 / max)`,
        value: `${fmt(timings.monthly.p50, 0)} / ${fmt(timings.monthly.max, 0)} ms (CPU ${fmt(timings.monthlyCpu.p50, 0)} / ${fmt(timings.monthlyCpu.max, 0)} ms)`,
        baseline: `goal p50 ${MONTHLY_GOAL_MS} ms`,
        ratio: ratio(timings.monthly.p50, MONTHLY_GOAL_MS),
        ...(timings.monthly.p50 > MONTHLY_GOAL_MS ? { flag: 'over the goal' } : {}),
      },
      {
        part: PART,
        figure: `Summarising ${days} closed days once`,
        value: `${fmt(timings.summariseMs / 1000, 1)} s`,
      },
      {
        part: PART,
        figure: `Report over ${days} days, ${timings.yearVisits.toLocaleString('en')} visits (p50 / max)`,
        value: `${fmt(timings.yearly.p50, 0)} / ${fmt(timings.yearly.max, 0)} ms (CPU ${fmt(timings.yearlyCpu.p50, 0)} ms)`,
        baseline: `goal p50 ${YEARLY_GOAL_MS} ms`,
        ratio: ratio(timings.yearly.p50, YEARLY_GOAL_MS),
        ...(timings.yearly.p50 > YEARLY_GOAL_MS ? { flag: 'over the goal' } : {}),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
