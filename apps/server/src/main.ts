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
import { NoCentreError } from './app';
import { backupFolderFor } from './backup';
import { type Environment, readEnvironment } from './environment';
import { createLogger } from './logger';
import { CannotSetUpError } from './setup-mode/setup-server';
import { startCentre } from './setup-mode/start-centre';

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

/** What stops the server now: setup mode until the centre runs, then the centre. */
let stopNow: (() => Promise<unknown>) | undefined;
let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  (stopNow ?? (() => Promise.resolve()))()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      logger.error('stop failed', { error });
      process.exit(1);
    });
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

const printSetupMode = (scheme: string, setupPort: number, code: string): void => {
  const remote = host === '0.0.0.0' ? lanAddresses() : /^(127\.|::1$|localhost$)/.test(host) ? [] : [host];
  process.stdout.write(
    [
      '',
      'Queue server is in setup mode: this database holds no centre yet.',
      `  On this machine open ${scheme}://localhost:${setupPort}/setup (no code needed).`,
      ...remote.map((address) => `  From another computer: ${scheme}://${address}:${setupPort}/setup`),
      `  Away from this machine (or through a proxy) the page asks for the one-time setup code ${code}`,
      '  Or stop the server and run `npm run setup` (docs/deployment.md).',
      '  The centre starts here as soon as it is set up.',
      '',
    ].join('\n') + '\n',
  );
};

const main = async (): Promise<void> => {
  const tls = tlsFrom(settings.tls);
  const demo = settings.demo;
  const autoApproveLoopback = demo && settings.demoAutoPair;
  const scheme = tls ? 'https' : 'http';
  const { app, port: actualPort } = await startCentre(
    {
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
    },
    port,
    host,
    {
      onSetupMode: (mode, setupPort) => {
        stopNow = () => mode.close();
        printSetupMode(scheme, setupPort, mode.code);
      },
    },
  );
  stopNow = () => app.close();
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
      displayToken
        ? `  Window:  ${base}/window/?desk=5&device=${displayToken}`
        : `  Window:  ${base}/window/?desk=5`,
      demo
        ? `  Desk:    ${base}/desk/   (demo logins in README: operator1 / 1111, reception / 0000, admin / admin)`
        : `  Desk:    ${base}/desk/`,
      `  Health:  ${base}/health`,
      autoApproveLoopback
        ? '  Demo mode: devices opened on this machine are paired automatically; others show a code to approve.'
        : '  New devices show a pairing code: approve it in the desk app, tab Devices (administrator).',
      ...hosts.slice(1).map((address) => `  On the LAN: ${scheme}://${address}:${actualPort}/`),
      '',
    ].join('\n') + '\n',
  );

  stopNow = () => Promise.all([advertisement?.stop(), app.close()]);
};

/**
 * sysexits' EX_CONFIG: the unit does not restart on it (RestartPreventExitStatus). Only for
 * a database no setup can help (staff but no centre): an empty one gets the setup page.
 */
const EXIT_NOT_SET_UP = 78;

main().catch((error: unknown) => {
  if (error instanceof NoCentreError || error instanceof CannotSetUpError) {
    logger.error('not set up', { error: error.message });
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_NOT_SET_UP);
  }
  logger.error('start failed', { error });
  process.exit(1);
});
