/**
 * The socket.io contract: event names (`entity:verb`), payloads and acknowledgements for
 * both directions. Server and clients are typed from this one file; what a client may send is
 * also a table the server runs (`client-events.ts`: each event's schema and senders), checked
 * at compile time to name the same events with the same payloads.
 */
import type { Board, Centre, DeskState, QueueErrorCode, Ticket } from '@queue/core';
import type { EmptyPayload } from './client-events';
import type {
  BoardUpdatePayload,
  CallNextPayload,
  CallTicketPayload,
  CancelTicketPayload,
  ChangeServicePayload,
  CompletePayload,
  DeskOpenPayload,
  DeskPausePayload,
  DeskPlainPayload,
  FindTicketPayload,
  IssueTicketPayload,
  PostponePayload,
  ReviewPriorityPayload,
  SyncSincePayload,
  TransferPayload,
  VisitPayload,
} from './schemas';
import type {
  BookingCheckInPayload,
  DeviceAlertChange,
  KioskPrinterStatusPayload,
  KioskPrintResultPayload,
  PrinterAnswer,
  PrinterTestPagePayload,
  ReprintAnswer,
  ReprintTicketPayload,
} from './printing';
import type { AuditListPayload, AuditRecord } from './audit';
import type {
  DeviceApprovePayload,
  DeviceRejectPayload,
  DeviceRenamePayload,
  DeviceRevokePayload,
  DeviceView,
  PairingRequestView,
} from './pairing';
import type {
  CentreDocument,
  CentreReplaceAnswer,
  CentreReplacePayload,
  DeskAssignServicesPayload,
  StaffAccount,
  StaffResetPasswordPayload,
  StaffSavePayload,
} from './administration';
import type { CentreProblem } from '@queue/core';
import type {
  BookingBurstsPayload,
  BookingBurstsView,
  BookingCancelBurstPayload,
  BurstCancelAnswer,
  BookingChangePayload,
  BookingCodePayload,
  BookingCreatePayload,
  BookingErrorCode,
  BookingMovePayload,
  BookingSlotsPayload,
  CheckedInTicket,
  OfferedSlotView,
  StaffBooking,
} from './booking';
import type { ReportRunPayload, ReportView, StaffingPlanAnswer, StaffingPlanPayload } from './reports';
import type {
  AppealAnswerPayload,
  AppealAssignee,
  AppealAssigneesPayload,
  AppealAssignPayload,
  AppealClassifyPayload,
  AppealDetails,
  AppealDismissPayload,
  AppealErrorCode,
  AppealExtendPayload,
  AppealForwardPayload,
  AppealGetPayload,
  AppealListAnswer,
  AppealListPayload,
  AppealReceiptAnswer,
  AppealReceiptPayload,
  AppealRegisterPayload,
  AppealReopenPayload,
  AppealReportAnswer,
  AppealReportPayload,
  AppealTakePayload,
  IssuedPartnerKey,
  PartnerKeyIssuePayload,
  PartnerKeyRevokePayload,
  PartnerKeyView,
  RegisteredAppeal,
  StaffAppeal,
} from './appeals';
import type { BackupAnswer } from './backup';
import type {
  CityCatalogueApplyAnswer,
  CityCatalogueApplyPayload,
  CityCatalogueOfferPayload,
  CityCatalogueOfferView,
  HubSyncState,
} from './hub';
import type { SummaryChange } from './summary-change';
import type { IssuedTicket, PublicSummary, SequencedEvent, Snapshot, SyncAnswer } from './views';

export const PROTOCOL_VERSION = 1;

/** Stable codes of refusals on the wire: the queue rules' own, plus the adapter's. */
export type WireErrorCode =
  | QueueErrorCode
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  /** The kiosk's printer cannot print now (offline, cover open, no paper): nothing was issued. */
  | 'PRINTER_UNAVAILABLE'
  /** A configuration that is not valid, or would strand visitors: see `problems`. */
  | 'CONFIG_INVALID'
  /** The configuration was changed by someone else since the edit began: reload and redo. */
  | 'CONFIG_CONFLICT'
  /** A login that another account already has. */
  | 'LOGIN_TAKEN'
  /** A desk of an organisation the member of staff does not work for. */
  | 'OTHER_ORGANISATION'
  /** A staff login from a browser that is not a paired desk terminal. */
  | 'UNPAIRED_TERMINAL'
  /** Reports are not ready yet: an upgrade is rebuilding their projection in the background. */
  | 'REPORTS_PREPARING'
  /** The city catalogue version named is not the one on offer now: read the offer again. */
  | 'CATALOGUE_STALE'
  | BookingErrorCode
  | AppealErrorCode;

export interface WireError {
  readonly code: WireErrorCode;
  readonly message: string;
  /** With PRINTER_UNAVAILABLE: what the printer said. */
  readonly printer?: PrinterAnswer;
  /** With CONFIG_INVALID: every problem found, for the screen to show translated. */
  readonly problems?: readonly CentreProblem[];
}

export type Ack<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: WireError };
export type AckCallback<T> = (answer: Ack<T>) => void;

