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

/** The widest window a supervisor looks back over for bursts of public bookings: a week. */
export const MAX_BURST_WINDOW_MINUTES = 7 * 24 * 60;
/** The most bookings one burst cancel takes. */
export const MAX_BURST_CANCEL = 200;

const BurstWindowSchema = z.number().int().min(5).max(MAX_BURST_WINDOW_MINUTES);

/** Supervisors: public bookings of the last `windowMinutes` (a day when absent), grouped. */
export const BookingBurstsPayload = z.strictObject({ windowMinutes: BurstWindowSchema.optional() });

/**
 * Supervisors cancel the bookings of one group they saw: its kind and key, and the codes
 * listed to them. Only codes still in that group (public, from that address or phone,
 * within the window) are cancelled, so a stale or crafted list cancels nothing else.
 */
export const BookingCancelBurstPayload = z.strictObject({
  requestId: RequestId,
  kind: z.enum(['address', 'phone']),
  key: z.string().min(1).max(64),
  windowMinutes: BurstWindowSchema.optional(),
  codes: z.array(BookingCodeSchema).min(1).max(MAX_BURST_CANCEL),
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

/** A booking in a group of public bookings: the staff view and when it was made. */
export interface PublicBookingEntry extends StaffBooking {
  readonly madeAt: number;
}

/** Public bookings from one address (an IPv6 /64) or with one phone within the window. */
export interface PublicBookingGroupView {
  readonly kind: 'address' | 'phone';
  /** The address key (`203.0.113.7`, `2001:db8:1:2::/64`) or the phone's digits. */
  readonly key: string;
  /** At least the policy's burst threshold. */
  readonly burst: boolean;
  readonly count: number;
  /** Still holding a place. */
  readonly active: number;
  readonly firstAt: number;
  readonly lastAt: number;
  /** Newest first. */
  readonly bookings: readonly PublicBookingEntry[];
}

export interface BookingBurstsView {
  readonly windowMinutes: number;
  readonly threshold: number;
  readonly groups: readonly PublicBookingGroupView[];
}

export interface BurstCancelAnswer {
  readonly cancelled: readonly StaffBooking[];
  /** Codes not cancelled: not in the group, or no longer waiting for their visit. */
  readonly skipped: readonly string[];
}

/** A check-in's ticket, and whether the visitor came too late to keep the slot. */
export type CheckedInTicket = IssuedTicket & { readonly late: boolean };

export type BookingSlotsPayload = z.infer<typeof BookingSlotsPayload>;
export type BookingCreatePayload = z.infer<typeof BookingCreatePayload>;
export type BookingCodePayload = z.infer<typeof BookingCodePayload>;
export type BookingChangePayload = z.infer<typeof BookingChangePayload>;
export type BookingMovePayload = z.infer<typeof BookingMovePayload>;
export type BookingBurstsPayload = z.infer<typeof BookingBurstsPayload>;
export type BookingCancelBurstPayload = z.infer<typeof BookingCancelBurstPayload>;
export type PublicBookBody = z.infer<typeof PublicBookBody>;
export type RatingBody = z.infer<typeof RatingBody>;
