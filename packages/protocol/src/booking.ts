/**
 * The wire side of pre-booked visits: staff socket events, the public booking page's JSON
 * bodies, the visitor's rating, and what a booking looks like to each of them. The public
 * view of a booking carries no name or phone: its code is the only credential.
 */
import type { BookingRefusalCode } from '@queue/core';
import { z } from 'zod';
import { BookingCodeSchema } from './printing';
import { LanguageSchema, RequestId, ServiceCodeSchema } from './schemas';
import type { IssuedTicket } from './views';

/** Refusals particular to bookings, besides the general ones. */
export type BookingErrorCode =
  BookingRefusalCode | 'CHECK_IN_TOO_EARLY' | 'BOOKING_EXPIRED' | 'ALREADY_RATED';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const SlotAtSchema = z.number().int().min(0).max(8_640_000_000_000);
const NameSchema = z.string().trim().min(2).max(100);
/** Digits with the usual separators; the server reads it into international digits. */
const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{9,20}$/, 'a phone number');

/** The most days one slot query covers (the server also caps the slots in one answer). */
export const MAX_SLOT_QUERY_DAYS = 7;

export const BookingSlotsPayload = z.strictObject({
  serviceCode: ServiceCodeSchema,
  day: DaySchema,
  days: z.number().int().min(1).max(MAX_SLOT_QUERY_DAYS).optional(),
});

const BookingFields = {
  serviceCode: ServiceCodeSchema,
  slotAt: SlotAtSchema,
  name: NameSchema,
  phone: PhoneSchema,
  language: LanguageSchema.optional(),
};

export const BookingCreatePayload = z.strictObject({ requestId: RequestId, ...BookingFields });
export const BookingCodePayload = z.strictObject({ code: BookingCodeSchema });
export const BookingChangePayload = z.strictObject({ requestId: RequestId, code: BookingCodeSchema });
export const BookingMovePayload = z.strictObject({
  requestId: RequestId,
  code: BookingCodeSchema,
  slotAt: SlotAtSchema,
});

/** The public page's bodies: the same fields, without request ids. */
export const PublicBookBody = z.strictObject(BookingFields);
export const PublicMoveBody = z.strictObject({ slotAt: SlotAtSchema });

/** A visitor's rating of a finished visit, from the status page (a form post or JSON). */
export const RatingBody = z.strictObject({
  score: z.coerce.number().int().min(1).max(5),
  comment: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export type BookingStatusName = 'booked' | 'checked-in' | 'cancelled' | 'missed';

/** What the visitor sees of their own booking. */
export interface PublicBooking {
  readonly code: string;
  readonly serviceCode: string;
  readonly slotAt: number;
  readonly day: string;
  /** `HH:MM` on the site's clock. */
  readonly time: string;
  readonly status: BookingStatusName;
}

/** What staff see: the visitor's name and phone too. */
export interface StaffBooking extends PublicBooking {
  readonly name?: string;
  readonly phone?: string;
  readonly late: boolean;
  readonly ticketId?: string;
}

export interface OfferedSlotView {
  readonly start: number;
  /** Its service day, `YYYY-MM-DD`: an answer may cover several days. */
  readonly day: string;
  /** `HH:MM` on the site's clock. */
  readonly time: string;
  readonly free: number;
}

/** A check-in's ticket, and whether the visitor came too late to keep the slot. */
export type CheckedInTicket = IssuedTicket & { readonly late: boolean };

export type BookingSlotsPayload = z.infer<typeof BookingSlotsPayload>;
export type BookingCreatePayload = z.infer<typeof BookingCreatePayload>;
export type BookingCodePayload = z.infer<typeof BookingCodePayload>;
export type BookingChangePayload = z.infer<typeof BookingChangePayload>;
export type BookingMovePayload = z.infer<typeof BookingMovePayload>;
export type PublicBookBody = z.infer<typeof PublicBookBody>;
export type RatingBody = z.infer<typeof RatingBody>;
