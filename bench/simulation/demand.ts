/**
 * Who comes to the demo centre on a weekday: an hourly arrival profile with a morning and an
 * evening peak, visits a day per service (sized so the desks run at about 70-80% of their
 * capacity over the day, and above it at the peaks), and the shares of priority visitors,
 * booked visits and visitors who do not come when called. `generateDay` draws one day.
 */
import { type Instant, type ServiceCode, serviceCode } from '@queue/core';
import type { Random } from './prng';

/** Opening of the simulated day: Tuesday 24 November 2026, 08:00 in Kyiv (the police desk works). */
export const DAY_OPENS = Date.parse('2026-11-24T08:00:00+02:00') as Instant;
export const OPEN_HOURS = 13;
const MS_PER_MINUTE = 60_000;

/** Relative arrival rate for each hour from 08:00 to 21:00. */
export const HOURLY_PROFILE = [0.6, 1.2, 1.5, 1.3, 1.0, 0.9, 0.9, 0.9, 1.0, 1.4, 1.5, 1.0, 0.5] as const;

/** Visits a day by service at load 1 (about 690 visits: a busy district centre). */
export const DAILY_VISITS: Readonly<Record<string, number>> = {
  'bill-reconcile': 45,
  'bill-explain': 30,
  'bill-duplicate': 30,
  'bill-howto': 20,
  'bill-payment': 40,
  'bill-recalc': 25,
  'bill-restructure': 8,
  'bill-eaccount': 20,
  'doc-household': 35,
  'doc-nodebt': 30,
  'doc-copy': 20,
  'doc-residence': 15,
  'doc-deregister': 12,
  'ben-subsidy': 16,
  'ben-privilege': 12,
  'heat-consult': 20,
  'heat-meter': 16,
  'heat-contract': 6,
  'heat-quality': 10,
  'water-consult': 12,
  'water-meter': 8,
  'water-readings': 20,
  'water-contract': 4,
  'gas-consult': 7,
  'gas-meter': 7,
  'el-consult': 20,
  'el-meter': 22,
  'el-connect': 6,
  'house-repair': 16,
  'house-yard': 10,
  'house-capital': 6,
  'house-govern': 5,
  'house-elders': 6,
  'legal-consult': 8,
  'legal-dispute': 4,
  'appeal-complaint': 10,
  'appeal-feedback': 8,
  'police-officer': 18,
  'admin-help': 50,
  'priority-any': 16,
};

export interface DemandOptions {
  /** Multiplies every service's daily visits. */
  readonly load: number;
  readonly priorityShare: number;
  readonly bookedShare: number;
  readonly noShowShare: number;
  /** Spread of visit lengths around the service's minutes (sd / mean). */
  readonly serviceCv: number;
  /** Multiplies some services' daily visits on top of `load`. */
  readonly serviceLoad?: Readonly<Record<string, number>>;
  /** Booked visitors at these slots, besides the share of `bookedShare` (a fully booked day). */
  readonly bookedSlots?: readonly { readonly serviceCode: ServiceCode; readonly start: Instant }[];
  /** Extra walk-ins arriving together (a bus): `count` of them, uniformly over `minutes` from `at`. */
  readonly bursts?: readonly Burst[];
}

export interface Burst {
  readonly at: Instant;
  readonly minutes: number;
  readonly count: number;
  /** Each visitor of the burst wants one of these, drawn evenly. */
  readonly services: readonly ServiceCode[];
}

export const DEFAULT_DEMAND: DemandOptions = {
  load: 1,
  priorityShare: 0.05,
  bookedShare: 0.1,
  noShowShare: 0.03,
  serviceCv: 0.6,
};

export interface Visitor {
  readonly index: number;
  readonly serviceCode: ServiceCode;
  readonly arrival: Instant;
  /** How long this visit takes at the desk once the visitor is there. */
  readonly serviceMinutes: number;
  readonly priority: boolean;
  readonly appointmentAt?: Instant;
  /** Called, but never comes to the desk. */
  readonly noShow: boolean;
}

