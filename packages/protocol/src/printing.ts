/**
 * The wire side of ticket printing and device alerts: what a kiosk reports about its own
 * printer, reprints at reception, booking check-in at the kiosk, and the alerts supervisors
 * see. Kept apart from the queue's commands: printing never changes the queue.
 */
import type { Instant } from '@queue/core';
import { z } from 'zod';
import { LanguageSchema, RequestId, TicketIdSchema } from './schemas';

/** What a printer said to `DLE EOT 1, 2, 4`, or that it said nothing in time. */
export interface PrinterReport {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperNearEnd: boolean;
}
export type PrinterAnswer = PrinterReport | 'no-answer';

export const DEVICE_ALERT_KINDS = [
  'printer-offline',
  'paper-out',
  'paper-near-end',
  'cover-open',
  'print-failed',
  /** A kiosk or board that dropped off the network and has not come back. */
  'device-offline',
] as const;
export type DeviceAlertKind = (typeof DEVICE_ALERT_KINDS)[number];

/** Something wrong with a device that staff should fix: one per device and kind. */
export interface DeviceAlert {
  readonly deviceId: string;
  readonly kind: DeviceAlertKind;
  readonly since: Instant;
  readonly message: string;
  /** The ticket that did not print, for `print-failed`: reception can reprint it. */
  readonly ticketId?: string;
  readonly ticketNumber?: string;
}

/** Sent to staff whenever an alert is raised (`active`) or cleared. */
export interface DeviceAlertChange {
  readonly alert: DeviceAlert;
  readonly active: boolean;
}

/** Whether a ticket can be printed now (paper near its end still prints). */
export const isPrintable = (answer: PrinterAnswer): boolean =>
  answer !== 'no-answer' && answer.online && !answer.coverOpen && !answer.paperOut;

export const DeviceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9._-]+$/);

const PrinterReportSchema = z.strictObject({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperOut: z.boolean(),
  paperNearEnd: z.boolean(),
});

/** A kiosk that prints itself (Electron, USB) tells the server what its printer said. */
export const KioskPrinterStatusPayload = z.strictObject({
  status: z.union([PrinterReportSchema, z.literal('no-answer')]),
});

/** A kiosk that prints itself reports how printing an issued ticket went. */
export const KioskPrintResultPayload = z.strictObject({
  requestId: RequestId,
  ticketId: TicketIdSchema,
  ok: z.boolean(),
  error: z.string().trim().min(1).max(300).optional(),
});

/** Reception prints a ticket again, on a named kiosk's printer or the ticket's own kiosk's. */
export const ReprintTicketPayload = z.strictObject({
  requestId: RequestId,
  ticketId: TicketIdSchema,
  kioskId: DeviceIdSchema.optional(),
  language: LanguageSchema.optional(),
});

/** An administrator prints the code-page test on a kiosk's printer (Settings). */
export const PrinterTestPagePayload = z.strictObject({
  requestId: RequestId,
  kioskId: DeviceIdSchema,
});

/** A booking code as printed on the confirmation: 4 to 12 letters and digits. */
export const BookingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,12}$/, '4 to 12 letters and digits');

export const BookingCheckInPayload = z.strictObject({
  requestId: RequestId,
  code: BookingCodeSchema,
  language: LanguageSchema.optional(),
});

export interface ReprintAnswer {
  readonly ticketId: string;
  readonly number: string;
  readonly kioskId: string;
}

export type KioskPrinterStatusPayload = z.infer<typeof KioskPrinterStatusPayload>;
export type KioskPrintResultPayload = z.infer<typeof KioskPrintResultPayload>;
export type ReprintTicketPayload = z.infer<typeof ReprintTicketPayload>;
export type BookingCheckInPayload = z.infer<typeof BookingCheckInPayload>;
export type PrinterTestPagePayload = z.infer<typeof PrinterTestPagePayload>;
