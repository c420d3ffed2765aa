/**
 * The staffing advisor: from the live state, the learned visit lengths and the last hour's
 * arrivals, a forecast of each service's wait over the next hour, and the smallest changes
 * that keep every service within its waiting standard: end a break early, give an open desk
 * a service of its own organisation, or open a closed desk. No order of calling fixes a
 * single-desk service that is overloaded while other desks idle; only moving desks does.
 * It proposes; a person decides (the Monitor applies a proposal through the audited commands).
 *
 * The forecast is a fluid model with a steady-state correction:
 * - each desk's time over the hour (a paused desk from when its break will end) is shared
 *   between its services by weight times the work each has (waiting now plus arriving);
 * - a service's wait is the longer of clearing the queue (ahead of its last visitor) now or
 *   at the hour's end at that rate, and, while the desks keep up, the M/M/c wait in Sakasegawa's approximation (which
 *   takes the fractional desks a shared desk gives).
 */
import type { Centre, Desk, DeskService, Service } from '../centre';
import { deskWeightFor } from '../centre';
import { meanServiceMinutes } from '../estimate';
import { expectedBackAt } from '../breaks';
import { type DeskId, type Instant, MS_PER_MINUTE, type ServiceCode } from '../ids';
import { walkUpMinutes } from '../queue-index';
import { type QueueState, deskStateOf, ticketsOf } from '../state';
import { type StaffMembership, mayWorkAtDesk } from '../staff-access';

export const ADVISOR_HORIZON_MINUTES = 60;

export interface ServiceOutlook {
  readonly code: ServiceCode;
  readonly waiting: number;
  /** Tickets taken for it in the last hour. */
  readonly arrivalsPerHour: number;
  /** Full-time desks the next hour gives it. */
  readonly desks: number;
  /** The wait forecast for the coming hour; Infinity when no desk will serve it. */
  readonly forecastMinutes: number;
  readonly standardMinutes: number;
  readonly overStandard: boolean;
}

export type StaffingProposal =
  | { readonly kind: 'end-break'; readonly deskId: DeskId }
  | { readonly kind: 'open-desk'; readonly deskId: DeskId }
  | {
      readonly kind: 'add-service';
      readonly deskId: DeskId;
      readonly serviceCode: ServiceCode;
      /** The desk's services with the new one, as `desk:assign-services` takes them. */
      readonly services: readonly Pick<DeskService, 'code' | 'weight'>[];
    };

export interface RankedProposal {
  readonly proposal: StaffingProposal;
  /** The services over their standard now that it brings within it. */
  readonly relieves: readonly ServiceCode[];
  /** Every service over its standard, or whose forecast it changes, before and after. */
  readonly before: Readonly<Record<ServiceCode, number>>;
  readonly after: Readonly<Record<ServiceCode, number>>;
  /** With it, every service keeps within its standard. */
  readonly enough: boolean;
}

export interface StaffingAdvice {
  readonly at: Instant;
  /** Services with work in the coming hour, the worst forecast against its standard first. */
  readonly outlook: readonly ServiceOutlook[];
  /** The best proposals first; empty when every service keeps within its standard. */
  readonly proposals: readonly RankedProposal[];
}

export interface AdvisorOptions {
  readonly horizonMinutes?: number;
  /**
   * Staff free to open a desk. When given, a closed desk is proposed only if one of them may
   * work at it (organisation limits); when absent, the supervisor chooses who.
   */
  readonly freeStaff?: readonly StaffMembership[];
  readonly maxProposals?: number;
}

/** How much of the hour each desk will work: open 1, paused from its break's end, closed 0. */
type Availability = ReadonlyMap<DeskId, number>;

interface Demand {
  readonly waiting: number;
  readonly perMinute: number;
  readonly visitMinutes: number;
}

/** A cost per kind of change, so the smallest change that helps comes first. */
const COST: Record<StaffingProposal['kind'], number> = { 'end-break': 1, 'add-service': 2, 'open-desk': 3 };