const profileTotal = HOURLY_PROFILE.reduce((sum, weight) => sum + weight, 0);

/** An instant within opening hours with the hourly profile's density. */
const drawTime = (random: Random): number => {
  const hour = random.weighted(HOURLY_PROFILE);
  return DAY_OPENS + (hour + random.next()) * 60 * MS_PER_MINUTE;
};

/**
 * One day's visitors in order of arrival. Walk-ins arrive as a Poisson process whose rate
 * follows the profile (the count is Poisson, the times drawn from the profile); booked
 * visitors take a quarter-hour slot and arrive 0-10 minutes before it.
 */
export const generateDay = (
  random: Random,
  expectedMinutes: (code: ServiceCode) => number,
  options: DemandOptions = DEFAULT_DEMAND,
): Visitor[] => {
  const drafts: Omit<Visitor, 'index'>[] = [];
  for (const [code, perDay] of Object.entries(DAILY_VISITS)) {
    const count = poisson(random, perDay * options.load * (options.serviceLoad?.[code] ?? 1));
    const minutesMean = expectedMinutes(serviceCode(code));
    for (let i = 0; i < count; i += 1) {
      const booked = random.chance(options.bookedShare);
      const slot = booked ? Math.floor(drawTime(random) / (15 * MS_PER_MINUTE)) * 15 * MS_PER_MINUTE : 0;
      const lastSlot = DAY_OPENS + (OPEN_HOURS * 60 - 15) * MS_PER_MINUTE;
      const appointment = Math.min(Math.max(slot, DAY_OPENS + 15 * MS_PER_MINUTE), lastSlot);
      const arrival = booked
        ? Math.max(DAY_OPENS, appointment - random.uniform(0, 10) * MS_PER_MINUTE)
        : drawTime(random);
      drafts.push({
        serviceCode: serviceCode(code),
        arrival: arrival as Instant,
        serviceMinutes: random.logNormal(minutesMean, options.serviceCv),
        priority: !booked && random.chance(options.priorityShare),
        ...(booked ? { appointmentAt: appointment as Instant } : {}),
        noShow: random.chance(options.noShowShare),
      });
    }
  }
  for (const slot of options.bookedSlots ?? []) {
    drafts.push({
      serviceCode: slot.serviceCode,
      arrival: Math.max(DAY_OPENS, slot.start - random.uniform(0, 10) * MS_PER_MINUTE) as Instant,
      serviceMinutes: random.logNormal(expectedMinutes(slot.serviceCode), options.serviceCv),
      priority: false,
      appointmentAt: slot.start,
      noShow: random.chance(options.noShowShare),
    });
  }
  for (const burst of options.bursts ?? []) {
    for (let i = 0; i < burst.count; i += 1) {
      const code = burst.services[Math.floor(random.next() * burst.services.length)] ?? burst.services[0];
      if (code === undefined) break;
      drafts.push({
        serviceCode: code,
        arrival: (burst.at + random.uniform(0, burst.minutes) * MS_PER_MINUTE) as Instant,
        serviceMinutes: random.logNormal(expectedMinutes(code), options.serviceCv),
        priority: random.chance(options.priorityShare),
        noShow: random.chance(options.noShowShare),
      });
    }
  }
  drafts.sort((a, b) => a.arrival - b.arrival);
  return drafts.map((draft, index) => ({ ...draft, index }));
};

/** A Poisson count (Knuth's method for small means, a rounded normal for large ones). */
export const poisson = (random: Random, meanValue: number): number => {
  if (meanValue > 60) return Math.max(0, Math.round(meanValue + Math.sqrt(meanValue) * random.normal()));
  const limit = Math.exp(-meanValue);
  let product = random.next();
  let count = 0;
  while (product > limit) {
    product *= random.next();
    count += 1;
  }
  return count;
};

export const profileShare = (hour: number): number => (HOURLY_PROFILE[hour] ?? 0) / profileTotal;
