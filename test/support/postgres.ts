/**
 * The throwaway PostgreSQL server the hub's tests run against; it lives in
 * scripts/lib/throwaway-postgres.ts so that `npm run demo:city` and the benchmark use the same one.
 */
export {
  postgresBinaries,
  startPostgres,
  type ThrowawayPostgres as TestPostgres,
  type ThrowawayPostgresOptions,
} from '../../scripts/lib/throwaway-postgres';
