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
  /** The ticket called to or being served at this desk. */
  readonly currentTicketId?: TicketId;
  /** Priority or booked visits called in a row; bounds how long walk-ins can be passed over. */
  readonly privilegedStreak: number;
  readonly since?: Instant;
}

/** What the centre has learned of a service's real visit length. */
export interface ServiceStats {
  readonly meanServiceMinutes: number;
  readonly samples: number;
}

export interface QueueState {
  /** The site-local day the state belongs to; undefined before the first command. */
  readonly serviceDay?: ServiceDay;
  readonly tickets: Readonly<Record<TicketId, Ticket>>;
  /** Last number given today, by prefix. */
  readonly counters: Readonly<Record<string, number>>;
  /** Tickets issued today, by service (for daily limits). */
  readonly issuedToday: Readonly<Record<ServiceCode, number>>;
  readonly desks: Readonly<Record<DeskId, DeskState>>;
  readonly stats: Readonly<Record<ServiceCode, ServiceStats>>;
}

export const emptyState = (): QueueState => ({
  tickets: {},
  counters: {},
  issuedToday: {},
  desks: {},
  stats: {},
});

export const closedDesk = (id: DeskId): DeskState => ({ id, status: 'closed', privilegedStreak: 0 });

export const deskStateOf = (state: QueueState, id: DeskId): DeskState => state.desks[id] ?? closedDesk(id);

export const ticketsOf = (state: QueueState): Ticket[] => Object.values(state.tickets);
