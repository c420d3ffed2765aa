/**
 * Front ends: how soon the kiosk and the hall board are usable on a slow machine,
 * how much JavaScript they load for it, and whether the board's memory grows over a day.
 *
 * - First screen: the demo centre on a loopback server, each page opened cold (fresh
 *   context) in Chromium with the CPU slowed 4× through CDP; the time from navigation to
 *   the first frame with the kiosk's category tiles (or the board's rows of calls) shown
 *   and tappable, p50 and max over the runs, and the JavaScript loaded by then (raw and
 *   gzipped). The baseline is the single-chunk build of before the split: measured side by
 *   side when `BENCH_FRONTEND_BASELINE_DIR` names a folder with its `kiosk/` and `display/`
 *   builds (then run by run in turn with this build), the figures recorded on 3 December
 *   2026 otherwise.
 * - Board over a day: see board-day.ts; every simulated hour after garbage collection, the
 *   heap and, from a heap snapshot, its objects apart from compiled code, with their slopes.
 */
import type { Browser } from 'playwright-core';
import { DISPLAY_TOKEN, KIOSK_TOKEN, request, requestId } from '../lib/clients';
import { WEEKDAY_MORNING, setting } from '../lib/options';
import { type Figure, fmt, heading, ratio, say } from '../lib/report';
import { percentile } from '../lib/stats';
import { launchBrowser } from './browser';
import { DAY_HOURS, type HeapSample, boardDay, slopePerHour } from './board-day';
import { type FirstScreen, type Screen, measureFirstScreen } from './first-screen';
import { type BenchServer, startBenchServer } from './server';

const PART = 'Front ends';
const GOAL_MS = 1_500;
const CPU_SLOWDOWN = 4;

const SCREENS: readonly Screen[] = [
  {
    name: 'kiosk',
    path: `/kiosk/?device=${KIOSK_TOKEN}`,
    usable: 'button[data-category]',
    viewport: { width: 1080, height: 1920 },
  },
  {
    name: 'board',
    path: `/display/?device=${DISPLAY_TOKEN}&board=hall`,
    usable: '.previous__table tbody tr',
    viewport: { width: 1920, height: 1080 },
  },
];

/** The single-chunk builds, measured side by side with the split on 3 December 2026 (docs/performance.md, finding 10). */
const RECORDED_BASELINE: Readonly<Record<string, FirstScreen>> = {
  kiosk: {
    timesMs: [1692, 1814, 1651, 1779, 1618, 1226, 1595, 1080, 1315],
    bytes: { files: 1, raw: 600_584, gzip: 170_504 },
  },
  board: {
    timesMs: [1098, 1139, 2149, 1425, 1540, 1752, 1976, 1298, 1127],
    bytes: { files: 1, raw: 580_666, gzip: 164_737 },
  },
};

const kb = (bytes: number): string => fmt(bytes / 1000, 1);

/** A server over this build (or another), with a few calls made so the board has rows to show. */
const serverWithCalls = async (frontEnds: string | undefined): Promise<BenchServer> => {
  const server = await startBenchServer(WEEKDAY_MORNING, frontEnds);
  const kiosk = await server.device(KIOSK_TOKEN);
  const desks = await Promise.all([1, 2, 3].map((desk) => server.operator(desk)));
  for (const desk of desks) {
    await request(desk, 'desk:open', { requestId: requestId('fs-open') });
    for (let n = 0; n < 2; n += 1) {
      await request(kiosk, 'ticket:issue', {
        requestId: requestId('fs-issue'),
        serviceCode: 'bill-reconcile',
      });
    }
  }
  for (const desk of desks) await request(desk, 'visit:call-next', { requestId: requestId('fs-call') });
  return server;
};

/** Each screen of this build and, when given, of the baseline build, run by run in turn. */
const measureBuilds = async (
  browser: Browser,
  runs: number,
  baselineDir: string | undefined,
): Promise<{ now: Record<string, FirstScreen>; before?: Record<string, FirstScreen> }> => {
  const servers = [await serverWithCalls(undefined)];
  if (baselineDir) servers.push(await serverWithCalls(baselineDir));
  try {
    const now: Record<string, FirstScreen> = {};
    const before: Record<string, FirstScreen> = {};
    for (const screen of SCREENS) {
      const urls = servers.map((server) => server.url);
      const [current, baseline] = await measureFirstScreen(browser, urls, screen, runs, CPU_SLOWDOWN);
      if (current) now[screen.name] = current;
      if (baseline) before[screen.name] = baseline;
    }
    return baselineDir ? { now, before } : { now };
  } finally {
    for (const server of servers) await server.close();
  }
};

