/**
 * Tomorrow's plan: for a chosen day, the desks each organisation needs in each opening hour
 * so that its services keep their waiting standard, forecast from the same weekdays of the
 * past, beside the desks that were really open.
 *
 * Grouping: a service belongs to the organisation whose desks serve it (its own organisation
 * when one of that organisation's desks does, else the organisation with most desks serving
 * it), because desks, not services, are what a supervisor staffs. A group's services are
 * pooled into one M/M/c queue: arrivals add up, the visit length is their arrival-weighted
 * mean, and the standard is the strictest of the services that had arrivals in the hour, so
 * that every service's standard is kept.
 *
 * Demand: the queue segments that needed a desk (served, or handed on to another service)
 * by local hour of joining, averaged over the history days that had any visits (a holiday or
 * a day before the system was used would otherwise pull the average down). No-shows and
 * cancellations take little desk time and are left out.
 */
import type { Centre, TimeRange } from '../centre';
import { DEFAULT_WAITING_STANDARD_MINUTES } from '../centre';
import { parseClock } from '../calendar';
import { weekdayOf } from '../booking/zoned';
import { serviceDay } from '../ids';
import type { DaySummary } from '../reports/day-summary';
import { DEFAULT_STAFFING_TARGET, desksNeeded } from './erlang';

export interface StaffingCell {
  /** Desks needed (Erlang C); 0 without demand. */
  readonly needed: number;
  /** The load is beyond the planner's cap: `needed` is the cap. */
  readonly capped: boolean;
  /** Desks open on average over the hour on the compared day, to one decimal; null without one. */
  readonly open: number | null;
  /** Needed more than were open. */
  readonly short: boolean;
  /** Forecast arrivals in the hour (mean of the history days). */
  readonly arrivalsPerHour: number;
  /** Their mean visit length, minutes; null without arrivals. */
  readonly serviceMinutes: number | null;
}

export interface StaffingRow {
  /** Local hour, 0-23. */
  readonly hour: number;
  /** One per organisation, in the plan's `organisations` order. */
  readonly cells: readonly StaffingCell[];
  readonly total: { readonly needed: number; readonly open: number | null; readonly short: boolean };
}

export interface StaffingTotal {
  /** Desk-hours: the sum over the hours. */
  readonly needed: number;
  readonly open: number | null;
  readonly short: boolean;
}

export interface StaffingPlan {
  readonly day: string;
  /** ISO weekday of the day, 1 (Monday) to 7. */
  readonly weekday: number;
  /** Largest share allowed to wait longer than the standard. */
  readonly target: number;
  /** The history days that had visits and were averaged, newest first. */
  readonly historyDays: readonly string[];
  /** The day whose open desks are shown; null when there is none. */
  readonly comparedDay: string | null;
  /** Organisation ids, the table's columns. */
  readonly organisations: readonly string[];
  /** One per opening hour of the day, in order; none on a holiday. */
  readonly rows: readonly StaffingRow[];
  /** Desk-hours per organisation, in `organisations` order. */
  readonly totals: readonly StaffingTotal[];
  readonly total: StaffingTotal;
}

export interface StaffingPlanInput {
  readonly centre: Centre;
  readonly day: string;
  /** The candidate history days (same weekday); those without visits are skipped. */
  readonly historyDays: readonly string[];
  /** `service` and `hour` summary rows of (at least) the history days. */
  readonly summaries: readonly DaySummary[];
  readonly comparedDay?: string;
  /** Per desk, 24 shares of the compared day's hours it was open (see `deskOpenShares`). */
  readonly openShares?: Readonly<Record<string, readonly number[]>>;
  /** Only this organisation's column. */
  readonly organisationId?: string;
  readonly target?: number;
}

/** The organisation whose desks serve each service (see the module's note). */
export const staffingGroupOf = (centre: Centre): Map<string, string> => {
  const groups = new Map<string, string>();
  for (const service of centre.services) {
    const counts = new Map<string, number>();
    for (const desk of centre.desks) {
      if (desk.services.some((entry) => entry.code === service.code)) {
        counts.set(desk.organisationId, (counts.get(desk.organisationId) ?? 0) + 1);
      }
    }
    let group: string = service.organisationId;
    if (!counts.has(service.organisationId)) {
      let most = 0;
      for (const [organisation, count] of counts) {
        if (count > most) [group, most] = [organisation, count];
      }
    }
    groups.set(service.code, group);
  }
  return groups;
};

/** The local hours the ranges touch, in order (08:00-21:00 is 8…20; 12:30-13:00 touches 12). */
export const openingHours = (ranges: readonly TimeRange[]): number[] => {
  const hours = new Set<number>();
  for (const range of ranges) {
    const from = parseClock(range.from);
    const to = parseClock(range.to);
    for (let hour = Math.floor(from / 60); hour * 60 < to; hour += 1) hours.add(hour);
  }
  return [...hours].sort((left, right) => left - right);
};

/** The site's opening hours on a calendar day, special days first. */
export const siteRangesOn = (centre: Centre, day: string): readonly TimeRange[] => {
  const special = centre.site.specialDays.find((entry) => entry.date === day);
  return special ? special.hours : (centre.site.hours[weekdayOf(serviceDay(day))] ?? []);
};

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;
const isShort = (needed: number, open: number | null): boolean => open !== null && needed > open;

