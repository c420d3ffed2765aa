/**
 * Indexes that estimates need, worked out once per object and cached: the parts of the hall
 * (desks and services that pass work to one another) per configuration, and per day's
 * tickets object (states never change one; `evolve` makes new ones) the waiting tickets by
 * service and the minutes visitors take to reach the desk after a call.
 */
import type { Centre, Desk } from './centre';
import { MS_PER_MINUTE, type ServiceCode } from './ids';
import { pendingTickets } from './routing';
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

/** The waiting tickets of a day, grouped once per tickets object (states never change one). */
export interface Waiting {
  /** Waiting or postponed, by service: the only tickets estimates and plays look at. */
  readonly byService: ReadonlyMap<ServiceCode, readonly Ticket[]>;
  /** Those sent to a named desk. */
  readonly addressed: readonly Ticket[];
}

const waitingCache = new WeakMap<Tickets, Waiting>();

export const waitingOf = (state: QueueState): Waiting => {
  const known = waitingCache.get(state.ticketTable);
  if (known) return known;
  const byService = new Map<ServiceCode, Ticket[]>();
  const addressed: Ticket[] = [];
  for (const ticket of pendingTickets(state)) {
    const list = byService.get(ticket.serviceCode);
    if (list) list.push(ticket);
    else byService.set(ticket.serviceCode, [ticket]);
    if (ticket.targetDeskId !== undefined) addressed.push(ticket);
  }
  const waiting = { byService, addressed };
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