const firstScreenFigures = (
  name: string,
  now: FirstScreen,
  before: FirstScreen,
  measured: boolean,
): Figure[] => {
  const p50 = percentile(now.timesMs, 50);
  const max = Math.max(...now.timesMs);
  const baseP50 = percentile(before.timesMs, 50);
  const label = measured ? 'single chunk' : 'single chunk (recorded)';
  say(
    `${name}: first usable screen ${now.timesMs.map((ms) => fmt(ms, 0)).join(', ')} ms; ` +
      `JS ${now.bytes.files} files, ${kb(now.bytes.raw)} kB raw, ${kb(now.bytes.gzip)} kB gzipped`,
  );
  if (measured) {
    say(
      `${name} (${label}): ${before.timesMs.map((ms) => fmt(ms, 0)).join(', ')} ms; ` +
        `JS ${before.bytes.files} files, ${kb(before.bytes.raw)} kB raw, ${kb(before.bytes.gzip)} kB gzipped`,
    );
  }
  return [
    {
      part: PART,
      figure: `${name}: first usable screen, 4× CPU slowdown, cold (p50 / max)`,
      value: `${fmt(p50, 0)} / ${fmt(max, 0)} ms`,
      baseline: baseP50 > 0 ? `${label} p50 ${fmt(baseP50, 0)} ms` : `goal ${GOAL_MS} ms`,
      ratio: baseP50 > 0 ? ratio(p50, baseP50) : ratio(p50, GOAL_MS),
      ...(p50 > GOAL_MS ? { flag: `p50 over the ${GOAL_MS / 1000} s goal` } : {}),
    },
    {
      part: PART,
      figure: `${name}: JavaScript for the first screen (raw / gzip)`,
      value: `${kb(now.bytes.raw)} / ${kb(now.bytes.gzip)} kB in ${now.bytes.files} files`,
      baseline: `${label} ${kb(before.bytes.raw)}${before.bytes.gzip > 0 ? ` / ${kb(before.bytes.gzip)}` : ''} kB`,
      ratio:
        before.bytes.gzip > 0
          ? ratio(now.bytes.gzip, before.bytes.gzip)
          : ratio(now.bytes.raw, before.bytes.raw),
    },
  ];
};

const MB = (bytes: number): string => fmt(bytes / 1e6, 2);

const dayFigures = (samples: readonly HeapSample[]): Figure[] => {
  // From the end of the first hour: the page has loaded, fetched its engine and settled by then.
  const settled = samples.slice(1);
  const first = settled[0];
  const last = settled.at(-1);
  if (!first || !last) return [];
  const objectSlope = slopePerHour(settled, (sample) => sample.objectBytes);
  const heapSlope = slopePerHour(settled);
  // "No growth": objects kept by the page grow by less than 1% of them an hour.
  const growing = objectSlope > 0.01 * first.objectBytes;
  return [
    {
      part: PART,
      figure: `board: heap without compiled code, ${DAY_HOURS} simulated hours (${last.calls} calls)`,
      value: `${MB(first.objectBytes)} → ${MB(last.objectBytes)} MB, ${fmt(objectSlope / 1000, 1)} kB/h`,
      baseline: `after hour 1: ${MB(first.objectBytes)} MB`,
      ratio: ratio(last.objectBytes, first.objectBytes),
      ...(growing ? { flag: 'grows over 1% an hour' } : {}),
    },
    {
      part: PART,
      figure: 'board: whole JS heap after GC (with compiled code)',
      value: `${MB(first.heapBytes)} → ${MB(last.heapBytes)} MB, ${fmt(heapSlope / 1000, 1)} kB/h`,
      baseline: `after hour 1: ${MB(first.heapBytes)} MB`,
      ratio: ratio(last.heapBytes, first.heapBytes),
    },
    {
      part: PART,
      figure: 'board: DOM nodes / listeners, hour 1 → end of day',
      value: `${first.nodes} → ${last.nodes} / ${first.listeners} → ${last.listeners}`,
      baseline: `after hour 1: ${first.nodes} / ${first.listeners}`,
      ratio: ratio(last.nodes, first.nodes),
    },
  ];
};

export const runFrontend = async (): Promise<Figure[]> => {
  heading(
    `${PART}: first usable screen (${CPU_SLOWDOWN}× CPU slowdown, cold cache) and the board over a day`,
  );
  const runs = setting('BENCH_FRONTEND_RUNS', 9, 3);
  const callsPerHour = setting('BENCH_FRONTEND_CALLS_PER_HOUR', 40, 6);
  const baselineDir = process.env.BENCH_FRONTEND_BASELINE_DIR;
  const browser = await launchBrowser();
  try {
    const measured = await measureBuilds(browser, runs, baselineDir);
    const now = measured.now;
    const before = measured.before ?? RECORDED_BASELINE;
    const figures = SCREENS.flatMap((screen) => {
      const current = now[screen.name];
      const base = before[screen.name];
      return current && base ? firstScreenFigures(screen.name, current, base, baselineDir !== undefined) : [];
    });
    say(`board over a day, ${callsPerHour} calls an hour (after GC: heap, objects, compiled code, DOM):`);
    const samples = await boardDay(browser, callsPerHour, (sample) =>
      say(
        `  ${String(8 + sample.hour).padStart(2, '0')}:00  ${String(sample.calls).padStart(4)} calls  ` +
          `heap ${MB(sample.heapBytes)} MB  objects ${MB(sample.objectBytes)} MB  ` +
          `code ${MB(sample.codeBytes)} MB  ${sample.nodes} nodes  ${sample.listeners} listeners`,
      ),
    );
    const settled = samples.slice(1);
    say(
      `  slope from hour 1: heap ${fmt(slopePerHour(settled) / 1000, 1)} kB/h, objects ` +
        `${fmt(slopePerHour(settled, (sample) => sample.objectBytes) / 1000, 1)} kB/h`,
    );
    return [...figures, ...dayFigures(samples)];
  } finally {
    await browser.close();
  }
};
