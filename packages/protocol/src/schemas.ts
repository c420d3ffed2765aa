/**
 * Zod schemas for every message a client may send. Nothing from the network reaches the
 * queue rules without passing one of these; limits on lengths keep oversized input out.
 */
import { MAX_BREAK_MINUTES, PRIORITY_CATEGORIES } from '@queue/core';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const RequestId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
export const TicketIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export const ServiceCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/);
export const DeskIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/);
export const StaffIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9._-]+$/);
export const LanguageSchema = z.enum(['uk', 'ru', 'en']);

const Mutation = { requestId: RequestId };
/** Supervisors and administrators may name a desk; operators act at their own. */
const DeskTarget = { deskId: DeskIdSchema.optional() };
const OnTicket = { ...Mutation, ...DeskTarget, ticketId: TicketIdSchema };

export const IssueTicketPayload = z.strictObject({
  ...Mutation,
  serviceCode: ServiceCodeSchema,
  priority: z
    .strictObject({ category: z.enum(PRIORITY_CATEGORIES), reason: text(200).optional() })
    .optional(),
  itinerary: z.array(ServiceCodeSchema).max(10).optional(),
  note: text(500).optional(),
  language: LanguageSchema.optional(),
  /**
   * `paper`: print it (refused with PRINTER_UNAVAILABLE when the kiosk's printer cannot);
   * `screen`: the visitor takes it on screen. Paper when the kiosk has a printer.
   */
  delivery: z.enum(['paper', 'screen']).optional(),
});

export const CancelTicketPayload = z.strictObject({
  ...Mutation,
  ticketId: TicketIdSchema,
  reason: text(200),
});
export const ChangeServicePayload = z.strictObject({
  ...Mutation,
  ticketId: TicketIdSchema,
  serviceCode: ServiceCodeSchema,
  reason: text(200),
});
export const ReviewPriorityPayload = z.strictObject({ ...OnTicket, confirmed: z.boolean() });
export const FindTicketPayload = z.strictObject({ number: text(16) });

export const DeskOpenPayload = z.strictObject({ ...Mutation, ...DeskTarget });
export const DeskPausePayload = z.strictObject({
  ...Mutation,
  ...DeskTarget,
  reason: text(200),
  /** The break's length, when the operator says it (the estimates count on it). */
  minutes: z.number().int().min(1).max(MAX_BREAK_MINUTES).optional(),
});
export const DeskPlainPayload = z.strictObject({ ...Mutation, ...DeskTarget });

export const CallNextPayload = z.strictObject({ ...Mutation, ...DeskTarget });
export const CallTicketPayload = z.strictObject({ ...OnTicket, reason: text(200) });
export const VisitPayload = z.strictObject(OnTicket);
export const CompletePayload = z.strictObject({
  ...OnTicket,
  outcome: z.string().min(1).max(64).optional(),
  note: text(1000).optional(),
});
export const TransferPayload = z.strictObject({
  ...OnTicket,
  toServiceCode: ServiceCodeSchema,
  toDeskId: DeskIdSchema.optional(),
  toOperatorId: StaffIdSchema.optional(),
  comment: text(500).optional(),
  keepPlace: z.boolean().optional(),
  returnToMe: z.boolean().optional(),
});
export const PostponePayload = z.strictObject({ ...OnTicket, minutes: z.number().int().min(1).max(240) });

const LocalizedTextSchema = z.strictObject({
  uk: z.string().max(2000),
  ru: z.string().max(2000),
  en: z.string().max(2000),
});

export const BoardUpdatePayload = z.strictObject({
  ...Mutation,
  boardId: z.string().min(1).max(64),
  ticker: LocalizedTextSchema.optional(),
  info: LocalizedTextSchema.optional(),
  muted: z.boolean().optional(),
});

export const SyncSincePayload = z.strictObject({
  epoch: z.string().min(1).max(64),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const LoginBody = z.strictObject({
  login: z.string().trim().min(1).max(64),
  secret: z.string().min(1).max(256),
  deskId: DeskIdSchema.optional(),
  /** The token of the paired desk terminal the login is made on. */
  terminal: z.string().min(16).max(256).optional(),
});

export type IssueTicketPayload = z.infer<typeof IssueTicketPayload>;
export type CancelTicketPayload = z.infer<typeof CancelTicketPayload>;
export type ChangeServicePayload = z.infer<typeof ChangeServicePayload>;
export type ReviewPriorityPayload = z.infer<typeof ReviewPriorityPayload>;
export type FindTicketPayload = z.infer<typeof FindTicketPayload>;
export type DeskOpenPayload = z.infer<typeof DeskOpenPayload>;
export type DeskPausePayload = z.infer<typeof DeskPausePayload>;
export type DeskPlainPayload = z.infer<typeof DeskPlainPayload>;
export type CallNextPayload = z.infer<typeof CallNextPayload>;
export type CallTicketPayload = z.infer<typeof CallTicketPayload>;
export type VisitPayload = z.infer<typeof VisitPayload>;
export type CompletePayload = z.infer<typeof CompletePayload>;
export type TransferPayload = z.infer<typeof TransferPayload>;
export type PostponePayload = z.infer<typeof PostponePayload>;
export type BoardUpdatePayload = z.infer<typeof BoardUpdatePayload>;
export type SyncSincePayload = z.infer<typeof SyncSincePayload>;
export type LoginBody = z.infer<typeof LoginBody>;
