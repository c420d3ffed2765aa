/**
 * What people and devices ask of the queue. The instant and any new identifier arrive
 * inside the command, so deciding stays a pure function.
 */
import type { ExpectedBooking } from './booking-hold';
import type { Language } from './centre';
import type { Actor } from './events';
import type { DeskId, Instant, ServiceCode, StaffId, TicketId } from './ids';
import type { PriorityClaim, TicketSource } from './ticket';

interface Base {
  readonly at: Instant;
  readonly actor: Actor;
}

interface AtDesk extends Base {
  readonly deskId: DeskId;
}

interface OnTicketAtDesk extends AtDesk {
  readonly ticketId: TicketId;
}

export type QueueCommand =
  | (Base & {
      readonly type: 'issue-ticket';
      readonly ticketId: TicketId;
      readonly serviceCode: ServiceCode;
      readonly source: TicketSource;
      readonly priority?: PriorityClaim;
      readonly appointmentAt?: Instant;
      /** Services to visit after the first, in order. */
      readonly itinerary?: readonly ServiceCode[];
      readonly note?: string;
      /** The visitor's language at the kiosk or reception. */
      readonly language?: Language;
    })
  | (AtDesk & { readonly type: 'open-desk'; readonly operatorId: StaffId })
  | (AtDesk & {
      readonly type: 'pause-desk';
      readonly reason: string;
      /** How long the operator says the break will last, when they say. */
      readonly minutes?: number;
    })
  | (AtDesk & { readonly type: 'resume-desk' })
  | (AtDesk & { readonly type: 'close-desk' })
  | (AtDesk & {
      readonly type: 'call-next';
      /** Bookings due soon whose visitors have not checked in: the desk may be kept free for one. */
      readonly expectedBookings?: readonly ExpectedBooking[];
    })
  | (OnTicketAtDesk & { readonly type: 'call-ticket'; readonly reason: string })
  | (OnTicketAtDesk & { readonly type: 'recall' })
  | (OnTicketAtDesk & { readonly type: 'start-serving' })
  | (OnTicketAtDesk & {
      readonly type: 'complete';
      readonly outcome?: string;
      readonly note?: string;
    })
  | (OnTicketAtDesk & { readonly type: 'mark-no-show' })
  | (OnTicketAtDesk & {
      readonly type: 'transfer';
      readonly toServiceCode: ServiceCode;
      readonly toDeskId?: DeskId;
      readonly toOperatorId?: StaffId;
      readonly comment?: string;
      /** Defaults to true: the visitor keeps the original arrival time. */
      readonly keepPlace?: boolean;
      /** Send the visitor back to this desk once the other specialist is done. */
      readonly returnToMe?: boolean;
    })
  | (OnTicketAtDesk & { readonly type: 'postpone'; readonly minutes: number })
  | (Base & {
      readonly type: 'cancel-ticket';
      readonly ticketId: TicketId;
      readonly reason: string;
    })
  | (Base & {
      readonly type: 'change-service';
      readonly ticketId: TicketId;
      readonly serviceCode: ServiceCode;
      readonly reason: string;
    })
  | (OnTicketAtDesk & { readonly type: 'review-priority'; readonly confirmed: boolean })
  | (Base & { readonly type: 'tick' });

export type QueueCommandType = QueueCommand['type'];
