/**
 * Part 5, wait estimates: for every simulated ticket, the estimate shown at issue (the same
 * `estimateWait` call the server makes) against the wait it really had, next to the naive
 * estimate "people ahead × mean visit minutes / open desks for the service".
 */
import { type Figure, fmt, heading, ratio, say } from './lib/report';
import { setting } from './lib/options';
import { type Accuracy, type Prediction, accuracy } from './simulation/accuracy';
import { simulateDays } from './simulation/days';
import { routingPolicy } from './simulation/policies';
import type { VisitRecord } from './simulation/simulator';

const PART = 'Wait estimates';
const SEED = 20_261_124;

const realWait = (record: VisitRecord): number => ((record.calledAt ?? 0) - record.issuedAt) / 60_000;

const ours = (records: readonly VisitRecord[]): Prediction[] =>
  records.map((record) => ({
    expected: record.estimate?.expectedMinutes ?? 0,
    real: realWait(record),
    low: record.estimate?.lowMinutes ?? 0,
    high: record.estimate?.highMinutes ?? 0,
  }));

const naive = (records: readonly VisitRecord[]): Prediction[] =>
  records.map((record) => ({ expected: record.naiveMinutes ?? 0, real: realWait(record) }));

const line = (name: string, result: Accuracy): string =>
  `${name.padEnd(10)} MAE ${fmt(result.meanAbsoluteError, 2)} min  relative RMSE ${fmt(result.relativeRmse, 2)}  ` +
  `bias ${fmt(result.bias, 2)} min` +
  (Number.isNaN(result.inRange) ? '' : `  inside the range ${fmt(100 * result.inRange, 1)}%`);

export const runEstimates = async (): Promise<Figure[]> => {
  heading('5. Wait estimates against real waits (simulated tickets)');
  const days = setting('BENCH_EST_DAYS', 40, 4);
  // Operators take a moment between visits (notes, the next button); the estimate has to learn it.
  const wrapUpMinutes = setting('BENCH_EST_WRAP_UP', 1, 1);
  const records = simulateDays({ policy: routingPolicy, days, seed: SEED, estimates: true, wrapUpMinutes })
    .flat()
    .filter((record) => record.calledAt !== undefined && record.estimate !== undefined);
  const mine = accuracy(ours(records));
  const plain = accuracy(naive(records));
  say(
    `${records.length} tickets over ${days} simulated days (real wait: issue to first call; ` +
      `${fmt(wrapUpMinutes, 1)} min between a desk's visits)`,
  );
  say(line('estimate', mine));
  say(line('naive', plain));
  for (const [low, high] of [
    [0, 0],
    [1, 2],
    [3, 5],
    [6, Infinity],
  ] as const) {
    const group = records.filter((record) => {
      const ahead = record.estimate?.ahead ?? 0;
      return ahead >= low && ahead <= high;
    });
    if (group.length === 0) continue;
    const label = high === Infinity ? `${low}+` : low === high ? `${low}` : `${low}-${high}`;
    const a = accuracy(ours(group));
    const b = accuracy(naive(group));
    say(
      `  ${label.padEnd(4)} ahead in the service (${String(group.length).padStart(5)} tickets): ` +
        `MAE ${fmt(a.meanAbsoluteError, 2)} vs naive ${fmt(b.meanAbsoluteError, 2)} min, ` +
        `bias ${fmt(a.bias, 2)} min, inside the range ${fmt(100 * a.inRange, 1)}%`,
    );
  }
  const noBetter = (value: number, limit: number): boolean => !(value < limit);
  return [
    {
      part: PART,
      figure: 'Mean absolute error',
      value: `${fmt(mine.meanAbsoluteError, 2)} min`,
      baseline: `naive ${fmt(plain.meanAbsoluteError, 2)} min`,
      ratio: ratio(mine.meanAbsoluteError, plain.meanAbsoluteError),
      ...(noBetter(mine.meanAbsoluteError, plain.meanAbsoluteError) ? { flag: 'no better than naive' } : {}),
    },
    {
      part: PART,
      figure: 'Relative RMSE',
      value: fmt(mine.relativeRmse, 2),
      baseline: `naive ${fmt(plain.relativeRmse, 2)}`,
      ratio: ratio(mine.relativeRmse, plain.relativeRmse),
      ...(noBetter(mine.relativeRmse, plain.relativeRmse) ? { flag: 'no better than naive' } : {}),
    },
    {
      part: PART,
      figure: 'Real wait inside the range shown',
      value: `${fmt(100 * mine.inRange, 1)}%`,
      baseline: 'naive shows no range',
    },
  ];
};
