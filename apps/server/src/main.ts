/**
 * Starts the queue server from the command line: `npm start` at the top of the repo.
 * Settings come from the environment (see README): QUEUE_PORT, QUEUE_HOST, QUEUE_DB,
 * QUEUE_DEMO, QUEUE_LOG_LEVEL, QUEUE_TIME_START for training and tests, and
 * QUEUE_KIOSK_PRINTERS (JSON, kiosk printers by device id) until the administration screens,
 * QUEUE_TLS_CERT and QUEUE_TLS_KEY (PEM files: serve HTTPS), QUEUE_ALLOWED_ORIGINS and
 * QUEUE_RETENTION_DAYS; QUEUE_DEMO_AUTOPAIR=0 keeps demo pairing requests from the server's own
 * machine waiting for an administrator like any other; QUEUE_MDNS=0 stops the LAN announcement,
 * QUEUE_SERVER_ID names this server in it (default: the host name) next to the fingerprint of
 * its identity key, which it keeps in the database. All of them are checked at
 * start by `readEnvironment` (environment.ts): a bad value stops the server with a message
 * naming each bad variable, and exit code 1.
 */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { Instant } from '@queue/core';
import { type Advertisement, advertiseServer } from '@queue/discovery';
import { NoCentreError, createApplication } from './app';
import { backupFolderFor } from './backup';
import { type Environment, readEnvironment } from './environment';
import { createLogger } from './logger';

/** The settings, or a clear message on stderr and exit code 1 when any is bad. */
const readSettings = (): Environment => {
  try {
    return readEnvironment(process.env);
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\nThe queue server did not start (see README for the environment variables).\n`,
    );
    process.exit(1);
  }
};

const settings = readSettings();
const { port, host } = settings;
const databaseFile = resolve(settings.databaseFile);
const logger = createLogger(settings.logLevel);

/** A clock that starts at a chosen instant and runs at real speed (training and tests). */
const clockFrom = (start: string | undefined) => {
  if (!start) return { now: () => Date.now() as Instant };
  const offset = Date.parse(start) - Date.now();
  if (Number.isNaN(offset)) throw new Error(`QUEUE_TIME_START is not a date: ${start}`);
  return { now: () => (Date.now() + offset) as Instant };
};

/** HTTPS when a certificate and a key are given (readEnvironment refuses one without the other). */
const tlsFrom = (files: Environment['tls']) =>
  files && {
    cert: readFileSync(resolve(files.certFile), 'utf8'),
    key: readFileSync(resolve(files.keyFile), 'utf8'),
  };

const lanAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry?.address ?? '');

const main = async (): Promise<void> => {
  const tls = tlsFrom(settings.tls);
  const demo = settings.demo;
  const autoApproveLoopback = demo && settings.demoAutoPair;
  const app = await createApplication({
    databaseFile,
    clock: clockFrom(settings.timeStart),
    logger,
    seedDemo: demo,
    pairing: { autoApproveLoopback },
    ...(settings.serverId ? { serverId: settings.serverId } : {}),
    backup: {
      // Beside the database unless set: a server on another file never writes into data/backups.
      folder: backupFolderFor(settings.backup.folder, databaseFile),
      keep: settings.backup.keep,
      intervalMs: settings.backup.hours * 3_600_000,
    },
    ...(settings.kioskPrinters ? { kioskPrinters: settings.kioskPrinters } : {}),
    retentionDays: settings.retentionDays,
    printerPollMs: settings.printerPollSeconds * 1000,
    allowedOrigins: settings.allowedOrigins,
    allowedHosts: settings.allowedHosts,
    trustedProxies: settings.trustedProxies,
    ...(tls ? { tls } : {}),
    ...(settings.hub ? { hub: settings.hub } : {}),
  });
  const scheme = tls ? 'https' : 'http';
  const actualPort = await app.listen(port, host);
  logger.info('listening', { port: actualPort, host, databaseFile, scheme });
  // Kiosks, boards and desks find the server by this announcement unless given its URL; a
  // server listening on loopback only cannot be reached from them, so it keeps quiet.
  const loopbackOnly = /^(127\.|::1$|localhost$)/.test(host);
  const advertisement: Advertisement | undefined =
    !settings.mdns || loopbackOnly
      ? undefined
      : advertiseServer({
          port: actualPort,
          tls: tls !== undefined,
          serverId: app.identity.serverId,
          fingerprint: app.identity.fingerprint,
          onError: (error) => logger.warn('mDNS announcement failed', { error: error.message }),
        });

  const hosts = host === '0.0.0.0' ? ['localhost', ...lanAddresses()] : [host];
  const base = `${scheme}://${hosts[0]}:${actualPort}`;
  const kioskToken = app.demoTokens['kiosk-1'];
  const displayToken = app.demoTokens['display-1'];
  process.stdout.write(
    [
      '',
      'Queue server is running.',
      kioskToken ? `  Kiosk:   ${base}/kiosk/?device=${kioskToken}` : `  Kiosk:   ${base}/kiosk/`,
      displayToken ? `  Display: ${base}/display/?device=${displayToken}` : `  Display: ${base}/display/`,
      `  Desk:    ${base}/desk/   (demo logins in README: operator1 / 1111, reception / 0000, admin / admin)`,
      `  Health:  ${base}/health`,
      autoApproveLoopback
        ? '  Demo mode: devices opened on this machine are paired automatically; others show a code to approve.'
        : '  New devices show a pairing code: approve it in the desk app, tab Devices (administrator).',
      ...hosts.slice(1).map((address) => `  On the LAN: ${scheme}://${address}:${actualPort}/`),
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    Promise.all([advertisement?.stop(), app.close()])
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error('stop failed', { error });
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
};

/** sysexits' EX_CONFIG: the unit does not restart on it (RestartPreventExitStatus), since only setup helps. */
const EXIT_NOT_SET_UP = 78;

main().catch((error: unknown) => {
  if (error instanceof NoCentreError) {
    logger.error('not set up', { error: error.message });
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_NOT_SET_UP);
  }
  logger.error('start failed', { error });
  process.exit(1);
});
