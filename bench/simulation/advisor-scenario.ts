/**
 * The scenario "single-desk service overloaded": the demo centre's benefits office has one
 * desk (6) and a second, reserve desk (14) that nobody opens unless asked; benefits visits
 * run at 1.6× the usual. The same visitors are simulated twice: with nobody acting, and with
 * a supervisor who asks the staffing advisor every 15 minutes and applies its first proposal.
 * What it shows: the benefits visitors' 95th-percentile wait and share called within 15
 * minutes, with and without the advisor.
 */
import { type Centre, DEMO_CENTRE, type Desk, adviseStaffing, deskId } from '@queue/core';
import { percentile } from '../lib/stats';
import { DEFAULT_DEMAND } from './demand';
import { simulateDays } from './days';
import { waitMinutes } from './metrics';
import { routingPolicy } from './policies';
import type { VisitRecord } from './simulator';

export const RESERVE_DESK = deskId('desk-14');
const BENEFITS_LOAD = 1.6;

const withReserveDesk = (centre: Centre): Centre => {
  const benefitsDesk = centre.desks.find((desk) => desk.number === 6);
  if (!benefitsDesk) throw new Error('the demo centre has no desk 6');
  const reserve: Desk = {
    ...benefitsDesk,
    id: RESERVE_DESK,
    number: 14,
    name: { uk: 'Вікно 14', ru: 'Окно 14', en: 'Desk 14' },
  };
  return { ...centre, desks: [...centre.desks, reserve] };
};

export interface ScenarioOutcome {
  readonly visits: number;
  readonly p95Wait: number;
  readonly withinStandard: number;
  /** Proposals applied over all the days. */
  readonly applied: number;
}

const outcomeOf = (records: readonly VisitRecord[], applied: number): ScenarioOutcome => {
  const benefits = records.filter(
    (record) => record.visitor.serviceCode.startsWith('ben-') && record.calledAt !== undefined,
  );
  const waits = benefits.map((record) => waitMinutes(record) ?? 0);
  return {
    visits: waits.length,
    p95Wait: percentile(waits, 95),
    withinStandard: waits.filter((wait) => wait <= 15).length / Math.max(1, waits.length),
    applied,
  };
};

export const runAdvisorScenario = (
  days: number,
  seed: number,
): { readonly without: ScenarioOutcome; readonly with: ScenarioOutcome } => {
  const centre = withReserveDesk(DEMO_CENTRE);
  const demand = {
    ...DEFAULT_DEMAND,
    serviceLoad: Object.fromEntries(
      centre.services
        .filter((service) => service.code.startsWith('ben-'))
        .map((service) => [service.code, BENEFITS_LOAD]),
    ),
  };
  const common = {
    centre,
    policy: routingPolicy,
    days,
    seed,
    estimates: false,
    demand,
    closedAtStart: [RESERVE_DESK],
  };
  const without = simulateDays(common).flat();
  let applied = 0;
  const advised = simulateDays({
    ...common,
    advisor: {
      everyMinutes: 15,
      propose: (current, state, at) => {
        const proposal = adviseStaffing(current, state, at).proposals[0]?.proposal;
        if (proposal) applied += 1;
        return proposal;
      },
    },
  }).flat();
  return { without: outcomeOf(without, 0), with: outcomeOf(advised, applied) };
};