/** The result of a command that changed a visit at a desk. */
export interface VisitAnswer {
  readonly ticket?: Ticket;
  readonly desk: DeskState;
}

export interface ClientToServerEvents {
  'sync:snapshot': (payload: EmptyPayload, ack: AckCallback<Snapshot>) => void;
  'sync:since': (payload: SyncSincePayload, ack: AckCallback<SyncAnswer>) => void;
  'ticket:issue': (payload: IssueTicketPayload, ack: AckCallback<IssuedTicket>) => void;
  'ticket:cancel': (payload: CancelTicketPayload, ack: AckCallback<Ticket>) => void;
  'ticket:change-service': (payload: ChangeServicePayload, ack: AckCallback<Ticket>) => void;
  'ticket:find': (payload: FindTicketPayload, ack: AckCallback<readonly Ticket[]>) => void;
  'desk:open': (payload: DeskOpenPayload, ack: AckCallback<VisitAnswer>) => void;
  'desk:pause': (payload: DeskPausePayload, ack: AckCallback<VisitAnswer>) => void;
  'desk:resume': (payload: DeskPlainPayload, ack: AckCallback<VisitAnswer>) => void;
  'desk:close': (payload: DeskPlainPayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:call-next': (payload: CallNextPayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:call': (payload: CallTicketPayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:recall': (payload: VisitPayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:start': (payload: VisitPayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:complete': (payload: CompletePayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:no-show': (payload: VisitPayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:transfer': (payload: TransferPayload, ack: AckCallback<VisitAnswer>) => void;
  'visit:postpone': (payload: PostponePayload, ack: AckCallback<VisitAnswer>) => void;
  'board:update': (payload: BoardUpdatePayload, ack: AckCallback<Board>) => void;
  'visit:review-priority': (payload: ReviewPriorityPayload, ack: AckCallback<VisitAnswer>) => void;
  /** Reception, supervisors and administrators print a ticket again. */
  'ticket:reprint': (payload: ReprintTicketPayload, ack: AckCallback<ReprintAnswer>) => void;
  /** A visitor with a booking code at the kiosk. */
  'booking:check-in': (payload: BookingCheckInPayload, ack: AckCallback<CheckedInTicket>) => void;
  /** Staff book, cancel, move and look up bookings, and list a service's free slots. */
  'booking:create': (payload: BookingCreatePayload, ack: AckCallback<StaffBooking>) => void;
  'booking:cancel': (payload: BookingChangePayload, ack: AckCallback<StaffBooking>) => void;
  'booking:move': (payload: BookingMovePayload, ack: AckCallback<StaffBooking>) => void;
  'booking:find': (payload: BookingCodePayload, ack: AckCallback<StaffBooking>) => void;
  'booking:slots': (payload: BookingSlotsPayload, ack: AckCallback<readonly OfferedSlotView[]>) => void;
  /** Supervisors see public bookings grouped by address and phone, bursts flagged. */
  'booking:bursts': (payload: BookingBurstsPayload, ack: AckCallback<BookingBurstsView>) => void;
  /** Supervisors cancel a burst's bookings in one action (each one audited, and the whole). */
  'booking:cancel-burst': (payload: BookingCancelBurstPayload, ack: AckCallback<BurstCancelAnswer>) => void;
  /** A kiosk that prints itself reports its printer's status before issuing. */
  'kiosk:printer-status': (payload: KioskPrinterStatusPayload, ack: AckCallback<null>) => void;
  /** A kiosk that prints itself reports whether an issued ticket came out. */
  'kiosk:print-result': (payload: KioskPrintResultPayload, ack: AckCallback<null>) => void;
  /** Administrators print the code-page test on a kiosk's printer the server drives. */
  'printer:test-page': (payload: PrinterTestPagePayload, ack: AckCallback<null>) => void;
  /** Administrators read the audit log, newest first. */
  'audit:list': (payload: AuditListPayload, ack: AckCallback<readonly AuditRecord[]>) => void;
  /** Administrators: devices waiting to be paired, and the paired ones. */
  'device:list-requests': (payload: EmptyPayload, ack: AckCallback<readonly PairingRequestView[]>) => void;
  'device:approve': (payload: DeviceApprovePayload, ack: AckCallback<DeviceView>) => void;
  'device:reject': (payload: DeviceRejectPayload, ack: AckCallback<null>) => void;
  'device:list': (payload: EmptyPayload, ack: AckCallback<readonly DeviceView[]>) => void;
  /** Revoking disconnects the device (and sessions opened on a desk terminal) at once. */
  'device:revoke': (payload: DeviceRevokePayload, ack: AckCallback<DeviceView>) => void;
  'device:rename': (payload: DeviceRenamePayload, ack: AckCallback<DeviceView>) => void;
  /** Administrators read the whole configuration with its version (also the export). */
  'centre:get': (payload: EmptyPayload, ack: AckCallback<CentreDocument>) => void;
  /** Administrators replace the whole configuration (edits and imports): validated, live, audited. */
  'centre:replace': (payload: CentreReplacePayload, ack: AckCallback<CentreReplaceAnswer>) => void;
  'staff:list': (payload: EmptyPayload, ack: AckCallback<readonly StaffAccount[]>) => void;
  'staff:save': (payload: StaffSavePayload, ack: AckCallback<StaffAccount>) => void;
  'staff:reset-password': (payload: StaffResetPasswordPayload, ack: AckCallback<null>) => void;
  /** Supervisors and administrators move a desk to other services on the spot. */
  'desk:assign-services': (payload: DeskAssignServicesPayload, ack: AckCallback<CentreReplaceAnswer>) => void;
  /** Supervisors and administrators run a report over a period. */
  'report:run': (payload: ReportRunPayload, ack: AckCallback<ReportView>) => void;
  /** Supervisors and administrators: the desks a day needs per hour, beside those that were open. */
  'report:staffing': (payload: StaffingPlanPayload, ack: AckCallback<StaffingPlanAnswer>) => void;
  /** Administrators take a backup of the database now (the queue keeps running). */
  'backup:now': (payload: EmptyPayload, ack: AckCallback<BackupAnswer>) => void;
  /** Administrators read the centre's sync with its city hub (last sent, behind by N). */
  'hub:status': (payload: EmptyPayload, ack: AckCallback<HubSyncState>) => void;
  /** Administrators read the city catalogue on offer from the hub and what applying it would change. */
  'city-catalogue:offer': (
    payload: CityCatalogueOfferPayload,
    ack: AckCallback<CityCatalogueOfferView>,
  ) => void;
  /** Administrators apply the offered city catalogue: the checked, audited replace of the configuration. */
  'city-catalogue:apply': (
    payload: CityCatalogueApplyPayload,
    ack: AckCallback<CityCatalogueApplyAnswer>,
  ) => void;
  /** Reception, operators and the call centre register a written appeal (with its receipt). */
  'appeal:register': (payload: AppealRegisterPayload, ack: AckCallback<RegisteredAppeal>) => void;
  /** The steps of an appeal's life, each refused when the rules or the asker's scope forbid it. */
  'appeal:classify': (payload: AppealClassifyPayload, ack: AckCallback<StaffAppeal>) => void;
  'appeal:assign': (payload: AppealAssignPayload, ack: AckCallback<StaffAppeal>) => void;
  'appeal:take': (payload: AppealTakePayload, ack: AckCallback<StaffAppeal>) => void;
  'appeal:extend': (payload: AppealExtendPayload, ack: AckCallback<StaffAppeal>) => void;
  'appeal:forward': (payload: AppealForwardPayload, ack: AckCallback<StaffAppeal>) => void;
  'appeal:answer': (payload: AppealAnswerPayload, ack: AckCallback<StaffAppeal>) => void;
  'appeal:dismiss': (payload: AppealDismissPayload, ack: AckCallback<StaffAppeal>) => void;
  /** Supervisors only. */
  'appeal:reopen': (payload: AppealReopenPayload, ack: AckCallback<StaffAppeal>) => void;
  'appeal:list': (payload: AppealListPayload, ack: AckCallback<AppealListAnswer>) => void;
  'appeal:get': (payload: AppealGetPayload, ack: AckCallback<AppealDetails>) => void;
  /** Print (again) the applicant's receipt on a kiosk's printer the server drives. */
  'appeal:print-receipt': (payload: AppealReceiptPayload, ack: AckCallback<AppealReceiptAnswer>) => void;
  /** Who an appeal of the organisation may be assigned to. */
  'appeal:assignees': (payload: AppealAssigneesPayload, ack: AckCallback<readonly AppealAssignee[]>) => void;
  /** Supervisors and administrators: the appeals report over a period. */
  'appeal:report': (payload: AppealReportPayload, ack: AckCallback<AppealReportAnswer>) => void;
  /** Administrators: the Open311 partners' API keys. */
  'partner-key:list': (payload: EmptyPayload, ack: AckCallback<readonly PartnerKeyView[]>) => void;
  'partner-key:issue': (payload: PartnerKeyIssuePayload, ack: AckCallback<IssuedPartnerKey>) => void;
  'partner-key:revoke': (payload: PartnerKeyRevokePayload, ack: AckCallback<PartnerKeyView>) => void;
}

export interface ServerToClientEvents {
  /** A change to the queue, in log order. Staff get every event; boards and kiosks get calls. */
  'queue:event': (event: SequencedEvent) => void;
  /** Waiting counts and estimates, whole: the first after a start, or when services were added or removed. */
  'queue:summary': (summary: PublicSummary) => void;
  /** What moved in the summary since the last one sent (at most a few times a second). */
  'queue:summary-change': (change: SummaryChange) => void;
  /** The configuration changed (an administrator edited it): screens redraw without a restart. */
  'centre:updated': (centre: Centre) => void;
  /** A device alert raised or cleared; staff only. */
  'device:alert': (change: DeviceAlertChange) => void;
  /** Pairing requests or paired devices changed (a new code, an answer, a device came or went);
   * administrators only, who then fetch the lists again. */
  'devices:changed': () => void;
  /** An appeal was registered or moved on; staff who work appeals refetch what they show. */
  'appeals:changed': (change: { readonly appealId: string }) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
