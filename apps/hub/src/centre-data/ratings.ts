/**
 * Visitors' ratings as the centres send them (`POST /api/hub/ratings`): one per visit, the
 * first one counts (as at the centre), without the comment, which stays home. A centre's
 * position in its ratings is its own; a resend inserts nothing.
 */
import type pg from 'pg';
import { z } from 'zod';

const id = z.string().min(1).max(200);

export const ratingsSchema = z.strictObject({
  ratings: z
    .array(
      z.strictObject({
        ticketId: id,
        serviceDay: z.iso.date(),
        serviceCode: id,
        deskId: id.optional(),
        operatorId: id.optional(),
        score: z.number().int().min(1).max(5),
        at: z.number().int().min(0).max(8.64e15),
      }),
    )
    .max(5_000),
});

export type RatingsBody = z.infer<typeof ratingsSchema>;
export type IncomingRating = RatingsBody['ratings'][number];

/** Stores the ratings the hub does not have yet; returns those it stored. */
export const addRatings = async (
  pool: pg.Pool,
  centreId: string,
  ratings: readonly IncomingRating[],
): Promise<IncomingRating[]> => {
  if (ratings.length === 0) return [];
  const column = <T>(pick: (rating: IncomingRating) => T): T[] => ratings.map(pick);
  const stored = await pool.query<{ ticket_id: string }>(
    `INSERT INTO ratings (centre_id, ticket_id, service_day, service_code, desk_id, operator_id, score, at)
     SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::smallint[], $8::bigint[])
     ON CONFLICT (centre_id, ticket_id) DO NOTHING RETURNING ticket_id`,
    [
      centreId,
      column((r) => r.ticketId),
      column((r) => r.serviceDay),
      column((r) => r.serviceCode),
      column((r) => r.deskId ?? null),
      column((r) => r.operatorId ?? null),
      column((r) => r.score),
      column((r) => r.at),
    ],
  );
  const inserted = new Set(stored.rows.map((row) => row.ticket_id));
  // A batch naming one visit twice: the first copy is the one that counted.
  const seen = new Set<string>();
  return ratings.filter((rating) => {
    if (!inserted.has(rating.ticketId) || seen.has(rating.ticketId)) return false;
    seen.add(rating.ticketId);
    return true;
  });
};
