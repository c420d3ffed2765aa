/**
 * Branded identifiers and units. A `DeskId` cannot be passed where a `TicketId` is
 * expected, and minutes are never confused with milliseconds. One constructor each.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Internal, unguessable identifier of a ticket (a visit). */
export type TicketId = Brand<string, 'TicketId'>;
/** Identifier of a desk (a window, a room) in the hall. */
export type DeskId = Brand<string, 'DeskId'>;
/** Stable code of a service from the catalogue, e.g. `bill-reconcile`. */
export type ServiceCode = Brand<string, 'ServiceCode'>;
/** Identifier of a staff member. */
export type StaffId = Brand<string, 'StaffId'>;
/** Identifier of an organisation hosted at the centre. */
export type OrganisationId = Brand<string, 'OrganisationId'>;
/** Identifier of a kiosk menu category. */
export type CategoryId = Brand<string, 'CategoryId'>;
/** A duration in whole or fractional minutes. */
export type Minutes = Brand<number, 'Minutes'>;
/** An instant, in milliseconds since the Unix epoch (UTC). */
export type Instant = Brand<number, 'Instant'>;
/** A calendar day in the site's own time zone, `YYYY-MM-DD`. */
export type ServiceDay = Brand<string, 'ServiceDay'>;

export const ticketId = (value: string): TicketId => value as TicketId;
export const deskId = (value: string): DeskId => value as DeskId;
export const serviceCode = (value: string): ServiceCode => value as ServiceCode;
export const staffId = (value: string): StaffId => value as StaffId;
export const organisationId = (value: string): OrganisationId => value as OrganisationId;
export const categoryId = (value: string): CategoryId => value as CategoryId;
export const minutes = (value: number): Minutes => value as Minutes;
export const instant = (value: number): Instant => value as Instant;
export const serviceDay = (value: string): ServiceDay => value as ServiceDay;

export const MS_PER_MINUTE = 60_000;

export const minutesBetween = (from: Instant, to: Instant): Minutes => minutes((to - from) / MS_PER_MINUTE);

export const addMinutes = (at: Instant, amount: number): Instant => instant(at + amount * MS_PER_MINUTE);
