/**
 * A city's year written straight into the hub's projection in SQL (generate_series), then the
 * city report timed over it: `centres` centres × `days` days × `perDay` visits, each a
 * visit segment of the demo catalogue's kiosk services at a desk that serves it, entered
 * within the day's opening hours (08:00–21:00 in Kyiv), waiting 0–40 minutes, served 3–20,
 * mostly completed (90 %; 4 % no-shows, 3 % cancelled, 3 % transferred); one completed visit
 * in ten rated; a centre_profiles row per centre with the demo catalogue. Pseudo-random
 * values are hashes of the row's numbers, so the same sizes give the same rows.
 */
import { DEMO_CENTRE } from '@queue/core';
import pg from 'pg';
import { migrate } from '../../apps/hub/src/migrations';
import type { ThrowawayPostgres } from '../../scripts/lib/throwaway-postgres';
import { monotonicMs } from '../lib/processes';

export interface CityYear {
  readonly pool: pg.Pool;
  readonly segments: number;
  readonly ratings: number;
  readonly from: string;
  readonly to: string;
  readonly seconds: number;
}

/** A value in [0, 1) from the row's numbers: a multiplicative hash, stable between runs. */
const unit = (salt: number): string =>
  `((((k * 7919 + d.n * 104729 + v.n * 1299709 + ${salt} * 15485863)::bigint * 2654435761) % 1000003) / 1000003.0)`;

/** The kiosk services and, for each, the first demo desk that serves it. */
const servicesWithDesks = (): { codes: string[]; desks: string[]; operators: string[] } => {
  const rows = DEMO_CENTRE.services
    .filter((service) => service.onKiosk && !service.hours)
    .map((service) => ({
      code: service.code as string,
      desk: DEMO_CENTRE.desks.find((desk) => desk.services.some((entry) => entry.code === service.code)),
    }))
    .filter((row) => row.desk !== undefined);
  return {
    codes: rows.map((row) => row.code),
    desks: rows.map((row) => row.desk?.id ?? ''),
    operators: rows.map((row) => `operator${row.desk?.number ?? 0}`),
  };
};

export const fillCityYear = async (
  postgres: ThrowawayPostgres,
  centres: number,
  days: number,
  perDay: number,
  lastDay: string,
): Promise<CityYear> => {
  const pool = new pg.Pool({ connectionString: await postgres.createDatabase('bench_city'), max: 4 });
  pool.on('error', () => undefined);
  await migrate(pool);
  const from = new Date(Date.parse(`${lastDay}T12:00:00Z`) - (days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const started = monotonicMs();
  await pool.query(
    `INSERT INTO centres (id, name, key_hash)
     SELECT 'c' || lpad(k::text, 2, '0'), 'Centre ' || k, md5('bench-key-' || k) FROM generate_series(1, $1) k`,
    [centres],
  );
  const catalogue = { ...DEMO_CENTRE, boards: [], kiosks: [] };
  await pool.query(
    `INSERT INTO centre_profiles (centre_id, profile)
     SELECT id, jsonb_build_object('catalogue', jsonb_set($1::jsonb, '{site,name}',
              jsonb_build_object('uk', name, 'ru', name, 'en', name)), 'alerts', '[]'::jsonb)
       FROM centres`,
    [JSON.stringify(catalogue)],
  );
  const { codes, desks, operators } = servicesWithDesks();
  const openMs = 13 * 3_600_000;
  // One statement per centre keeps each transaction (and its WAL) a manageable size.
  for (let k = 1; k <= centres; k += 1) {
    await pool.query(
      `INSERT INTO visit_segments (centre_id, ticket_id, segment, service_day, service_code, source, entered_at,
         first_called_at, serving_started_at, ended_at, outcome, desk_id, operator_id, priority_category,
         priority_confirmed, appointment_at)
       SELECT 'c' || lpad(k::text, 2, '0'), 'y' || d.n || '-' || v.n, 0, day, ($3::text[])[i], source, entered,
              CASE WHEN outcome = 'cancelled' THEN NULL ELSE entered + wait END,
              CASE WHEN outcome IN ('completed', 'transferred') THEN entered + wait + 20000 END,
              CASE WHEN outcome IN ('completed', 'transferred') THEN entered + wait + 20000 + service
                   ELSE entered + wait + 180000 END,
              outcome,
              CASE WHEN outcome = 'cancelled' THEN NULL ELSE ($4::text[])[i] END,
              CASE WHEN outcome = 'cancelled' THEN NULL ELSE ($5::text[])[i] END,
              CASE WHEN ${unit(6)} < 0.03 THEN 'veteran' END,
              CASE WHEN ${unit(6)} < 0.027 THEN 1 ELSE 0 END,
              CASE WHEN source = 'booking' THEN entered + 300000 END
         FROM (SELECT $6::int AS k) centre
        CROSS JOIN generate_series(0, $1 - 1) d(n)
        CROSS JOIN generate_series(0, $2 - 1) v(n)
        CROSS JOIN LATERAL (
          SELECT (date '${from}' + d.n) AS day,
                 1 + floor(${unit(1)} * array_length($3::text[], 1))::int AS i,
                 CASE WHEN ${unit(2)} < 0.1 THEN 'booking' ELSE 'kiosk' END AS source,
                 (extract(epoch FROM ((date '${from}' + d.n) + time '08:00') AT TIME ZONE 'Europe/Kyiv') * 1000)::bigint
                   + (v.n::bigint * ${openMs} / $2) AS entered,
                 floor(${unit(3)} * 40 * 60000)::bigint AS wait,
                 (180000 + floor(${unit(4)} * 17 * 60000))::bigint AS service,
                 CASE WHEN ${unit(5)} < 0.90 THEN 'completed' WHEN ${unit(5)} < 0.94 THEN 'no-show'
                      WHEN ${unit(5)} < 0.97 THEN 'cancelled' ELSE 'transferred' END AS outcome
        ) visit`,
      [days, perDay, codes, desks, operators, k],
    );
  }
  await pool.query(
    `INSERT INTO ratings (centre_id, ticket_id, service_day, service_code, desk_id, operator_id, score, at)
     SELECT centre_id, ticket_id, service_day, service_code, desk_id, operator_id, 1 + abs(hashtext(ticket_id)) % 5, ended_at
       FROM visit_segments WHERE outcome = 'completed' AND abs(hashtext(ticket_id || 'r')) % 10 = 0`,
  );
  await pool.query('ANALYZE');
  const counts = await pool.query<{ segments: string; ratings: string }>(
    'SELECT (SELECT count(*) FROM visit_segments) AS segments, (SELECT count(*) FROM ratings) AS ratings',
  );
  return {
    pool,
    segments: Number(counts.rows[0]?.segments ?? 0),
    ratings: Number(counts.rows[0]?.ratings ?? 0),
    from,
    to: lastDay,
    seconds: (monotonicMs() - started) / 1000,
  };
};
