/**
 * The centres' appeals at the hub (`POST /api/hub/appeals`, the 115 view at
 * `GET /api/hub/appeals`): what each centre's journal holds, without personal data, and how
 * pressing each open appeal is by core's own rule (`appealUrgency`) in its centre's zone.
 */
import { type Appeal, type Instant, type LocalizedText, appealUrgency } from '@queue/core';
import type { CityAppeal, CityAppealsView } from '@queue/protocol';
import type pg from 'pg';
import { z } from 'zod';
import { profilesOf } from './profiles';

const id = z.string().min(1).max(200);
const day = z.iso.date();
const instant = z.number().int().min(0).max(8.64e15);

export const appealsSchema = z.strictObject({
  appeals: z
    .array(
      z.strictObject({
        id,
        number: z.string().min(1).max(50),
        status: z.string().min(1).max(50),
        channel: z.string().min(1).max(50),
        appealClass: z.string().min(1).max(10).optional(),
        organisationId: id,
        receivedAt: instant,
        receivedDay: day,
        classifyDueDay: day,
        answerDueDay: day,
        finalDueDay: day,
        extended: z.boolean(),
        forwarded: z.boolean(),
        closedAt: instant.optional(),
        reopened: z.number().int().min(0).max(1_000),
        updatedAt: instant,
      }),
    )
    .max(5_000),
});

export const saveAppeals = async (
  pool: pg.Pool,
  centreId: string,
  appeals: readonly CityAppeal[],
): Promise<number> => {
  if (appeals.length === 0) return 0;
  const column = <T>(pick: (appeal: CityAppeal) => T): T[] => appeals.map(pick);
  const saved = await pool.query(
    `INSERT INTO centre_appeals (centre_id, appeal_id, number, status, organisation_id, received_day, answer_due_day,
       closed_at, updated_at, appeal)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::bigint[],
       $9::bigint[], $10::jsonb[])
     ON CONFLICT (centre_id, appeal_id) DO UPDATE SET number = excluded.number, status = excluded.status,
       organisation_id = excluded.organisation_id, received_day = excluded.received_day,
       answer_due_day = excluded.answer_due_day, closed_at = excluded.closed_at, updated_at = excluded.updated_at,
       appeal = excluded.appeal
     WHERE centre_appeals.updated_at <= excluded.updated_at`,
    [
      centreId,
      column((a) => a.id),
      column((a) => a.number),
      column((a) => a.status),
      column((a) => a.organisationId),
      column((a) => a.receivedDay),
      column((a) => a.answerDueDay),
      column((a) => a.closedAt ?? null),
      column((a) => a.updatedAt),
      column((a) => JSON.stringify(a)),
    ],
  );
  return saved.rowCount ?? 0;
};

const RANK = { overdue: 0, 'due-soon': 1, 'on-time': 2, closed: 3 } as const;

export interface AppealsQuery {
  readonly centreId?: string;
  readonly organisationId?: string;
  /** Closed ones too (the last `limit`); open ones only by default. */
  readonly all?: boolean;
  readonly limit?: number;
}

export const cityAppeals = async (
  pool: pg.Pool,
  query: AppealsQuery,
  now: number,
): Promise<CityAppealsView> => {
  const rows = await pool.query<{ centre_id: string; appeal: CityAppeal; name: string }>(
    `SELECT a.centre_id, a.appeal, c.name FROM centre_appeals a JOIN centres c ON c.id = a.centre_id
      WHERE ($1::text IS NULL OR a.centre_id = $1) AND ($2::text IS NULL OR a.organisation_id = $2)
        AND ($3 OR a.status NOT IN ('answered', 'dismissed'))
      ORDER BY a.answer_due_day, a.received_day LIMIT $4`,
    [query.centreId ?? null, query.organisationId ?? null, query.all === true, query.limit ?? 2_000],
  );
  const profiles = await profilesOf(pool);
  const plain = (text: string): LocalizedText => ({ uk: text, ru: text, en: text });
  const appeals = rows.rows.map((row) => {
    const catalogue = profiles.get(row.centre_id)?.catalogue;
    const timeZone = catalogue?.site.timeZone ?? 'UTC';
    return {
      ...row.appeal,
      centreId: row.centre_id,
      centreName: catalogue?.site.name ?? plain(row.name),
      organisationName:
        catalogue?.organisations.find((organisation) => organisation.id === row.appeal.organisationId)
          ?.name ?? plain(row.appeal.organisationId),
      urgency: appealUrgency(row.appeal as unknown as Appeal, now as Instant, { timeZone }),
    };
  });
  appeals.sort((a, b) => RANK[a.urgency] - RANK[b.urgency] || a.answerDueDay.localeCompare(b.answerDueDay));
  const totals = new Map<string, CityAppealsView['totals'][number]>();
  for (const appeal of appeals) {
    if (appeal.urgency === 'closed') continue;
    const key = `${appeal.centreId}\u0000${appeal.organisationId}`;
    const entry = totals.get(key) ?? {
      centreId: appeal.centreId,
      organisationId: appeal.organisationId,
      open: 0,
      overdue: 0,
      dueSoon: 0,
    };
    totals.set(key, {
      ...entry,
      open: entry.open + 1,
      overdue: entry.overdue + (appeal.urgency === 'overdue' ? 1 : 0),
      dueSoon: entry.dueSoon + (appeal.urgency === 'due-soon' ? 1 : 0),
    });
  }
  return { at: now, appeals, totals: [...totals.values()] };
};
