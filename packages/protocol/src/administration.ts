/**
 * Administration on the wire: the whole centre configuration as one JSON document (its
 * shape here, its meaning in `validateCentre`), the versioned replace that imports and edits
 * it, staff accounts, and a supervisor moving a desk to other services.
 */
import {
  type Centre,
  type CentreChangeSummary,
  type CentreProblem,
  type CentreProblemKey,
  PUBLIC_LIMIT_BOUNDS,
  validateCentre,
} from '@queue/core';
import { z } from 'zod';
import { DeskIdSchema, RequestId, ServiceCodeSchema, StaffIdSchema } from './schemas';

/** A public-booking limit within its bounds (`PUBLIC_LIMIT_BOUNDS`). */
const bounded = (field: keyof typeof PUBLIC_LIMIT_BOUNDS) =>
  z.number().min(PUBLIC_LIMIT_BOUNDS[field].min).max(PUBLIC_LIMIT_BOUNDS[field].max);

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9._-]+$/);
const Name = z.string().max(200);
const Localized = (max = 200) =>
  z.strictObject({ uk: z.string().max(max), ru: z.string().max(max), en: z.string().max(max) });
const Minutes = z.number().max(24 * 60);
const Range = z.strictObject({ from: z.string().max(5), to: z.string().max(5) });
const Ranges = z.array(Range).max(8);
const Week = z.strictObject({
  1: Ranges.optional(),
  2: Ranges.optional(),
  3: Ranges.optional(),
  4: Ranges.optional(),
  5: Ranges.optional(),
  6: Ranges.optional(),
  7: Ranges.optional(),
});

const Printer = z.discriminatedUnion('transport', [
  z.strictObject({
    profileId: Id,
    transport: z.literal('tcp'),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535).optional(),
  }),
  z.strictObject({
    profileId: Id,
    transport: z.literal('device'),
    path: z.string().min(1).max(255),
    printedBy: z.enum(['server', 'kiosk']).optional(),
  }),
  z.strictObject({
    profileId: Id,
    transport: z.literal('usb'),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
  }),
]);

export const CentreSchema = z.strictObject({
  site: z.strictObject({
    name: Localized(),
    timeZone: z.string().max(64),
    hours: Week,
    specialDays: z
      .array(
        z.strictObject({ date: z.string().max(10), hours: Ranges, note: z.string().max(200).optional() }),
      )
      .max(400),
  }),
  organisations: z
    .array(
      z.strictObject({
        id: Id,
        name: Localized(),
        higherBody: z.strictObject({ name: Localized(), contact: z.string().max(500) }).optional(),
      }),
    )
    .max(100),
  categories: z.array(z.strictObject({ id: Id, name: Localized() })).max(100),
  services: z
    .array(
      z.strictObject({
        code: ServiceCodeSchema,
        categoryId: Id,
        organisationId: Id,
        name: Localized(),
        prefix: z.string().max(3),
        expectedMinutes: Minutes,
        waitingStandardMinutes: Minutes,
        dailyLimit: z.number().max(100_000).optional(),
        hours: Week.optional(),
        onKiosk: z.boolean(),
        outcomes: z.array(z.strictObject({ code: Id, name: Localized() })).max(50),
        outcomeRequired: z.boolean(),
      }),
    )
    .max(500),
  desks: z
    .array(
      z.strictObject({
        id: DeskIdSchema,
        name: Localized(),
        number: z.number().max(10_000),
        organisationId: Id,
        services: z
          .array(
            z.strictObject({ code: ServiceCodeSchema, weight: z.number().max(100), hours: Week.optional() }),
          )
          .max(500),
        zone: z.string().max(64).optional(),
      }),
    )
    .max(200),
  boards: z
    .array(
      z.strictObject({
        id: Id,
        name: Name,
        deskIds: z.array(DeskIdSchema).max(200),
        zone: z.string().max(64).optional(),
        language: z.enum(['uk', 'ru', 'en']),
        voice: z.enum(['clips', 'speech', 'chime']),
        muted: z.boolean(),
        ticker: Localized(2000),
        info: Localized(2000),
        showWaiting: z.boolean(),
      }),
    )
    .max(100),
  kiosks: z
    .array(
      z.strictObject({
        deviceId: Id,
        name: Name,
        printer: Printer.optional(),
        publicBaseUrl: z
          .url({ protocol: /^https?$/ })
          .max(200)
          .optional(),
      }),
    )
    .max(100),
  ticketTemplate: z.unknown().optional(),
  policy: z.strictObject({
    maxPriorityStreak: z.number().max(100),
    noShowAfterMinutes: Minutes,
    noShowAfterCalls: z.number().max(100),
    appointmentLeadMinutes: Minutes,
    maxPostponeMinutes: Minutes,
  }),
  booking: z
    .strictObject({
      enabled: z.boolean().optional(),
      services: z.array(ServiceCodeSchema).max(500).optional(),
      slotMinutes: Minutes.optional(),
      walkInShare: z.number().optional(),
      horizonDays: z.number().max(366).optional(),
      minLeadMinutes: z
        .number()
        .max(30 * 24 * 60)
        .optional(),
      graceMinutes: Minutes.optional(),
      earlyCheckInMinutes: Minutes.optional(),
      perPersonPerDay: z.number().max(100).optional(),
      perServicePerDay: z.number().max(100_000).optional(),
      publicPerAddressPerDay: bounded('publicPerAddressPerDay').int().optional(),
      publicNetworkShare: bounded('publicNetworkShare').optional(),
      publicShare: bounded('publicShare').optional(),
      burstThreshold: bounded('burstThreshold').int().optional(),
    })
    .optional(),
  appeals: z
    .strictObject({
      classifyDays: z.number().int().min(0).max(30).optional(),
      answerDays: z.number().int().min(1).max(90).optional(),
      extensionDays: z.number().int().min(0).max(90).optional(),
      totalDays: z.number().int().min(1).max(180).optional(),
      dayKind: z.enum(['calendar', 'working']).optional(),
      personalDataYears: z.number().int().min(1).max(75).optional(),
    })
    .optional(),
});

