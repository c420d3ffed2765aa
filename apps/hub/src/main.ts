/**
 * The city hub: `npm run hub`. Reads the environment (environment.ts), brings the database
 * schema up to date (migrations.ts; safe with several hubs starting at once), then serves
 * the API (app.ts). On SIGTERM or SIGINT it stops taking connections, lets requests in flight
 * finish, closes the pool and exits 0. Logs are JSON lines on stdout; the first line after a
 * successful start is `{"event":"listening","host":…,"port":…}`.
 */
import pg from 'pg';
import { createHubApp } from './app';
import { readHubEnvironment } from './environment';
import { migrate } from './migrations';

const log = (event: string, fields: Record<string, unknown> = {}): void => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
};

const main = async (): Promise<void> => {
  const environment = readHubEnvironment(process.env);
  const pool = new pg.Pool({
    connectionString: environment.databaseUrl,
    max: 10,
    application_name: 'queue-hub',
  });
  // A connection the server drops (a restart, a failover) must not take the hub down: an idle
  // one is reported by the pool, a checked-out one by itself (its query fails and is answered 500).
  pool.on('error', (error) => log('database-error', { message: error.message }));
  pool.on('connect', (client) =>
    client.on('error', (error) => log('database-error', { message: error.message })),
  );
  const applied = await migrate(pool);
  if (applied.length > 0) log('migrated', { versions: applied });
  const hub = createHubApp({
    pool,
    adminToken: environment.adminToken,
    onError: (error) =>
      log('request-failed', { message: error instanceof Error ? error.message : String(error) }),
  });
  const { server } = hub;
  // The live view and the projection catch up in the background; ingest works meanwhile.
  hub
    .start()
    .catch((error: unknown) =>
      log('catch-up-failed', { message: error instanceof Error ? error.message : String(error) }),
    );
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(environment.port, environment.host, () => resolveListen());
  });
  const address = server.address();
  log('listening', {
    host: environment.host,
    port: typeof address === 'object' && address ? address.port : environment.port,
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log('stopping', { signal });
    server.close(() => {
      hub
        .stop()
        .then(() => pool.end())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    {
      // Pushed streams never end by themselves: end them so the server can close.
      hub.live.endStreams();
    }
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
