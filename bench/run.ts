/**
 * `npm run bench`: runs the benchmark parts and prints each figure with its limit or
 * baseline and the ratio, then a summary table in Markdown for docs/performance.md.
 * Choose parts by name: `npm run bench -- simulation estimates`; `--quick` (or
 * BENCH_QUICK=1) shrinks every part to a smoke run.
 */
import { runEstimates } from './estimates';
import { runFrontend } from './frontend/run';
import { runHub } from './hub';
import { runIssue } from './issue';
import { runLatency } from './latency/run';
import { type Figure, heading, markdownTable, say } from './lib/report';
import { isQuick } from './lib/options';
import { loadLine, machineLine } from './lib/machine';
import { runReports } from './reports';
import { runScale } from './scale';
import { runSimulation } from './simulation/run';

const PARTS: Readonly<Record<string, () => Promise<Figure[]>>> = {
  latency: runLatency,
  issue: runIssue,
  scale: runScale,
  simulation: runSimulation,
  estimates: runEstimates,
  reports: runReports,
  hub: runHub,
  frontend: runFrontend,
};

const main = async (): Promise<void> => {
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const unknown = asked.filter((name) => !(name in PARTS));
  if (unknown.length > 0) {
    say(`Unknown part ${unknown.join(', ')}; the parts are: ${Object.keys(PARTS).join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  const chosen = asked.length > 0 ? asked : Object.keys(PARTS);
  const started = Date.now();
  say(`Queue benchmarks${isQuick() ? ' (quick run)' : ''}: ${chosen.join(', ')}`);
  say(machineLine());
  say(`${new Date().toISOString()}, ${loadLine()}`);
  const figures: Figure[] = [];
  for (const name of chosen) {
    const part = PARTS[name];
    if (!part) continue;
    try {
      figures.push(...(await part()));
    } catch (error) {
      process.exitCode = 1;
      say(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      figures.push({
        part: name,
        figure: 'failed',
        value: error instanceof Error ? error.message : String(error),
      });
    }
    say(loadLine());
  }
  heading(`Summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  say(markdownTable(figures));
};

main().catch((error: unknown) => {
  say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