export type CheckedCentre =
  | { readonly ok: true; readonly centre: Centre }
  | { readonly ok: false; readonly problems: readonly CentreProblem[] };

const MAX_PROBLEMS = 50;

/** A document from a file or an editor, checked for shape then meaning; never throws. */
export const checkCentreDocument = (document: unknown): CheckedCentre => {
  const parsed = CentreSchema.safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
        path: issue.path.map(String).join('.'),
        key: 'shape' satisfies CentreProblemKey,
        params: { detail: issue.message },
      })),
    };
  }
  // The schema checks the shape of every field; the branded ids are plain strings on the wire.
  const centre = parsed.data as unknown as Centre;
  const problems = validateCentre(centre);
  return problems.length > 0
    ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) }
    : { ok: true, centre };
};

/** The configuration in force and its version, which a replace must name. */
export interface CentreDocument {
  readonly version: number;
  readonly centre: Centre;
}

export interface CentreReplaceAnswer {
  readonly version: number;
  readonly summary: CentreChangeSummary;
}

export const CentreReplacePayload = z.strictObject({
  requestId: RequestId,
  /** The version the edit was based on; a newer one in force means someone else saved first. */
  baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Checked by `checkCentreDocument` so that every problem is reported, not only the first. */
  centre: z.unknown(),
});

export const STAFF_ROLE_NAMES = ['operator', 'reception', 'call-centre', 'supervisor', 'admin'] as const;

/** A staff account as administrators see it: never its secret. */
export interface StaffAccount {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly roles: readonly (typeof STAFF_ROLE_NAMES)[number][];
  readonly organisationIds: readonly string[];
  readonly deskId?: string;
  readonly active: boolean;
}

const Secret = z.string().min(4).max(128);

export const StaffSavePayload = z.strictObject({
  requestId: RequestId,
  /** Absent: a new account (its `secret` is then required). */
  id: StaffIdSchema.optional(),
  login: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/),
  name: z.string().trim().min(1).max(120),
  roles: z.array(z.enum(STAFF_ROLE_NAMES)).min(1).max(STAFF_ROLE_NAMES.length),
  organisationIds: z.array(Id).max(30),
  deskId: DeskIdSchema.optional(),
  active: z.boolean(),
  secret: Secret.optional(),
});

export const StaffResetPasswordPayload = z.strictObject({
  requestId: RequestId,
  id: StaffIdSchema,
  secret: Secret,
});

export const DeskAssignServicesPayload = z.strictObject({
  requestId: RequestId,
  deskId: DeskIdSchema,
  services: z
    .array(z.strictObject({ code: ServiceCodeSchema, weight: z.number().min(0.1).max(100) }))
    .min(1)
    .max(500),
});

export type CentreReplacePayload = z.infer<typeof CentreReplacePayload>;
export type StaffSavePayload = z.infer<typeof StaffSavePayload>;
export type StaffResetPasswordPayload = z.infer<typeof StaffResetPasswordPayload>;
export type DeskAssignServicesPayload = z.infer<typeof DeskAssignServicesPayload>;
