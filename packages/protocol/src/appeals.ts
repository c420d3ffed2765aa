/**
 * The appeals journal on the wire: staff socket events (register, work, list, report), the
 * public page's body, and what an appeal looks like to staff, with or without the
 * applicant's personal data. A refusal of the appeal rules keeps its core code.
 */
import {
  APPEAL_CLASSES,
  APPEAL_FAVOURS,
  APPEAL_REPORT_DIMENSIONS,
  APPEAL_STATUSES,
  type Appeal,
  type AppealErrorCode,
  type AppealEventType,
  type AppealReportRow,
  type AppealUrgency,
  type Applicant,
  DISMISSAL_GROUNDS,
  type PublicAppeal,
} from '@queue/core';
import { z } from 'zod';
import { DeviceIdSchema } from './printing';
import { LanguageSchema, RequestId, ServiceCodeSchema, StaffIdSchema, TicketIdSchema } from './schemas';

export type { AppealErrorCode };

const text = (max: number) => z.string().trim().min(1).max(max);

export const OrganisationIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9._-]+$/);
export const AppealIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** A tracking code as printed: the booking-code alphabet, any case. */
export const AppealCodeSchema = z
  .string()
  .trim()
  .regex(/^[2-9A-HJKMNP-Za-hjkmnp-z]{8}$/, 'an 8-character tracking code')
  .transform((code) => code.toUpperCase());
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const AppealTopicSchema = z.strictObject({
  organisationId: OrganisationIdSchema,
  serviceCode: ServiceCodeSchema.optional(),
});

const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{9,20}$/, 'a phone number');

export const ApplicantSchema = z.strictObject({
  name: z.string().trim().min(2).max(150),
  address: text(300).optional(),
  phone: PhoneSchema.optional(),
  email: z.email().max(200).optional(),
});

export const AppealSummarySchema = text(200);
export const AppealTextSchema = text(5000);

/** The channels staff register through; `online` and `partner` come in by their own doors. */
export const STAFF_APPEAL_CHANNELS = ['in-person', 'phone', 'email'] as const;

export const AppealRegisterPayload = z.strictObject({
  requestId: RequestId,
  channel: z.enum(STAFF_APPEAL_CHANNELS),
  language: LanguageSchema.optional(),
  topic: AppealTopicSchema,
  summary: AppealSummarySchema,
  text: AppealTextSchema,
  applicant: ApplicantSchema,
  /** The visit it comes from: the topic's service defaults to the visit's. */
  ticketId: TicketIdSchema.optional(),
  appealClass: z.enum(APPEAL_CLASSES).optional(),
  /** Print the receipt on this kiosk's printer (the server drives it). */
  receiptKioskId: DeviceIdSchema.optional(),
});

const OnAppeal = { requestId: RequestId, appealId: AppealIdSchema };

export const AppealClassifyPayload = z.strictObject({
  ...OnAppeal,
  appealClass: z.enum(APPEAL_CLASSES),
  topic: AppealTopicSchema.optional(),
});
export const AppealAssignPayload = z.strictObject({
  ...OnAppeal,
  organisationId: OrganisationIdSchema,
  staffId: StaffIdSchema.optional(),
});
export const AppealTakePayload = z.strictObject(OnAppeal);
export const AppealExtendPayload = z.strictObject({ ...OnAppeal, reason: text(1000) });
export const AppealForwardPayload = z.strictObject({
  ...OnAppeal,
  body: text(300),
  note: text(1000).optional(),
});
export const AppealAnswerPayload = z.strictObject({
  ...OnAppeal,
  result: text(5000),
  favour: z.enum(APPEAL_FAVOURS),
});
export const AppealDismissPayload = z.strictObject({
  ...OnAppeal,
  ground: z.enum(DISMISSAL_GROUNDS),
  note: text(1000).optional(),
});
export const AppealReopenPayload = z.strictObject({ ...OnAppeal, reason: text(1000) });
export const AppealReceiptPayload = z.strictObject({ ...OnAppeal, kioskId: DeviceIdSchema });
export const AppealGetPayload = z.strictObject({ appealId: AppealIdSchema });

export const MAX_APPEAL_PAGE = 200;

export const AppealListPayload = z.strictObject({
  statuses: z.array(z.enum(APPEAL_STATUSES)).max(APPEAL_STATUSES.length).optional(),
  appealClass: z.enum([...APPEAL_CLASSES, 'unclassified']).optional(),
  organisationId: OrganisationIdSchema.optional(),
  assigneeId: StaffIdSchema.optional(),
  /** Only the appeals assigned to the asker. */
  mine: z.boolean().optional(),
  urgency: z.enum(['overdue', 'due-soon']).optional(),
  /** Answer due on or before this day. */
  dueBy: DaySchema.optional(),
  /** Received within these days. */
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  /** A journal number (`2026/17`) or its tracking code. */
  search: z.string().trim().max(40).optional(),
  limit: z.number().int().min(1).max(MAX_APPEAL_PAGE).optional(),
  offset: z.number().int().min(0).max(1_000_000).optional(),
});

export const AppealReportPayload = z.strictObject({
  from: DaySchema,
  to: DaySchema,
  dimension: z.enum(APPEAL_REPORT_DIMENSIONS),
  organisationId: OrganisationIdSchema.optional(),
});

/** Who an appeal may be assigned to in an organisation. */
export const AppealAssigneesPayload = z.strictObject({ organisationId: OrganisationIdSchema });