const demandOf = (centre: Centre, state: QueueState, at: Instant): Map<ServiceCode, Demand> => {
  const since = at - ADVISOR_HORIZON_MINUTES * MS_PER_MINUTE;
  const waiting = new Map<ServiceCode, number>();
  const arrived = new Map<ServiceCode, number>();
  for (const ticket of ticketsOf(state)) {
    if (ticket.status === 'waiting' || ticket.status === 'postponed') {
      waiting.set(ticket.serviceCode, (waiting.get(ticket.serviceCode) ?? 0) + 1);
    }
    if (ticket.issuedAt > since && ticket.issuedAt <= at) {
      arrived.set(ticket.serviceCode, (arrived.get(ticket.serviceCode) ?? 0) + 1);
    }
  }
  const walk = walkUpMinutes(state);
  const demand = new Map<ServiceCode, Demand>();
  for (const service of centre.services) {
    const count = waiting.get(service.code) ?? 0;
    const arrivals = arrived.get(service.code) ?? 0;
    if (count === 0 && arrivals === 0) continue;
    demand.set(service.code, {
      waiting: count,
      perMinute: arrivals / ADVISOR_HORIZON_MINUTES,
      visitMinutes: meanServiceMinutes(centre, state, service.code) + walk,
    });
  }
  return demand;
};

const availabilityOf = (
  centre: Centre,
  state: QueueState,
  at: Instant,
  horizon: number,
): Map<DeskId, number> =>
  new Map(
    centre.desks.map((desk) => {
      const deskState = deskStateOf(state, desk.id);
      if (deskState.status === 'open') return [desk.id, 1];
      if (deskState.status === 'closed') return [desk.id, 0];
      const away = (expectedBackAt(deskState, at) - at) / MS_PER_MINUTE;
      return [desk.id, Math.max(0, horizon - away) / horizon];
    }),
  );

/** M/M/c waiting time in Sakasegawa's approximation, for `desks` (maybe fractional) at `load`. */
const steadyWaitMinutes = (load: number, visitMinutes: number, desks: number): number => {
  if (load >= 1) return Infinity;
  if (load <= 0 || desks <= 0) return 0;
  return (visitMinutes * load ** (Math.sqrt(2 * (desks + 1)) - 1)) / (desks * (1 - load));
};

/** Rounds of handing a desk's spare time to the services at it that still need more. */
const FILL_ROUNDS = 4;

/**
 * How the desks' hour is shared between services: first by weight times each service's work,
 * then, round by round, the time a service does not need goes back to its desks and on to
 * the services there that still need more (the router calls whoever waits, so a desk's time
 * is not lost to a quiet service). Returns each desk's time per service, in desk-hours.
 */
const allocate = (
  desks: readonly Desk[],
  availability: Availability,
  work: ReadonlyMap<ServiceCode, number>,
): Map<DeskId, Map<ServiceCode, number>> => {
  const given = new Map<DeskId, Map<ServiceCode, number>>();
  const spare = new Map<DeskId, number>();
  const serves = new Map<DeskId, { code: ServiceCode; weight: number }[]>();
  for (const desk of desks) {
    const available = availability.get(desk.id) ?? 0;
    const busy = desk.services.filter((entry) => (work.get(entry.code) ?? 0) > 0);
    serves.set(desk.id, busy);
    given.set(desk.id, new Map());
    spare.set(desk.id, available > 0 && busy.length > 0 ? available : 0);
  }
  const totalOf = (code: ServiceCode): number =>
    [...given.values()].reduce((sum, byService) => sum + (byService.get(code) ?? 0), 0);
  for (let round = 0; round < FILL_ROUNDS; round += 1) {
    // Hand out each desk's spare time to its services that still need more, by weight × work.
    for (const [id, services] of serves) {
      const free = spare.get(id) ?? 0;
      if (free <= 1e-9) continue;
      const hungry = services.filter((entry) => totalOf(entry.code) < (work.get(entry.code) ?? 0) - 1e-9);
      const takers = hungry.length > 0 ? hungry : round === FILL_ROUNDS - 1 ? services : [];
      const claims = takers.map((entry) => entry.weight * (work.get(entry.code) ?? 0));
      const total = claims.reduce((sum, claim) => sum + claim, 0);
      if (total <= 0) continue;
      const byService = given.get(id) ?? new Map<ServiceCode, number>();
      takers.forEach((entry, index) => {
        byService.set(entry.code, (byService.get(entry.code) ?? 0) + (free * (claims[index] ?? 0)) / total);
      });
      spare.set(id, 0);
    }
    if (round === FILL_ROUNDS - 1) break;
    // Take back what a service was given beyond its work, from each of its desks in proportion.
    for (const [code, need] of work) {
      const total = totalOf(code);
      if (total <= need + 1e-9) continue;
      const keep = need / total;
      for (const [id, byService] of given) {
        const own = byService.get(code) ?? 0;
        if (own <= 0) continue;
        byService.set(code, own * keep);
        spare.set(id, (spare.get(id) ?? 0) + own * (1 - keep));
      }
    }
  }
  return given;
};

