/**
 * The simulator checked against theory: one service, `c` identical desks, Poisson arrivals at
 * 40 an hour and exponential 8-minute visits, run through the same simulator and the real
 * rules. The mean wait must match Erlang C. The centre is open all day; each day starts empty
 * at midnight, so the first hours (warm-up) are left out, and arrivals stop at 20:00 so the
 * queue has emptied before the service day ends.
 */
import {
  type Centre,
  DEFAULT_POLICY,
  type Instant,
  type WeeklyHours,
  categoryId,
  deskId,
  organisationId,
  serviceCode,
} from '@queue/core';
import { mmc } from './erlang';
import { Random } from './prng';
import { routingPolicy } from './policies';
import { simulateDay } from './simulator';
import type { Visitor } from './demand';
import { ci95HalfWidth, mean } from '../lib/stats';

const MS_PER_HOUR = 3_600_000;
const MIDNIGHT = Date.parse('2026-11-24T00:00:00+02:00');

export interface PooledOptions {
  readonly desks: number;
  readonly arrivalsPerHour: number;
  readonly serviceMinutes: number;
  readonly days: number;
  readonly warmUpHours: number;
  readonly seed: number;
}

export interface PooledResult {
  readonly simulatedMeanWait: number;
  readonly halfWidth: number;
  readonly erlangMeanWait: number;
  readonly visits: number;
  /** Visitors still waiting at midnight (left out of the mean). */
  readonly unserved: number;
}

const ALL_DAY = [{ from: '00:00', to: '24:00' }];
const ALL_DAY_HOURS: WeeklyHours = {
  1: ALL_DAY,
  2: ALL_DAY,
  3: ALL_DAY,
  4: ALL_DAY,
  5: ALL_DAY,
  6: ALL_DAY,
  7: ALL_DAY,
};

const text = (value: string) => ({ uk: value, ru: value, en: value });

export const pooledCentre = (desks: number, minutes: number): Centre => ({
  site: { name: text('Pooled'), timeZone: 'Europe/Kyiv', hours: ALL_DAY_HOURS, specialDays: [] },
  organisations: [{ id: organisationId('org'), name: text('Org') }],
  categories: [{ id: categoryId('general'), name: text('General') }],
  services: [
    {
      code: serviceCode('pooled'),
      categoryId: categoryId('general'),
      organisationId: organisationId('org'),
      name: text('Pooled'),
      prefix: 'A',
      expectedMinutes: minutes,
      waitingStandardMinutes: 15,
      onKiosk: true,
      outcomes: [],
      outcomeRequired: false,
    },
  ],
  desks: Array.from({ length: desks }, (_, i) => ({
    id: deskId(`d${i + 1}`),
    name: text(`d${i + 1}`),
    number: i + 1,
    organisationId: organisationId('org'),
    services: [{ code: serviceCode('pooled'), weight: 1 }],
  })),
  boards: [],
  kiosks: [],
  policy: DEFAULT_POLICY,
});

export const runPooled = (options: PooledOptions): PooledResult => {
  const centre = pooledCentre(options.desks, options.serviceMinutes);
  const dayMeans: number[] = [];
  let visits = 0;
  let unserved = 0;
  const lastArrival = MIDNIGHT + 20 * MS_PER_HOUR;
  for (let day = 0; day < options.days; day += 1) {
    const random = new Random(options.seed + day);
    const visitors: Visitor[] = [];
    for (let at = MIDNIGHT + random.exponential(MS_PER_HOUR / options.arrivalsPerHour); at < lastArrival;) {
      visitors.push({
        index: visitors.length,
        serviceCode: serviceCode('pooled'),
        arrival: at as Instant,
        serviceMinutes: random.exponential(options.serviceMinutes),
        priority: false,
        noShow: false,
      });
      at += random.exponential(MS_PER_HOUR / options.arrivalsPerHour);
    }
    const { records } = simulateDay({
      centre,
      visitors,
      policy: routingPolicy,
      opensAt: MIDNIGHT as Instant,
      walkMinutes: 0,
      estimates: false,
      endsAt: (MIDNIGHT + 24 * MS_PER_HOUR - 1) as Instant,
    });
    const measured = records.filter(
      (record) => record.issuedAt >= MIDNIGHT + options.warmUpHours * MS_PER_HOUR,
    );
    unserved += measured.filter((record) => record.calledAt === undefined).length;
    visits += measured.length;
    const called = measured.filter((record) => record.calledAt !== undefined);
    dayMeans.push(mean(called.map((record) => ((record.calledAt ?? 0) - record.issuedAt) / 60_000)));
  }
  return {
    simulatedMeanWait: mean(dayMeans),
    halfWidth: ci95HalfWidth(dayMeans),
    erlangMeanWait: mmc(options.arrivalsPerHour, options.serviceMinutes, options.desks).meanWaitMinutes,
    visits,
    unserved,
  };
};