export const staffingPlan = (input: StaffingPlanInput): StaffingPlan => {
  const { centre } = input;
  const target = input.target ?? DEFAULT_STAFFING_TARGET;
  const groupOf = staffingGroupOf(centre);
  const services = new Map(centre.services.map((service) => [service.code as string, service]));
  const candidates = new Set(input.historyDays);
  const used = new Set<string>();
  for (const row of input.summaries) {
    if (row.dimension === 'service' && row.issued > 0 && candidates.has(row.serviceDay))
      used.add(row.serviceDay);
  }
  const historyDays = input.historyDays.filter((day) => used.has(day));
  const days = historyDays.length;

  // Segments that needed a desk, by service and hour, and the services' visit lengths.
  const demand = new Map<string, number[]>();
  const serviceSeconds = new Map<string, { sum: number; count: number }>();
  for (const row of input.summaries) {
    if (!used.has(row.serviceDay)) continue;
    if (row.dimension === 'hour') {
      const counts = demand.get(row.serviceCode) ?? new Array<number>(24).fill(0);
      const hour = Number(row.key);
      counts[hour] = (counts[hour] ?? 0) + row.served + row.transferred;
      demand.set(row.serviceCode, counts);
    } else if (row.dimension === 'service') {
      const seconds = serviceSeconds.get(row.serviceCode) ?? { sum: 0, count: 0 };
      for (const value of row.serviceTimes) seconds.sum += value;
      seconds.count += row.serviceTimes.length;
      serviceSeconds.set(row.serviceCode, seconds);
    }
  }
  const minutesOf = (code: string): number => {
    const seconds = serviceSeconds.get(code);
    if (seconds && seconds.count > 0 && seconds.sum > 0) return seconds.sum / seconds.count / 60;
    return services.get(code)?.expectedMinutes ?? 10;
  };

  // Columns: organisations with desks, or with demand no desk serves, in the centre's order.
  const withDemand = new Set([...demand.keys()].map((code) => groupOf.get(code)));
  const organisations = centre.organisations
    .map((organisation) => organisation.id as string)
    .filter(
      (id) =>
        (centre.desks.some((desk) => desk.organisationId === id) || withDemand.has(id)) &&
        (input.organisationId === undefined || input.organisationId === id),
    );

  const compared = input.comparedDay !== undefined && input.openShares !== undefined;
  const openIn = (organisation: string, hour: number): number | null => {
    if (!compared) return null;
    let open = 0;
    for (const desk of centre.desks) {
      if (desk.organisationId === organisation) open += input.openShares?.[desk.id]?.[hour] ?? 0;
    }
    return oneDecimal(open);
  };

  const cellFor = (organisation: string, hour: number): StaffingCell => {
    let arrivals = 0;
    let work = 0;
    let standard = Infinity;
    for (const [code, counts] of demand) {
      if (groupOf.get(code) !== organisation) continue;
      const rate = (counts[hour] ?? 0) / days;
      if (rate === 0) continue;
      arrivals += rate;
      work += rate * minutesOf(code);
      standard = Math.min(
        standard,
        services.get(code)?.waitingStandardMinutes ?? DEFAULT_WAITING_STANDARD_MINUTES,
      );
    }
    const open = openIn(organisation, hour);
    if (arrivals === 0) {
      return { needed: 0, capped: false, open, short: false, arrivalsPerHour: 0, serviceMinutes: null };
    }
    const serviceMinutes = work / arrivals;
    const { desks, capped } = desksNeeded({ arrivalsPerHour: arrivals, serviceMinutes }, standard, {
      target,
    });
    return {
      needed: desks,
      capped,
      open,
      short: isShort(desks, open),
      arrivalsPerHour: arrivals,
      serviceMinutes,
    };
  };

  const sumOpen = (values: readonly (number | null)[]): number | null =>
    compared ? oneDecimal(values.reduce<number>((sum, value) => sum + (value ?? 0), 0)) : null;

  const rows: StaffingRow[] = openingHours(siteRangesOn(centre, input.day)).map((hour) => {
    const cells = organisations.map((organisation) => cellFor(organisation, hour));
    const needed = cells.reduce((sum, cell) => sum + cell.needed, 0);
    const open = sumOpen(cells.map((cell) => cell.open));
    return { hour, cells, total: { needed, open, short: isShort(needed, open) } };
  });
  const totals = organisations.map((_, index): StaffingTotal => {
    const needed = rows.reduce((sum, row) => sum + (row.cells[index] as StaffingCell).needed, 0);
    const open = sumOpen(rows.map((row) => (row.cells[index] as StaffingCell).open));
    return { needed, open, short: isShort(needed, open) };
  });
  const needed = totals.reduce((sum, entry) => sum + entry.needed, 0);
  const open = sumOpen(totals.map((entry) => entry.open));
  return {
    day: input.day,
    weekday: weekdayOf(serviceDay(input.day)),
    target,
    historyDays,
    comparedDay: compared ? (input.comparedDay ?? null) : null,
    organisations,
    rows,
    totals,
    total: { needed, open, short: isShort(needed, open) },
  };
};
