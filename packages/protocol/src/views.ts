/**
 * What the server sends: snapshots, sequenced events and the public summary that boards
 * and kiosks see. Public views carry numbers and desks, never notes or names.
 */
import type {
  Centre,
  DeskId,
  DeskState,
  Instant,
  QueueEvent,
  QueueState,
  ServiceCode,
  StaffId,
  Ticket,
  WaitEstimate,
} from '@queue/core';
import type { DeviceAlert } from './printing';

export type Role = 'kiosk' | 'display' | 'operator' | 'reception' | 'call-centre' | 'supervisor' | 'admin';

/** Who a connection is, as the server established it. */
export type Principal =
  | {
      readonly kind: 'device';
      readonly deviceId: string;
      readonly role: 'kiosk' | 'display';
      readonly name: string;
    }
  | {
      readonly kind: 'staff';
      readonly staffId: StaffId;
      readonly name: string;
      readonly roles: readonly Role[];
      readonly deskId?: DeskId;
    };

/** An event as stored: its place in the log and its content. */
export interface SequencedEvent {
  readonly seq: number;
  readonly event: QueueEvent;
}

/** A call as the hall sees it. */
export interface CallView {
  readonly seq: number;
  readonly kind: 'call' | 'recall';
  readonly number: string;
  readonly serviceCode: ServiceCode;
  readonly deskId: DeskId;
  readonly at: Instant;
}

export interface ServiceLoad {
  readonly waiting: number;
  /** Minutes the longest-waiting visitor has waited. */
  readonly longestWaitMinutes: number;
  readonly estimate: WaitEstimate;
  /**
   * The wait of a visitor taking a ticket with a priority claim, for the kiosk's priority path;
   * absent when it is the same as `estimate` (nobody ahead to pass, say).
   */
  readonly priorityEstimate?: WaitEstimate;
}

/** What every client may see: waiting counts, wait ranges, desk states, recent calls. */
export interface PublicSummary {
  readonly at: Instant;
  readonly services: Readonly<Record<ServiceCode, ServiceLoad>>;
  readonly desks: readonly Pick<DeskState, 'id' | 'status'>[];
  /**
   * The number called to or being served at each desk that has one, by desk id: what a
   * window display above the desk shows, and how it learns that the desk let the visitor go.
   */
  readonly deskTickets?: Readonly<Record<DeskId, string>>;
  /** The desks of `deskTickets` whose visitor has come and is being served (not only called). */
  readonly servingDesks?: readonly DeskId[];
  /** The last event of the log these figures include: a call after it is newer than `deskTickets`. */
  readonly seq?: number;
}

export interface Snapshot {
  readonly protocol: number;
  /** Changes when the log starts over (a new database): clients then take a snapshot. */
  readonly epoch: string;
  readonly seq: number;
  readonly serverTime: Instant;
  readonly principal: Principal;
  readonly centre: Centre;
  readonly summary: PublicSummary;
  readonly recentCalls: readonly CallView[];
  /** The whole day's queue, for staff only. */
  readonly queue?: QueueState;
  /** Devices that need attention (printer out of paper…), for staff only. */
  readonly alerts?: readonly DeviceAlert[];
  /** Names of active staff by id, for staff only: who sits at which desk, by name. */
  readonly staffNames?: Readonly<Record<string, string>>;
}

export type SyncAnswer =
  | {
      readonly kind: 'events';
      readonly events: readonly SequencedEvent[];
      /** The summary as the server last sent it: later changes apply to it. */
      readonly summary: PublicSummary;
    }
  | { readonly kind: 'snapshot'; readonly snapshot: Snapshot };

/** A ticket as the visitor who took it may see it. */
export interface IssuedTicket {
  readonly ticket: Ticket;
  readonly estimate: WaitEstimate;
  readonly statusPath: string;
  /** Set when the server printed the ticket: whether the paper came out. */
  readonly print?: { readonly ok: boolean; readonly error?: string };
}

export interface LoginAnswer {
  readonly token: string;
  readonly principal: Principal;
  readonly expiresAt: Instant;
}