const outlookOf = (
  centre: Centre,
  desks: readonly Desk[],
  demand: ReadonlyMap<ServiceCode, Demand>,
  availability: Availability,
  horizon: number,
): ServiceOutlook[] => {
  // The work each service has over the hour, in desk-hours.
  const work = new Map<ServiceCode, number>();
  for (const [code, entry] of demand) {
    work.set(code, ((entry.waiting + entry.perMinute * horizon) * entry.visitMinutes) / horizon);
  }
  const given = allocate(desks, availability, work);
  const share = new Map<ServiceCode, number>();
  for (const byService of given.values()) {
    for (const [code, time] of byService) share.set(code, (share.get(code) ?? 0) + time);
  }
  /**
   * How busy a desk will be with new arrivals, once the queue of now is cleared (that part is
   * the clearing term's): its services' arriving work over its time, at most full.
   */
  const busyness = (id: DeskId): number => {
    const byService = given.get(id);
    const available = availability.get(id) ?? 0;
    if (!byService || available <= 0) return 0;
    let used = 0;
    for (const [code, time] of byService) {
      const total = share.get(code) ?? 0;
      const entry = demand.get(code);
      const arriving = entry ? entry.perMinute * entry.visitMinutes : 0;
      used += total > 0 ? time * Math.min(1, arriving / total) : 0;
    }
    return Math.min(1, used / available);
  };
  return [...demand].map(([code, entry]): ServiceOutlook => {
    const service = centre.services.find((candidate) => candidate.code === code);
    const standard = service?.waitingStandardMinutes ?? 15;
    const capacity = share.get(code) ?? 0;
    let minutes = Infinity;
    if (capacity > 0) {
      const perMinute = capacity / entry.visitMinutes;
      const backlog = Math.max(entry.waiting, entry.waiting + (entry.perMinute - perMinute) * horizon);
      // The first in line are called as soon as a desk's share frees; the last wait for the rest.
      const clearing = Math.max(0, backlog - capacity) / perMinute;
      // While the desks keep up, a visitor waits for one of the desks serving it to come free.
      const pool = desks.filter(
        (desk) => (availability.get(desk.id) ?? 0) > 0 && deskWeightFor(desk, code) > 0,
      );
      const poolDesks = pool.reduce((sum, desk) => sum + (availability.get(desk.id) ?? 0), 0);
      const poolLoad =
        pool.reduce((sum, desk) => sum + busyness(desk.id) * (availability.get(desk.id) ?? 0), 0) / poolDesks;
      minutes = Math.max(clearing, steadyWaitMinutes(poolLoad, entry.visitMinutes, poolDesks));
      if (!Number.isFinite(minutes)) minutes = clearing;
    }
    return {
      code,
      waiting: entry.waiting,
      arrivalsPerHour: Math.round(entry.perMinute * ADVISOR_HORIZON_MINUTES),
      desks: capacity,
      forecastMinutes: minutes,
      standardMinutes: standard,
      overStandard: minutes > standard,
    };
  });
};

/** Minutes over the standard, summed; a service with no desk counts as a long way over. */
const excessOf = (outlook: readonly ServiceOutlook[]): number =>
  outlook.reduce(
    (sum, row) =>
      sum +
      (Number.isFinite(row.forecastMinutes)
        ? Math.max(0, row.forecastMinutes - row.standardMinutes)
        : 10_000),
    0,
  );

const withService = (desk: Desk, service: Service): Pick<DeskService, 'code' | 'weight'>[] => {
  const weight = Math.max(1, ...desk.services.map((entry) => entry.weight));
  return [
    ...desk.services.map(({ code, weight: own }) => ({ code, weight: own })),
    { code: service.code, weight },
  ];
};

