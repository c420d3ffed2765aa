/**
 * The executable half of the contract: every event a client may send, with the schema its
 * payload must pass and the roles that may send it. The server registers its handlers from
 * this table through one `on` (apps/server/src/handlers/handler.ts), so validation, role
 * refusals and unknown events are answered in one place and alike; `ClientToServerEvents`
 * takes its payload types from these schemas. Finer rules (an operator only at their own
 * desk, a supervisor only for their organisations) stay with the handlers.
 */
import { z } from 'zod';
import { AuditListPayload } from './audit';
import {
  CentreReplacePayload,
  DeskAssignServicesPayload,
  StaffResetPasswordPayload,
  StaffSavePayload,
} from './administration';
import {
  BookingBurstsPayload,
  BookingCancelBurstPayload,
  BookingChangePayload,
  BookingCodePayload,
  BookingCreatePayload,
  BookingMovePayload,
  BookingSlotsPayload,
} from './booking';
import {
  DeviceApprovePayload,
  DeviceRejectPayload,
  DeviceRenamePayload,
  DeviceRevokePayload,
} from './pairing';
import {
  BookingCheckInPayload,
  KioskPrintResultPayload,
  KioskPrinterStatusPayload,
  PrinterTestPagePayload,
  ReprintTicketPayload,
} from './printing';
import { CityCatalogueApplyPayload, CityCatalogueOfferPayload } from './hub';
import { ReportRunPayload, StaffingPlanPayload } from './reports';
import {
  AppealAnswerPayload,
  AppealAssigneesPayload,
  AppealAssignPayload,
  AppealClassifyPayload,
  AppealDismissPayload,
  AppealExtendPayload,
  AppealForwardPayload,
  AppealGetPayload,
  AppealListPayload,
  AppealReceiptPayload,
  AppealRegisterPayload,
  AppealReopenPayload,
  AppealReportPayload,
  AppealTakePayload,
  PartnerKeyIssuePayload,
  PartnerKeyRevokePayload,
} from './appeals';
import {
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
import type { ClientEventName, ClientToServerEvents } from './contract';
import type { Role } from './views';

/** No payload at all, or an empty object. */
export const EmptyPayload = z.union([z.strictObject({}), z.undefined()]);
export type EmptyPayload = z.infer<typeof EmptyPayload>;

/** Who may send an event: the roles listed, or any authenticated client. */
export type Senders = readonly Role[] | 'anyone';

export interface ClientEventRule {
  readonly payload: z.ZodType;
  readonly senders: Senders;
}

const STAFF: readonly Role[] = ['operator', 'reception', 'supervisor', 'admin'];
const FRONT_OFFICE: readonly Role[] = ['reception', 'supervisor', 'admin'];
const ISSUERS: readonly Role[] = ['kiosk', ...FRONT_OFFICE];
const OVERSEERS: readonly Role[] = ['supervisor', 'admin'];
const SUPERVISORS: readonly Role[] = ['supervisor'];
const ADMINS: readonly Role[] = ['admin'];
const KIOSKS: readonly Role[] = ['kiosk'];
/** Everyone who registers and works appeals; organisation scoping is the handlers'. */
const APPEAL_STAFF: readonly Role[] = [...STAFF, 'call-centre'];

const rule = <S extends z.ZodType>(payload: S, senders: Senders) => ({ payload, senders }) as const;

export const CLIENT_EVENTS = {
  'sync:snapshot': rule(EmptyPayload, 'anyone'),
  'sync:since': rule(SyncSincePayload, 'anyone'),
  'ticket:issue': rule(IssueTicketPayload, ISSUERS),
  'ticket:cancel': rule(CancelTicketPayload, FRONT_OFFICE),
  'ticket:change-service': rule(ChangeServicePayload, FRONT_OFFICE),
  'ticket:find': rule(FindTicketPayload, STAFF),
  'ticket:reprint': rule(ReprintTicketPayload, FRONT_OFFICE),
  'desk:open': rule(DeskOpenPayload, STAFF),
  'desk:pause': rule(DeskPausePayload, STAFF),
  'desk:resume': rule(DeskPlainPayload, STAFF),
  'desk:close': rule(DeskPlainPayload, STAFF),
  'visit:call-next': rule(CallNextPayload, STAFF),
  'visit:call': rule(CallTicketPayload, STAFF),
  'visit:recall': rule(VisitPayload, STAFF),
  'visit:start': rule(VisitPayload, STAFF),
  'visit:complete': rule(CompletePayload, STAFF),
  'visit:no-show': rule(VisitPayload, STAFF),
  'visit:transfer': rule(TransferPayload, STAFF),
  'visit:postpone': rule(PostponePayload, STAFF),
  'visit:review-priority': rule(ReviewPriorityPayload, STAFF),
  'board:update': rule(BoardUpdatePayload, OVERSEERS),
  'booking:check-in': rule(BookingCheckInPayload, ISSUERS),
  'booking:create': rule(BookingCreatePayload, STAFF),
  'booking:cancel': rule(BookingChangePayload, STAFF),
  'booking:move': rule(BookingMovePayload, STAFF),
  'booking:find': rule(BookingCodePayload, STAFF),
  'booking:slots': rule(BookingSlotsPayload, STAFF),
  'booking:bursts': rule(BookingBurstsPayload, SUPERVISORS),
  'booking:cancel-burst': rule(BookingCancelBurstPayload, SUPERVISORS),
  'kiosk:printer-status': rule(KioskPrinterStatusPayload, KIOSKS),
  'kiosk:print-result': rule(KioskPrintResultPayload, KIOSKS),
  'printer:test-page': rule(PrinterTestPagePayload, ADMINS),
  'audit:list': rule(AuditListPayload, ADMINS),
  'device:list-requests': rule(EmptyPayload, ADMINS),
  'device:approve': rule(DeviceApprovePayload, ADMINS),
  'device:reject': rule(DeviceRejectPayload, ADMINS),
  'device:list': rule(EmptyPayload, ADMINS),
  'device:revoke': rule(DeviceRevokePayload, ADMINS),
  'device:rename': rule(DeviceRenamePayload, ADMINS),
  'centre:get': rule(EmptyPayload, ADMINS),
  'centre:replace': rule(CentreReplacePayload, ADMINS),
  'staff:list': rule(EmptyPayload, ADMINS),
  'staff:save': rule(StaffSavePayload, ADMINS),
  'staff:reset-password': rule(StaffResetPasswordPayload, ADMINS),
  'desk:assign-services': rule(DeskAssignServicesPayload, OVERSEERS),
  'report:run': rule(ReportRunPayload, OVERSEERS),
  'report:staffing': rule(StaffingPlanPayload, OVERSEERS),
  'backup:now': rule(EmptyPayload, ADMINS),
  'hub:status': rule(EmptyPayload, ADMINS),
  'city-catalogue:offer': rule(CityCatalogueOfferPayload, ADMINS),
  'city-catalogue:apply': rule(CityCatalogueApplyPayload, ADMINS),
  'appeal:register': rule(AppealRegisterPayload, APPEAL_STAFF),
  'appeal:classify': rule(AppealClassifyPayload, APPEAL_STAFF),
  'appeal:assign': rule(AppealAssignPayload, APPEAL_STAFF),
  'appeal:take': rule(AppealTakePayload, APPEAL_STAFF),
  'appeal:extend': rule(AppealExtendPayload, APPEAL_STAFF),
  'appeal:forward': rule(AppealForwardPayload, APPEAL_STAFF),
  'appeal:answer': rule(AppealAnswerPayload, APPEAL_STAFF),
  'appeal:dismiss': rule(AppealDismissPayload, APPEAL_STAFF),
  'appeal:reopen': rule(AppealReopenPayload, SUPERVISORS),
  'appeal:list': rule(AppealListPayload, APPEAL_STAFF),
  'appeal:get': rule(AppealGetPayload, APPEAL_STAFF),
  'appeal:print-receipt': rule(AppealReceiptPayload, APPEAL_STAFF),
  'appeal:assignees': rule(AppealAssigneesPayload, APPEAL_STAFF),
  'appeal:report': rule(AppealReportPayload, OVERSEERS),
  'partner-key:list': rule(EmptyPayload, ADMINS),
  'partner-key:issue': rule(PartnerKeyIssuePayload, ADMINS),
  'partner-key:revoke': rule(PartnerKeyRevokePayload, ADMINS),
} as const satisfies Readonly<Record<ClientEventName, ClientEventRule>>;

/** Whether a client with these roles may send the event at all. */
export const maySend = (senders: Senders, roles: readonly Role[]): boolean =>
  senders === 'anyone' || roles.some((role) => senders.includes(role));

/**
 * Compile-time proof that the interface's payload types are the table's schemas: an event
 * whose two descriptions drift apart turns into a type error here.
 */
type PayloadDrift<K extends ClientEventName> = [z.infer<(typeof CLIENT_EVENTS)[K]['payload']>] extends [
  Parameters<ClientToServerEvents[K]>[0],
]
  ? [Parameters<ClientToServerEvents[K]>[0]] extends [z.infer<(typeof CLIENT_EVENTS)[K]['payload']>]
    ? never
    : K
  : K;
export type DriftMap = { [K in ClientEventName]: PayloadDrift<K> };
export type Drifted = DriftMap[ClientEventName];
export const PAYLOADS_AGREE: [Drifted] extends [never] ? true : Drifted = true;
