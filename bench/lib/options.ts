/**
 * Run-size settings shared by the benchmarks. `BENCH_QUICK=1` (or `--quick`) shrinks every
 * part to a smoke run of a minute or two; single knobs can be set through the environment.
 */
export const isQuick = (): boolean => process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');

/** A number from the environment, or the quick or full default. */
export const setting = (name: string, full: number, quick: number): number => {
  const raw = process.env[name];
  if (raw !== undefined && raw !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return isQuick() ? quick : full;
};

/** Tuesday 24 November 2026, 10:00 in Kyiv: the demo centre is open and the police desk works. */
export const WEEKDAY_MORNING = '2026-11-24T10:00:00+02:00';