/** The public page's body: one contact at least, so that the answer can reach the applicant. */
export const PublicAppealBody = z
  .strictObject({
    topic: AppealTopicSchema,
    summary: AppealSummarySchema,
    text: AppealTextSchema,
    applicant: ApplicantSchema,
    language: LanguageSchema.optional(),
  })
  .refine((body) => body.applicant.phone ?? body.applicant.email ?? body.applicant.address, {
    message: 'an address, a phone or an e-mail, so that the answer can reach you',
    path: ['applicant'],
  });

export type AppealRegisterPayload = z.infer<typeof AppealRegisterPayload>;
export type AppealClassifyPayload = z.infer<typeof AppealClassifyPayload>;
export type AppealAssignPayload = z.infer<typeof AppealAssignPayload>;
export type AppealTakePayload = z.infer<typeof AppealTakePayload>;
export type AppealExtendPayload = z.infer<typeof AppealExtendPayload>;
export type AppealForwardPayload = z.infer<typeof AppealForwardPayload>;
export type AppealAnswerPayload = z.infer<typeof AppealAnswerPayload>;
export type AppealDismissPayload = z.infer<typeof AppealDismissPayload>;
export type AppealReopenPayload = z.infer<typeof AppealReopenPayload>;
export type AppealReceiptPayload = z.infer<typeof AppealReceiptPayload>;
export type AppealGetPayload = z.infer<typeof AppealGetPayload>;
export type AppealListPayload = z.infer<typeof AppealListPayload>;
export type AppealReportPayload = z.infer<typeof AppealReportPayload>;
export type AppealAssigneesPayload = z.infer<typeof AppealAssigneesPayload>;
export type PublicAppealBody = z.infer<typeof PublicAppealBody>;

/** One step of an appeal's history, as the journal shows it. */
export interface AppealHistoryEntry {
  readonly type: AppealEventType;
  readonly at: number;
  readonly by: string;
  /** The actor's name when staff. */
  readonly byName?: string;
  /** A short detail: the class, the organisation, the reason, the ground. */
  readonly detail?: string;
}

/** An appeal as staff see it; `applicant` only for those who may see personal data. */
export interface StaffAppeal extends Appeal {
  readonly urgency: AppealUrgency;
  readonly applicant?: Applicant;
  /** Personal data exists but this member of staff may not see it. */
  readonly applicantHidden: boolean;
  /** The retention pass cleared the personal data. */
  readonly applicantPurged: boolean;
  readonly assigneeName?: string;
}

export interface AppealDetails {
  readonly appeal: StaffAppeal;
  readonly history: readonly AppealHistoryEntry[];
  /** The status page link for the applicant. */
  readonly trackingUrl?: string;
}

export interface AppealListAnswer {
  readonly appeals: readonly StaffAppeal[];
  /** All that match the filters (the page holds at most `limit`). */
  readonly total: number;
}

/** What a registration answers: the appeal and how its receipt went. */
export interface RegisteredAppeal {
  readonly appeal: StaffAppeal;
  readonly trackingUrl?: string;
  /** The tracking link as an SVG QR code, for the applicant to photograph from the screen. */
  readonly trackingQrSvg?: string;
  /** With `receiptKioskId`: printed, or why not (the appeal is registered either way). */
  readonly receipt?: { readonly printed: true } | { readonly printed: false; readonly error: string };
}

export interface AppealReceiptAnswer {
  readonly printed: boolean;
  readonly error?: string;
}

export interface AppealAssignee {
  readonly staffId: string;
  readonly name: string;
}

export interface AppealReportAnswer {
  readonly rows: readonly AppealReportRow[];
  readonly total: AppealReportRow;
  /** The names of the people a `person` report's rows are keyed by. */
  readonly staffNames: Readonly<Record<string, string>>;
}

/** The public tracking page's answer. */
export type PublicAppealView = PublicAppeal;

/** What the public form answers: the number and the code to follow it with. */
export interface FiledAppeal {
  readonly number: string;
  readonly trackingCode: string;
  readonly trackingUrl: string;
  readonly answerDueDay: string;
}

/** Administrators issue one Open311 key per partner (shown once), list and revoke them. */
export const PartnerKeyIssuePayload = z.strictObject({ requestId: RequestId, name: text(100) });
export const PartnerKeyRevokePayload = z.strictObject({
  requestId: RequestId,
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type PartnerKeyIssuePayload = z.infer<typeof PartnerKeyIssuePayload>;
export type PartnerKeyRevokePayload = z.infer<typeof PartnerKeyRevokePayload>;

export interface PartnerKeyView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly revokedAt?: number;
  readonly lastUsedAt?: number;
}

export interface IssuedPartnerKey {
  readonly key: PartnerKeyView;
  /** The API key itself: shown this once, kept only as a hash. */
  readonly apiKey: string;
}

/** `GET /api/appeals/export`: the journal (XLSX, the paper form's columns) or the report (CSV or XLSX). */
export const AppealExportQuery = z
  .strictObject({
    kind: z.enum(['journal', 'report']),
    from: DaySchema,
    to: DaySchema,
    format: z.enum(['csv', 'xlsx']),
    dimension: z.enum(APPEAL_REPORT_DIMENSIONS).optional(),
    organisationId: OrganisationIdSchema.optional(),
    lang: LanguageSchema.optional(),
  })
  .refine((query) => query.from <= query.to, { message: 'the period ends before it starts', path: ['to'] });
export type AppealExportQuery = z.infer<typeof AppealExportQuery>;