const candidatesFor = (
  centre: Centre,
  state: QueueState,
  over: ReadonlySet<ServiceCode>,
  options: AdvisorOptions,
): StaffingProposal[] => {
  const serving = (desk: Desk): boolean => [...over].some((code) => deskWeightFor(desk, code) > 0);
  const proposals: StaffingProposal[] = [];
  for (const desk of centre.desks) {
    const status = deskStateOf(state, desk.id).status;
    if (status === 'paused' && serving(desk)) proposals.push({ kind: 'end-break', deskId: desk.id });
    if (status === 'closed' && serving(desk)) {
      const someone = options.freeStaff?.some((member) => mayWorkAtDesk(member, desk)) ?? true;
      if (someone) proposals.push({ kind: 'open-desk', deskId: desk.id });
    }
    if (status !== 'open') continue;
    for (const code of over) {
      const service = centre.services.find((entry) => entry.code === code);
      // A desk takes only its own organisation's services: another's staff may not serve them.
      if (!service || service.organisationId !== desk.organisationId || deskWeightFor(desk, code) > 0)
        continue;
      proposals.push({
        kind: 'add-service',
        deskId: desk.id,
        serviceCode: code,
        services: withService(desk, service),
      });
    }
  }
  return proposals;
};

const applied = (
  centre: Centre,
  availability: Availability,
  proposal: StaffingProposal,
): { desks: Desk[]; availability: Map<DeskId, number> } => {
  const next = new Map(availability);
  if (proposal.kind !== 'add-service') next.set(proposal.deskId, 1);
  const desks = centre.desks.map((desk) =>
    proposal.kind === 'add-service' && desk.id === proposal.deskId
      ? { ...desk, services: [...proposal.services] }
      : desk,
  );
  return { desks, availability: next };
};

const worstFirst = (a: ServiceOutlook, b: ServiceOutlook): number =>
  b.forecastMinutes / b.standardMinutes - a.forecastMinutes / a.standardMinutes ||
  a.code.localeCompare(b.code);

export const adviseStaffing = (
  centre: Centre,
  state: QueueState,
  at: Instant,
  options: AdvisorOptions = {},
): StaffingAdvice => {
  const horizon = options.horizonMinutes ?? ADVISOR_HORIZON_MINUTES;
  const demand = demandOf(centre, state, at);
  const availability = availabilityOf(centre, state, at, horizon);
  const outlook = outlookOf(centre, centre.desks, demand, availability, horizon).sort(worstFirst);
  const over = new Set(outlook.filter((row) => row.overStandard).map((row) => row.code));
  if (over.size === 0) return { at, outlook, proposals: [] };
  const baseExcess = excessOf(outlook);
  const ranked = candidatesFor(centre, state, over, options).flatMap((proposal) => {
    const change = applied(centre, availability, proposal);
    const after = outlookOf(centre, change.desks, demand, change.availability, horizon);
    const afterByCode = new Map(after.map((row) => [row.code, row]));
    const excess = excessOf(after);
    // It must help, and must not push another service over its standard.
    if (excess >= baseExcess) return [];
    if (after.some((row) => row.overStandard && !over.has(row.code))) return [];
    const touched = outlook.filter((row) => {
      const next = afterByCode.get(row.code);
      return (
        row.overStandard || (next !== undefined && Math.abs(next.forecastMinutes - row.forecastMinutes) >= 1)
      );
    });
    return [
      {
        proposal,
        relieves: [...over].filter((code) => afterByCode.get(code)?.overStandard === false),
        before: Object.fromEntries(touched.map((row) => [row.code, row.forecastMinutes])),
        after: Object.fromEntries(
          touched.map((row) => [row.code, afterByCode.get(row.code)?.forecastMinutes ?? 0]),
        ),
        enough: after.every((row) => !row.overStandard),
        cost: COST[proposal.kind],
        excess,
      },
    ];
  });
  ranked.sort(
    (a, b) =>
      Number(b.enough) - Number(a.enough) ||
      b.relieves.length - a.relieves.length ||
      a.cost - b.cost ||
      a.excess - b.excess ||
      a.proposal.deskId.localeCompare(b.proposal.deskId),
  );
  return {
    at,
    outlook,
    proposals: ranked
      .slice(0, options.maxProposals ?? 5)
      .map(({ cost: _cost, excess: _excess, ...proposal }) => proposal),
  };
};
