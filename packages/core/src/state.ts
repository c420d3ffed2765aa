/**
 * The live state of one centre's queue for the current service day: the day's tickets,
 * number sequences, desks and learned service times. Built only by `evolve`.
 */
import type { DeskId, Instant, ServiceCode, ServiceDay, StaffId, TicketId } from './ids';
import type { Ticket } from './ticket';

export type DeskStatus = 'closed' | 'open' | 'paused';

export interface DeskState {
  readonly id: DeskId;
  readonly status: DeskStatus;
  readonly operatorId?: StaffId;
  readonly pauseReason?: string;
  /** The length of the break under way as the operator gave it. */
  readonly pauseMinutes?: number;
  /** The ticket called to or being served at this desk. */
  readonly currentTicketId?: TicketId;
  /** Priority or booked visits called in a row; bounds how long walk-ins can be passed over. */
  readonly privilegedStreak: number;
  /** Priority visitors called in a row; bounds how long a due booking can be passed over. */
  readonly priorityStreak?: number;
  readonly since?: Instant;
  /**
   * When the desk last let a visitor go (completed, no-show, sent on), until its next call:
   * the time from here to that call is the operator's time between visits.
   */
  readonly freedAt?: Instant;
}

/** What the centre has learned of a service's real visit length. */
export interface ServiceStats {
  readonly meanServiceMinutes: number;
  readonly samples: number;
}

/**
 * What the centre has learned of a desk's time between visits: from letting one visitor go
 * to calling the next while someone was waiting (notes, the next button, a word with a
 * colleague). The visit itself and the walk to the desk are learned apart.
 */
export interface DeskStats {
  readonly meanGapMinutes: number;
  readonly samples: number;
}

/**
 * The day's tickets, spread over a fixed number of buckets by id. States never change, so a
 * change to one ticket must copy what holds it: with one flat record that was the whole day
 * (thousands of tickets, on every event, on the server and every desk); with buckets it is
 * one bucket and the small outer record. Plain JSON, so it travels in snapshots as it is.
 * Read it through `ticketOf`, `ticketsOf` and `ticketCount`.
 */
export type TicketTable = Readonly<Record<string, Readonly<Record<TicketId, Ticket>>>>;

export interface QueueState {
  /** The site-local day the state belongs to; undefined before the first command. */
  readonly serviceDay?: ServiceDay;
  readonly ticketTable: TicketTable;
  /** Last number given today, by prefix. */
  readonly counters: Readonly<Record<string, number>>;
  /** Tickets issued today, by service (for daily limits). */
  readonly issuedToday: Readonly<Record<ServiceCode, number>>;
  readonly desks: Readonly<Record<DeskId, DeskState>>;
  readonly stats: Readonly<Record<ServiceCode, ServiceStats>>;
  /** Learned time between visits, by desk; kept from day to day like `stats`. */
  readonly deskStats?: Readonly<Record<DeskId, DeskStats>>;
  /**
   * Priority and booked visitors who took a ticket in the last hour, by when and for what:
   * the rate at which visitors arrive who will be called ahead of a walk-in already waiting.
   */
  readonly privilegedArrivals?: readonly PrivilegedArrival[];
}

export interface PrivilegedArrival {
  readonly at: Instant;
  readonly serviceCode: ServiceCode;
}

/** How far back `privilegedArrivals` reaches. */
export const PRIVILEGED_ARRIVALS_WINDOW_MS = 60 * 60_000;

export const emptyState = (): QueueState => ({
  ticketTable: {},
  counters: {},
  issuedToday: {},
  desks: {},
  stats: {},
});

export const closedDesk = (id: DeskId): DeskState => ({ id, status: 'closed', privilegedStreak: 0 });

export const deskStateOf = (state: QueueState, id: DeskId): DeskState => state.desks[id] ?? closedDesk(id);

const BUCKETS = 64;

/** The bucket a ticket id lives in: a cheap string hash (ids are random, so buckets fill evenly). */
export const ticketBucket = (id: string): string => {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) | 0;
  return String((hash >>> 0) % BUCKETS);
};

export const ticketOf = (state: QueueState, id: TicketId): Ticket | undefined =>
  state.ticketTable[ticketBucket(id)]?.[id];

/** Every ticket of the day, in no particular order. */
export const ticketsOf = (state: QueueState): Ticket[] => {
  const all: Ticket[] = [];
  for (const bucket of Object.values(state.ticketTable)) all.push(...Object.values(bucket));
  return all;
};

export const ticketCount = (state: QueueState): number =>
  Object.values(state.ticketTable).reduce((count, bucket) => count + Object.keys(bucket).length, 0);

/** The table with this ticket added or replaced; only its bucket is copied. */
export const withTicket = (table: TicketTable, ticket: Ticket): TicketTable => {
  const key = ticketBucket(ticket.id);
  return { ...table, [key]: { ...table[key], [ticket.id]: ticket } };
};

/** The table without this ticket; only its bucket is copied. */
export const withoutTicket = (table: TicketTable, id: TicketId): TicketTable => {
  const key = ticketBucket(id);
  const bucket = table[key];
  if (!bucket || !(id in bucket)) return table;
  const { [id]: _removed, ...rest } = bucket;
  return { ...table, [key]: rest };
};

/** A table holding these tickets (a day read back from storage, a test's fixture). */
export const ticketTableOf = (tickets: Iterable<Ticket>): TicketTable => {
  const table: Record<string, Record<TicketId, Ticket>> = {};
  for (const ticket of tickets) (table[ticketBucket(ticket.id)] ??= {})[ticket.id] = ticket;
  return table;
};
