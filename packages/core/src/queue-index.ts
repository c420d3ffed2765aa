/**
 * Indexes that estimates need, worked out once per object and cached: the parts of the hall
 * (desks and services that pass work to one another) per configuration, and per day's
 * tickets object (states never change one; `evolve` makes new ones) the waiting tickets by
 * service and the minutes visitors take to reach the desk after a call.
 */
import type { Centre, Desk } from './centre';
import { MS_PER_MINUTE, type ServiceCode } from './ids';
import type { QueueState } from './state';
import type { Ticket } from './ticket';

/** Desks and services that can pass work to one another: the part of the hall a play covers. */
export interface Part {
  readonly id: number;
  readonly desks: readonly Desk[];
  readonly services: ReadonlySet<ServiceCode>;
}

const partsCache = new WeakMap<Centre, Map<ServiceCode, Part>>();

export const partOf = (centre: Centre, code: ServiceCode): Part | undefined => {
  let byService = partsCache.get(centre);
  if (!byService) {
    byService = new Map();
    for (const desk of centre.desks) {
      for (const { code: first } of desk.services) {
        if (byService.has(first)) continue;
        const services = new Set<ServiceCode>([first]);
        const desks: Desk[] = [];
        for (let grown = true; grown;) {
          grown = false;
          for (const other of centre.desks) {
            if (desks.includes(other) || !other.services.some((entry) => services.has(entry.code))) continue;
            desks.push(other);
            for (const entry of other.services) services.add(entry.code);
            grown = true;
          }
        }
        const part: Part = { id: byService.size, desks, services };
        for (const service of services) byService.set(service, part);
      }
    }
    partsCache.set(centre, byService);
  }
  return byService.get(code);
};

type Tickets = QueueState['ticketTable'];

/**
 * The waiting (or postponed) tickets of a day by service, and those sent to a named desk:
 * the only tickets estimates and plays look at. Grouped once per bucket of the ticket table,
 * and put together per service only when asked: a new ticket copies one bucket, so an
 * estimate after it regroups that bucket and the asked service, not the whole day (10,000
 * tickets waiting made every issue walk them all).
 */
export interface Waiting {
  /** The service's waiting tickets, in the table's order. */
  of(code: ServiceCode): readonly Ticket[];
  /** Services with anyone waiting. */
  services(): ReadonlySet<ServiceCode>;
  /** How many wait for the service, without putting its list together. */
  count(code: ServiceCode): number;
  /** Whether any of the service's waiting tickets is so, without putting its list together. */
  some(code: ServiceCode, test: (ticket: Ticket) => boolean): boolean;
  /** Those sent to a named desk. */
  readonly addressed: readonly Ticket[];
}

interface BucketWaiting {
  readonly byService: ReadonlyMap<ServiceCode, readonly Ticket[]>;
  readonly addressed: readonly Ticket[];
}

const bucketCache = new WeakMap<object, BucketWaiting>();

const bucketWaitingOf = (bucket: Readonly<Record<string, Ticket>>): BucketWaiting => {
  const known = bucketCache.get(bucket);
  if (known) return known;
  const byService = new Map<ServiceCode, Ticket[]>();
  const addressed: Ticket[] = [];
  for (const id in bucket) {
    const ticket = bucket[id];
    if (!ticket || (ticket.status !== 'waiting' && ticket.status !== 'postponed')) continue;
    const list = byService.get(ticket.serviceCode);
    if (list) list.push(ticket);
    else byService.set(ticket.serviceCode, [ticket]);
    if (ticket.targetDeskId !== undefined) addressed.push(ticket);
  }
  const waiting = { byService, addressed };
  bucketCache.set(bucket, waiting);
  return waiting;
};

class WaitingIndex implements Waiting {
  private readonly lists = new Map<ServiceCode, readonly Ticket[]>();
  private serviceSet?: Set<ServiceCode>;
  private addressedList?: readonly Ticket[];

  constructor(private readonly buckets: readonly BucketWaiting[]) {}

  of(code: ServiceCode): readonly Ticket[] {
    let list = this.lists.get(code);
    if (!list) {
      const found: Ticket[] = [];
      for (const bucket of this.buckets) {
        const own = bucket.byService.get(code);
        if (own) for (const ticket of own) found.push(ticket);
      }
      list = found;
      this.lists.set(code, list);
    }
    return list;
  }

  count(code: ServiceCode): number {
    const known = this.lists.get(code);
    if (known) return known.length;
    let count = 0;
    for (const bucket of this.buckets) count += bucket.byService.get(code)?.length ?? 0;
    return count;
  }

  some(code: ServiceCode, test: (ticket: Ticket) => boolean): boolean {
    const known = this.lists.get(code);
    if (known) return known.some(test);
    return this.buckets.some((bucket) => bucket.byService.get(code)?.some(test) ?? false);
  }

  services(): ReadonlySet<ServiceCode> {
    if (!this.serviceSet) {
      this.serviceSet = new Set();
      for (const bucket of this.buckets)
        for (const code of bucket.byService.keys()) this.serviceSet.add(code);
    }
    return this.serviceSet;
  }

  get addressed(): readonly Ticket[] {
    this.addressedList ??= this.buckets.flatMap((bucket) => bucket.addressed);
    return this.addressedList;
  }
}

const waitingCache = new WeakMap<Tickets, Waiting>();

export const waitingOf = (state: QueueState): Waiting => {
  const known = waitingCache.get(state.ticketTable);
  if (known) return known;
  const waiting = new WaitingIndex(
    Object.values(state.ticketTable).map((bucket) =>
      bucketWaitingOf(bucket as Readonly<Record<string, Ticket>>),
    ),
  );
  waitingCache.set(state.ticketTable, waiting);
  return waiting;
};

/** Minutes from a call to the visitor standing at the desk, learned from today's visits. */
const walkUpCache = new WeakMap<Tickets, number>();
const DEFAULT_WALK_UP_MINUTES = 0.5;

const walkUpBucketCache = new WeakMap<object, { total: number; count: number }>();

const walkUpOfBucket = (bucket: Readonly<Record<string, Ticket>>): { total: number; count: number } => {
  const known = walkUpBucketCache.get(bucket);
  if (known) return known;
  let total = 0;
  let count = 0;
  for (const ticket of Object.values(bucket)) {
    if (ticket.calledAt === undefined || ticket.servingStartedAt === undefined) continue;
    total += ticket.servingStartedAt - ticket.calledAt;
    count += 1;
  }
  const part = { total, count };
  walkUpBucketCache.set(bucket, part);
  return part;
};

export const walkUpMinutes = (state: QueueState): number => {
  const known = walkUpCache.get(state.ticketTable);
  if (known !== undefined) return known;
  let total = 0;
  let count = 0;
  for (const bucket of Object.values(state.ticketTable)) {
    const part = walkUpOfBucket(bucket);
    total += part.total;
    count += part.count;
  }
  const minutes = count > 0 ? total / count / MS_PER_MINUTE : DEFAULT_WALK_UP_MINUTES;
  walkUpCache.set(state.ticketTable, minutes);
  return minutes;
};
