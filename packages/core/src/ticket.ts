/**
 * A ticket is one visitor's visit: it carries its number, the service it waits for now,
 * the services still ahead on its itinerary, and where in its lifecycle it stands.
 */
import type { Language } from './centre';
import type { DeskId, Instant, ServiceCode, ServiceDay, StaffId, TicketId } from './ids';

/** The visit lifecycle; `decide.ts` says which moves each command allows. */
export type TicketStatus =
  'waiting' | 'called' | 'serving' | 'postponed' | 'completed' | 'no-show' | 'cancelled';

export const FINAL_STATUSES: ReadonlySet<TicketStatus> = new Set(['completed', 'no-show', 'cancelled']);

/** Groups entitled to priority; the claim is confirmed by staff on seeing a document. */
export const PRIORITY_CATEGORIES = [
  'disability',
  'veteran',
  'military-family',
  'pregnancy',
  'infant',
  'elderly',
  'other',
] as const;
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

export interface PriorityClaim {
  readonly category: PriorityCategory;
  /** Staff have seen the document. */
  readonly confirmed: boolean;
  /** Staff looked and the claim did not hold; the visitor is served as a walk-in. */
  readonly rejected?: boolean;
  readonly reason?: string;
}

export type TicketSource = 'kiosk' | 'reception' | 'desk' | 'booking';

/** Where a transferred visitor goes back to when the other specialist is done. */
export interface ReturnAddress {
  readonly serviceCode: ServiceCode;
  readonly deskId: DeskId;
  readonly operatorId?: StaffId;
}

export interface Ticket {
  readonly id: TicketId;
  /** The printed and announced number, e.g. `А-023`. */
  readonly number: string;
  readonly prefix: string;
  readonly sequence: number;
  readonly serviceDay: ServiceDay;
  readonly source: TicketSource;
  readonly serviceCode: ServiceCode;
  /** When the visitor took the ticket; never changes. */
  readonly issuedAt: Instant;
  /** Where the visitor stands in the current service's queue (kept on transfer by default). */
  readonly queuedAt: Instant;
  readonly status: TicketStatus;
  readonly priority?: PriorityClaim;
  /** Slot time of a pre-booked visit. */
  readonly appointmentAt?: Instant;
  /** Services still to visit after the current one ("one window" itinerary). */
  readonly itinerary: readonly ServiceCode[];
  /** Only this desk (and this operator, if set) may call the ticket. */
  readonly targetDeskId?: DeskId;
  readonly targetOperatorId?: StaffId;
  readonly returnTo?: ReturnAddress;
  readonly deskId?: DeskId;
  readonly operatorId?: StaffId;
  readonly calledAt?: Instant;
  readonly lastCalledAt?: Instant;
  readonly callCount: number;
  readonly servingStartedAt?: Instant;
  readonly postponedUntil?: Instant;
  readonly finishedAt?: Instant;
  readonly outcome?: string;
  readonly note?: string;
  readonly transferComment?: string;
  /** The language the ticket was taken in: its reprint and status page speak it. */
  readonly language?: Language;
}

/** Formats the visible number: prefix, a hyphen, at least three digits. */
export const formatTicketNumber = (prefix: string, sequence: number): string =>
  `${prefix}-${String(sequence).padStart(3, '0')}`;

export const isFinal = (ticket: Ticket): boolean => FINAL_STATUSES.has(ticket.status);

/** A ticket a desk could call at `at`: waiting, or back from a postponement that is over. */
export const isCallable = (ticket: Ticket, at: Instant): boolean =>
  ticket.status === 'waiting' ||
  (ticket.status === 'postponed' && ticket.postponedUntil !== undefined && ticket.postponedUntil <= at);
