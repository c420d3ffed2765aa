/**
 * What a centre says of itself besides its events (`PUT /api/hub/profile`): its catalogue
 * (site, hours and holidays, organisations, categories, services, desks, policy), where
 * residents book at it, and its device alerts. Replaced whole each time; the live view, the
 * public page and the reports read organisations, standards and hours from it. The catalogue
 * is checked with the same rules as the centre's own configuration (core `validateCentre`).
 */
import { type Centre, validateCentre } from '@queue/core';
import type { CityDeviceAlert } from '@queue/protocol';
import type pg from 'pg';
import { z } from 'zod';

const named = z.looseObject({ name: z.record(z.string(), z.string()) });

export const profileSchema = z.strictObject({
  catalogue: z.looseObject({
    site: z.looseObject({
      name: z.record(z.string(), z.string()),
      timeZone: z.string().min(1).max(100),
      hours: z.record(z.string(), z.unknown()),
      specialDays: z.array(z.unknown()).max(1_000),
    }),
    organisations: z.array(named.extend({ id: z.string().min(1).max(100) })).max(200),
    categories: z.array(named.extend({ id: z.string().min(1).max(100) })).max(200),
    services: z
      .array(
        named.extend({
          code: z.string().min(1).max(100),
          organisationId: z.string().min(1).max(100),
          categoryId: z.string().min(1).max(100),
          waitingStandardMinutes: z
            .number()
            .int()
            .min(1)
            .max(24 * 60),
        }),
      )
      .max(1_000),
    desks: z.array(named.extend({ id: z.string().min(1).max(100) })).max(1_000),
    boards: z.array(z.unknown()).max(0).default([]),
    kiosks: z.array(z.unknown()).max(0).default([]),
    policy: z.record(z.string(), z.unknown()),
  }),
  /** Where a resident books a visit there, if it takes bookings: `<publicBaseUrl>/book`. */
  bookUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  alerts: z
    .array(
      z.strictObject({
        device: z.string().min(1).max(200),
        kind: z.string().min(1).max(100),
        since: z.number().int().min(0),
      }),
    )
    .max(500),
});

export type CentreProfileBody = z.infer<typeof profileSchema>;

export interface CentreProfile {
  readonly catalogue: Centre;
  readonly bookUrl?: string;
  readonly alerts: readonly CityDeviceAlert[];
}

/** The catalogue's problems by the centre's own rules, as text; none: it can be stored. */
export const profileProblems = (profile: CentreProfileBody): string[] => {
  try {
    return validateCentre(profile.catalogue as unknown as Centre).map(
      (problem) => `${problem.path}: ${problem.key}`,
    );
  } catch {
    return ['catalogue: not a centre configuration'];
  }
};

export const saveProfile = async (
  pool: pg.Pool,
  centreId: string,
  profile: CentreProfileBody,
): Promise<void> => {
  await pool.query(
    `INSERT INTO centre_profiles (centre_id, profile) VALUES ($1, $2::jsonb)
     ON CONFLICT (centre_id) DO UPDATE SET profile = excluded.profile, updated_at = now()`,
    [centreId, JSON.stringify(profile)],
  );
};

export const profilesOf = async (
  client: Pick<pg.Pool, 'query'>,
  centreIds?: readonly string[],
): Promise<Map<string, CentreProfile>> => {
  const rows = await client.query<{ centre_id: string; profile: CentreProfile }>(
    centreIds
      ? 'SELECT centre_id, profile FROM centre_profiles WHERE centre_id = ANY($1::text[])'
      : 'SELECT centre_id, profile FROM centre_profiles',
    centreIds ? [centreIds] : [],
  );
  return new Map(rows.rows.map((row) => [row.centre_id, row.profile]));
};
