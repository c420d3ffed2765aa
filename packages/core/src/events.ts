/**
 * Everything that happens to a queue is one of these events. Each carries when it
 * happened and who did it, and is appended to the log before anyone is told.
 */
import type { DeskId, Instant, ServiceCode, ServiceDay, StaffId, TicketId } from './ids';
import type { ReturnAddress, Ticket } from './ticket';

/** Who caused an event: a member of staff, a device (kiosk), or the system itself. */
export type Actor =
  | { readonly kind: 'staff'; readonly staffId: StaffId }
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'system' };

interface Base {
  readonly at: Instant;
  readonly actor: Actor;
}

/** Where a visitor goes next after a completed or transferred step. */
export interface NextStep {
  readonly serviceCode: ServiceCode;
  readonly targetDeskId?: DeskId;
  readonly targetOperatorId?: StaffId;
}

export type QueueEvent =
  | (Base & {
      readonly type: 'day:started';
      readonly serviceDay: ServiceDay;
      readonly expiredTicketIds: readonly TicketId[];
    })
  | (Base & { readonly type: 'ticket:issued'; readonly ticket: Ticket })
  | (Base & {
      readonly type: 'ticket:called';
      readonly ticketId: TicketId;
      readonly number: string;
      readonly serviceCode: ServiceCode;
      readonly deskId: DeskId;
      readonly operatorId?: StaffId;
      /** A priority or booked visit, counted against the desk's streak. */
      readonly privileged: boolean;
      readonly outOfOrderReason?: string;
    })
  | (Base & {
      readonly type: 'ticket:recalled';
      readonly ticketId: TicketId;
      readonly number: string;
      readonly serviceCode: ServiceCode;
      readonly deskId: DeskId;
      readonly callCount: number;
    })
  | (Base & { readonly type: 'ticket:serving-started'; readonly ticketId: TicketId; readonly deskId: DeskId })
  | (Base & {
      readonly type: 'ticket:completed';
      readonly ticketId: TicketId;
      readonly deskId: DeskId;
      readonly outcome?: string;
      readonly note?: string;
      readonly next?: NextStep;
    })
  | (Base & { readonly type: 'ticket:no-show'; readonly ticketId: TicketId; readonly deskId: DeskId })
  | (Base & {
      readonly type: 'ticket:transferred';
      readonly ticketId: TicketId;
      readonly deskId: DeskId;
      readonly to: NextStep;
      readonly comment?: string;
      /** Keep the original place in the queue (arrival time); otherwise join at the back. */
      readonly keepPlace: boolean;
      readonly returnTo?: ReturnAddress;
    })
  | (Base & {
      readonly type: 'ticket:postponed';
      readonly ticketId: TicketId;
      readonly deskId: DeskId;
      readonly until: Instant;
    })
  | (Base & { readonly type: 'ticket:resumed'; readonly ticketId: TicketId })
  | (Base & {
      readonly type: 'ticket:cancelled';
      readonly ticketId: TicketId;
      readonly reason: string;
      readonly deskId?: DeskId;
    })
  | (Base & {
      readonly type: 'ticket:service-changed';
      readonly ticketId: TicketId;
      readonly serviceCode: ServiceCode;
      readonly reason: string;
    })
  | (Base & {
      readonly type: 'ticket:priority-reviewed';
      readonly ticketId: TicketId;
      readonly deskId: DeskId;
      readonly confirmed: boolean;
    })
  | (Base & { readonly type: 'desk:opened'; readonly deskId: DeskId; readonly operatorId: StaffId })
  | (Base & {
      readonly type: 'desk:paused';
      readonly deskId: DeskId;
      readonly reason: string;
      /** The break's length as the operator gave it; the estimates count on it. */
      readonly minutes?: number;
    })
  | (Base & { readonly type: 'desk:resumed'; readonly deskId: DeskId })
  | (Base & { readonly type: 'desk:closed'; readonly deskId: DeskId });

export type QueueEventType = QueueEvent['type'];

/** The ticket an event is about, if any. */
export const ticketIdOf = (event: QueueEvent): TicketId | undefined => {
  switch (event.type) {
    case 'ticket:issued':
      return event.ticket.id;
    case 'ticket:called':
    case 'ticket:recalled':
    case 'ticket:serving-started':
    case 'ticket:completed':
    case 'ticket:no-show':
    case 'ticket:transferred':
    case 'ticket:postponed':
    case 'ticket:resumed':
    case 'ticket:cancelled':
    case 'ticket:service-changed':
    case 'ticket:priority-reviewed':
      return event.ticketId;
    case 'day:started':
    case 'desk:opened':
    case 'desk:paused':
    case 'desk:resumed':
    case 'desk:closed':
      return undefined;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

/** The desk an event is about, if any. */
export const deskIdOf = (event: QueueEvent): DeskId | undefined =>
  'deskId' in event ? event.deskId : undefined;
