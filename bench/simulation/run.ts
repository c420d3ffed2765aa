/**
 * Part 4, a day in the centre: the demo centre's 40 services and 13 desks over many
 * simulated weekdays, under our routing and under strict per-service FIFO, on the same
 * visitors; then the simulator itself checked against Erlang C on a pooled queue.
 */
import { type Figure, fmt, heading, ratio, say } from '../lib/report';
import { setting } from '../lib/options';
import { DEFAULT_DEMAND } from './demand';
import { simulateDays } from './days';
import { type WaitMetrics, waitMetrics } from './metrics';
import { fifoPolicy, routingPolicy } from './policies';
import { runPooled } from './pooled';
import { runAdvisorScenario } from './advisor-scenario';
import { runBookingScenario } from './booking-scenario';
import { type AffectedOutcome, runBurstScenario, runPausedDeskScenario } from './disruption-scenarios';

const PART = 'Day in the centre';
const SEED = 20_261_124;
/** Differences smaller than this share are noise between two policies on the same visitors. */
const TOLERANCE = 0.02;

const compare = (
  figure: string,
  ours: number,
  fifo: number,
  unit: string,
  higherIsBetter = false,
  digits = 1,
): Figure => {
  const worse = higherIsBetter ? ours < fifo * (1 - TOLERANCE) : ours > fifo * (1 + TOLERANCE);
  return {
    part: PART,
    figure,
    value: `${fmt(ours, digits)} ${unit}`.trim(),
    baseline: `FIFO ${fmt(fifo, digits)} ${unit}`.trim(),
    ratio: ratio(ours, fifo),
    ...(worse ? { flag: 'worse than FIFO' } : {}),
  };
};

const describe = (name: string, metrics: WaitMetrics, days: number): void => {
  say(
    `${name.padEnd(18)} served ${(metrics.served / days).toFixed(0)}/day  mean ${fmt(metrics.meanWait, 2)} min  ` +
      `p90 ${fmt(metrics.p90Wait, 1)}  within 15 min ${fmt(100 * metrics.withinStandard, 1)}%  ` +
      `longest ordinary ${fmt(metrics.longestOrdinary, 0)} min  priority mean ${fmt(metrics.meanPriorityWait, 2)}  ` +
      `booked ≤5 min past slot ${fmt(100 * metrics.bookedOnTime, 1)}%  unserved ${metrics.unserved}`,
  );
};

export const runSimulation = async (): Promise<Figure[]> => {
  heading('4. A day in the centre (discrete-event simulation through decide/evolve)');
  const days = setting('BENCH_SIM_DAYS', 100, 5);
  const load = setting('BENCH_SIM_LOAD', 1, 1);
  const demand = { ...DEFAULT_DEMAND, load };
  const started = performance.now();
  const ours = waitMetrics(
    simulateDays({ policy: routingPolicy, days, seed: SEED, estimates: false }).flat(),
  );
  const fifo = waitMetrics(
    simulateDays({ policy: fifoPolicy, days, seed: SEED, estimates: false, demand }).flat(),
  );
  say(
    `${days} weekdays of the demo centre at ${fmt(100 * load, 0)}% of the usual demand, the same visitors under both ` +
      `policies (seed ${SEED}):`,
  );
  describe(routingPolicy.name, ours, days);
  describe(fifoPolicy.name, fifo, days);
  const busyDays = Math.max(1, Math.round(days / 2));
  const busy = { ...DEFAULT_DEMAND, load: load * 1.15 };
  say(`the same at ${fmt(115 * load, 0)}% demand (${busyDays} days, desks overloaded at the peaks):`);
  for (const policy of [routingPolicy, fifoPolicy]) {
    const metrics = simulateDays({
      policy,
      days: busyDays,
      seed: SEED,
      estimates: false,
      demand: busy,
    }).flat();
    describe(policy.name, waitMetrics(metrics), busyDays);
  }

  const pooledDays = setting('BENCH_POOLED_DAYS', 150, 8);
  const pooled = [7, 6].map((desks) =>
    runPooled({
      desks,
      arrivalsPerHour: 40,
      serviceMinutes: 8,
      days: pooledDays,
      warmUpHours: 4,
      seed: SEED,
    }),
  );
  for (const [index, result] of pooled.entries()) {
    say(
      `pooled M/M/${7 - index}, 40/h, 8 min: simulated mean wait ${fmt(result.simulatedMeanWait, 2)} ± ` +
        `${fmt(result.halfWidth, 2)} min (95%, ${pooledDays} days, ${result.visits} visits` +
        `${result.unserved > 0 ? `, ${result.unserved} still waiting at midnight` : ''}), ` +
        `Erlang C ${fmt(result.erlangMeanWait, 2)} min`,
    );
  }
  const advisorDays = setting('BENCH_ADVISOR_DAYS', 20, 3);
  const scenario = runAdvisorScenario(advisorDays, SEED);
  say(
    `single-desk service overloaded (benefits at 1.6×, desk 6 alone, reserve desk 14 closed; ${advisorDays} days):`,
  );
  for (const [name, outcome] of [
    ['nobody acts', scenario.without],
    ['advisor applied', scenario.with],
  ] as const) {
    say(
      `  ${name.padEnd(16)} ${outcome.visits} benefits visits  p95 wait ${fmt(outcome.p95Wait, 1)} min  ` +
        `within 15 min ${fmt(100 * outcome.withinStandard, 1)}%  proposals applied ${outcome.applied}`,
    );
  }
  const bookingDays = setting('BENCH_BOOKING_DAYS', 20, 3);
  const booking = runBookingScenario(bookingDays, SEED);
  say(
    `every slot booked (residence, deregistration, legal consultations; ${bookingDays} days): booked visitors called ` +
      `within 5 min of their slot: booked share per desk ${fmt(100 * booking.perDesk.onTime, 1)}% ` +
      `(${booking.perDesk.booked} places a day), per service as before ${fmt(100 * booking.perService.onTime, 1)}% ` +
      `(${booking.perService.booked} places)`,
  );
  const disruptionDays = setting('BENCH_DISRUPTION_DAYS', 30, 3);
  const disrupted = (outcome: AffectedOutcome): string =>
    `${outcome.tickets} tickets  p95 wait ${fmt(outcome.p95Wait, 1)} min  within 15 min ` +
    `${fmt(100 * outcome.withinStandard, 1)}%  estimate: inside the range ${fmt(100 * outcome.inRange, 1)}%, ` +
    `bias ${fmt(outcome.bias, 2)} min`;
  const burst = runBurstScenario(disruptionDays, SEED);
  say(
    `burst (40 visitors 11:00-11:10 for bill payment, reconciliation, household certificates, heating ` +
      `consultations; their services' tickets issued 11:00-12:00, ${disruptionDays} days):`,
  );
  say(`  without the bus   ${disrupted(burst.without)}`);
  say(`  with the bus      ${disrupted(burst.with)}`);
  const paused = runPausedDeskScenario(disruptionDays, SEED);
  say(
    `paused desk (desk 7, heating's only desk, on a 20-minute break at 10:30; heating tickets issued during ` +
      `the break, ${disruptionDays} days):`,
  );
  say(`  no break          ${disrupted(paused.without)}`);
  say(`  break             ${disrupted(paused.with)}`);
  if (paused.announced) say(`  break, length told ${disrupted(paused.announced)}`);
  say(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const pooledFigures: Figure[] = pooled.map((result, index) => {
    const inside = Math.abs(result.simulatedMeanWait - result.erlangMeanWait) <= result.halfWidth;
    return {
      part: PART,
      figure: `Pooled M/M/${7 - index} mean wait (40/h, 8 min)`,
      value: `${fmt(result.simulatedMeanWait, 2)} ± ${fmt(result.halfWidth, 2)} min`,
      baseline: `Erlang C ${fmt(result.erlangMeanWait, 2)} min`,
      ratio: ratio(result.simulatedMeanWait, result.erlangMeanWait),
      ...(inside ? {} : { flag: 'exact value outside the 95% interval' }),
    };
  });
  return [
    compare('Mean wait', ours.meanWait, fifo.meanWait, 'min', false, 2),
    compare('90th percentile wait', ours.p90Wait, fifo.p90Wait, 'min'),
    compare('Served within 15 min', 100 * ours.withinStandard, 100 * fifo.withinStandard, '%', true),
    compare('Longest wait, ordinary visitor', ours.longestOrdinary, fifo.longestOrdinary, 'min', false, 0),
    ...pooledFigures,
    {
      part: PART,
      figure: 'Every slot booked: booked visitors called within 5 min of their slot',
      value: `${fmt(100 * booking.perDesk.onTime, 1)} %`,
      baseline: `per service ${fmt(100 * booking.perService.onTime, 1)} %`,
      ratio: ratio(booking.perDesk.onTime, booking.perService.onTime),
      ...(booking.perDesk.onTime < 0.9 ? { flag: 'under the 90% goal' } : {}),
    },
    ...(
      [
        ['Burst', burst, 'without the bus'],
        ['Paused desk', paused, 'no break'],
      ] as const
    ).flatMap(([name, { with: outcome, without }, undisturbed]): Figure[] => [
      {
        part: PART,
        figure: `${name}: affected tickets' p95 wait, within 15 min`,
        value: `${fmt(outcome.p95Wait, 1)} min, ${fmt(100 * outcome.withinStandard, 1)} %`,
        baseline: `${undisturbed} ${fmt(without.p95Wait, 1)} min, ${fmt(100 * without.withinStandard, 1)} %`,
      },
      {
        part: PART,
        figure: `${name}: affected tickets' estimate inside the range, bias`,
        value: `${fmt(100 * outcome.inRange, 1)} %, ${fmt(outcome.bias, 2)} min`,
        baseline: `${undisturbed} ${fmt(100 * without.inRange, 1)} %, ${fmt(without.bias, 2)} min`,
        ...(outcome.inRange < 0.9 ? { flag: 'under the 90% goal' } : {}),
      },
    ]),
    ...(paused.announced
      ? [
          {
            part: PART,
            figure: "Paused desk, the break's length told: estimate inside the range, bias",
            value: `${fmt(100 * paused.announced.inRange, 1)} %, ${fmt(paused.announced.bias, 2)} min`,
            baseline: `length not told ${fmt(100 * paused.with.inRange, 1)} %, ${fmt(paused.with.bias, 2)} min`,
            ...(paused.announced.inRange < 0.9 ? { flag: 'under the 90% goal' } : {}),
          },
        ]
      : []),
    {
      part: PART,
      figure: 'Single-desk service overloaded: p95 wait with the advisor',
      value: `${fmt(scenario.with.p95Wait, 1)} min`,
      baseline: `nobody acts ${fmt(scenario.without.p95Wait, 1)} min`,
      ratio: ratio(scenario.with.p95Wait, scenario.without.p95Wait),
    },
    {
      part: PART,
      figure: 'Single-desk service overloaded: within 15 min with the advisor',
      value: `${fmt(100 * scenario.with.withinStandard, 1)} %`,
      baseline: `nobody acts ${fmt(100 * scenario.without.withinStandard, 1)} %`,
      ratio: ratio(scenario.with.withinStandard, scenario.without.withinStandard),
    },
  ];
};
