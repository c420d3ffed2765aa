/**
 * The composition root: one HTTP server carrying the web front ends, the login endpoint and
 * socket.io; the queue service over the SQLite store; a scheduler for postponements and the
 * day's rollover. Tests start it on port 0 with their own clock and database file.
 */
import { hostname } from 'node:os';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import type { Centre, DeskId, KioskPrinter, QueueCommand, TicketId } from '@queue/core';
import {
  AuditStore,
  AppealStore,
  BookingStore,
  ConfigStore,
  DeviceStore,
  PartnerKeyStore,
  PeopleStore,
  QueueStore,
  ReportStore,
  RatingStore,
  StaffDirectory,
  openDatabase,
} from '@queue/db';
import { serviceDayOf } from '@queue/core';
import type { ClientToServerEvents, ServerToClientEvents } from '@queue/protocol';
import { Server } from 'socket.io';
import { AlertCenter } from './alerts';
import { DevicePresence } from './device-presence';
import { type Timers, realTimers } from './timers';
import { Auditor } from './audit';
import { Authenticator, hasRole, isLoopback } from './auth';
import { type BackupOptions, scheduleBackups } from './backup';
import { type DatabaseLock, holdDatabaseLock } from './database-lock';
import { CentreConfig } from './centre-config';
import { bookingRoutes } from './bookings/book-http';
import { open311Routes } from './open311/routes';
import { BookingService } from './bookings/booking-service';
import { AppealService } from './appeals/appeal-service';
import { appealExportRoute } from './appeals/appeal-export';
import { appealRoutes } from './appeals/appeal-http';
import { STATUS_PAGE_LIMIT, createHttpHandler } from './http';
import type { FrontEnd } from './static-files';
import { LiveSockets } from './live-sockets';
import { type Logger, createLogger } from './logger';
import { clientAddressReader } from './client-address';
import { allowRequestFor, ownHostNames } from './origin';
import { PairingService } from './pairing';
import { type ServerIdentity, loadServerIdentity } from './server-identity';
import { type Clock, QueueService } from './queue-service';
import { hashToken } from './secrets';
import { DEFAULT_RETENTION_DAYS, type RetentionJob, startRetention } from './retention';
import { seedDemo } from './seed';
import { InFlight, type QueueSocket, answerUnknownEvents, registerHandlers } from './handlers';
import { PrintService } from './printing/print-service';
import { PrinterPoller } from './printing/printer-poller';
import { RateLimit } from './rate-limit';
import { liveStatusRoutes } from './status-page/live';
import { withKioskPrinters } from './printing/printer-settings';
import type { TransportFactory } from './printing/transports';
import { forHall, isStaff } from './sync';
import { SummaryBroadcast } from './summary-broadcast';
import { type RoomServer, StaffFanout } from './staff-fanout';
import { ticketOf } from '@queue/core';
import { reportExportRoute } from './reports/export-http';
import { prepareReportsInBackground } from './reports/prepare-reports';
import { ReportService } from './reports/report-service';
import { startSummaryJob } from './reports/summary-job';
import { HubSender } from './city/hub-sender';
import { appealsForCity, cityProfileOf, ratingsForCity } from './city/city-profile';
import { CatalogueOffer } from './city/catalogue-offer';
import { setupDoneRoutes } from './setup-mode/setup-http';
import { adoptServer } from './setup-mode/adopt-server';

export interface AppOptions {
  /** SQLite file; `:memory:` for throwaway runs. */
  readonly databaseFile: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Load the demo centre, staff and devices into an empty database. */
  readonly seedDemo?: boolean;
  readonly centre?: Centre;
  readonly frontEndDir?: (name: FrontEnd) => string;
  /** The booking page script's build; usually `apps/book/dist`. */
  readonly bookAppDir?: string;
  /** How often the scheduler runs, in ms. */
  readonly tickMs?: number;
  /** How long a kiosk or board may stay disconnected before staff are alerted (60 s). */
  readonly deviceOfflineAfterMs?: number;
  /** The timers grace periods, printer polls and background batches run on (tests fire them by hand). */
  readonly timers?: Timers;
  /** Scheduled online backups; none when absent. */
  readonly backup?: BackupOptions & { readonly intervalMs: number };
  /** Kiosk printers by device id, laid over the configuration (not saved). */
  readonly kioskPrinters?: Readonly<Record<string, KioskPrinter>>;
  /** Printer profiles; `hardware/printers` of the repository by default. */
  readonly printerProfilesDir?: string;
  /** How long to wait for a printer's status before taking it as offline (400 ms). */
  readonly printerStatusTimeoutMs?: number;
  /** How often an idle printer the server drives is asked for its status (10 s). */
  readonly printerPollMs?: number;
  /** For tests: how the server reaches a printer. */
  readonly printerTransport?: TransportFactory;
  /** Days to keep ticket notes and comments (90); older ones are purged daily and at start-up. */
  readonly retentionDays?: number;
  /** Serve HTTPS with this certificate and key (PEM text) instead of plain HTTP. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Browser origins besides the server's own that may open sockets, e.g. `https://desk.example`. */
  readonly allowedOrigins?: readonly string[];
  /** Host names besides the machine's own and IP addresses that requests may be sent to. */
  readonly allowedHosts?: readonly string[];
  /** Reverse proxies trusted to name the client in X-Forwarded-For. */
  readonly trustedProxies?: readonly string[];
  /** Device pairing: who is approved at once, and who may log staff in without a paired terminal. */
  readonly pairing?: PairingOptions;
  /** Names this server on the LAN and to its paired screens; the host name by default. */
  readonly serverId?: string;
  /** Ship the event log to this city hub with the centre's key (docs/city.md); none when absent. */
  readonly hub?: { readonly url: string; readonly key: string };
  /** The database's lock, already taken (by setup mode); released on close like the app's own. */
  readonly databaseLock?: DatabaseLock;
  /** Setup mode's server, already listening: taken over, so the centre starts on it without a gap. */
  readonly httpServer?: HttpServer;
}

export interface PairingOptions {
  /** Demo mode: approve pairing requests from the server's own machine at once (off by default). */
  readonly autoApproveLoopback?: boolean;
  /** Addresses whose browsers log staff in without pairing; the server's own machine by default. */
  readonly unpairedLoginsFrom?: (address: string) => boolean;
}

export interface Application {
  readonly httpServer: HttpServer;
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;
  readonly queue: QueueService;
  readonly demoTokens: Readonly<Record<string, string>>;
  /** Who this server is to its screens: announced on the LAN, pinned by paired devices. */
  readonly identity: Pick<ServerIdentity, 'serverId' | 'fingerprint'>;
  listen(port: number, host?: string): Promise<number>;
  /** Take an online backup now into the configured folder; resolves to the file. */
  backupNow(): Promise<string>;
  /** The retention job, to run a pass now (tests, administration). */
  readonly retention: RetentionJob;
  /** Settles when reports can be run: at once, or once an upgrade's rebuild is done. */
  readonly reportsReady: Promise<void>;
  close(): Promise<void>;
}

const SUMMARY_INTERVAL_MS = 250;
const MAX_MESSAGE_BYTES = 256 * 1024;

const DEFAULT_PROFILES_DIR = fileURLToPath(new URL('../../../hardware/printers', import.meta.url));

const defaultFrontEndDir = (name: string): string =>
  fileURLToPath(new URL(`../../${name}/dist`, import.meta.url));

/** The database has no centre yet: it must be set up (`npm run setup`) before the server runs. */
export class NoCentreError extends Error {}

export const createApplication = async (options: AppOptions): Promise<Application> => {
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? { now: () => Date.now() as ReturnType<Clock['now']> };
  // Held until close: a restore, or a second server, on this file is refused meanwhile.
  const databaseLock = options.databaseLock ?? holdDatabaseLock(options.databaseFile, 'server');
  const db = openDatabase(options.databaseFile);
  const store = new QueueStore(db);
  const people = new PeopleStore(db);
  const staffDirectory = new StaffDirectory(db, people);
  const config = new ConfigStore(db);
  const auditStore = new AuditStore(db);
  const audit = new Auditor(auditStore, () => clock.now(), logger);
  const demoTokens = options.seedDemo ? await seedDemo(db, config, people, clock.now()) : {};
  const configured = options.centre ?? config.load();
  if (!configured) {
    // A lock handed in stays with the caller, which goes on to set the centre up.
    if (!options.databaseLock) databaseLock.release();
    db.close();
    throw new NoCentreError(
      'The database holds no centre configuration: set the centre up on the setup page ' +
        '(/setup) or with `npm run setup` (see docs/deployment.md), or start the demo with QUEUE_DEMO=1.',
    );
  }
  const centre = options.kioskPrinters ? withKioskPrinters(configured, options.kioskPrinters) : configured;
  const queue = new QueueService(store, centre, clock, logger);
  const devices = new DeviceStore(db);
  const identity = loadServerIdentity(db, options.serverId);
  const deskById = (id: string) => queue.centre.desks.find((desk) => desk.id === id);
  const knownDesk = (id: string): boolean => deskById(id) !== undefined;
  const unpairedLoginsFrom = options.pairing?.unpairedLoginsFrom ?? isLoopback;
  const placement = {
    desk: deskById,
    organisationsOf: (staffId: string) => staffDirectory.byId(staffId)?.organisationIds ?? [],
    deskState: (id: string) => queue.state.desks[id as DeskId],
  };
  const auth = new Authenticator(people, placement, audit, { devices, unpairedLoginsFrom });
  const live = new LiveSockets();
  const autoApproveLoopback = options.pairing?.autoApproveLoopback ?? false;
  const pairing = new PairingService({
    devices,
    people,
    audit,
    logger,
    now: () => clock.now(),
    knownDesk,
    autoApprove: (address) => autoApproveLoopback && isLoopback(address),
    disconnect: (hashes) => live.close(hashes),
    online: (deviceId) => live.isOnline(deviceId),
    changed: () => devicesChanged(),
    server: identity,
  });
  const startedAt = Date.now();
  const alerts = new AlertCenter(logger, () => clock.now());
  const presence = new DevicePresence(
    alerts,
    (deviceId) => {
      const device = devices.deviceById(deviceId);
      return device !== undefined && device.revokedAt === undefined;
    },
    (deviceId) => live.isOnline(deviceId),
    options.deviceOfflineAfterMs,
    options.timers,
  );
  const inflight = new InFlight();
  const reports = new ReportService(
    new ReportStore(db),
    people,
    () => queue.centre,
    () => queue.state.serviceDay ?? serviceDayOf(clock.now(), queue.centre.site.timeZone),
    () => clock.now(),
    () => store.reportsReady,
  );
  const preparing = prepareReportsInBackground(store, logger, options.timers);
  const summaries = startSummaryJob(reports, logger);
  const printing = new PrintService({
    centre: () => queue.centre,
    alerts,
    logger,
    profilesDir: options.printerProfilesDir ?? DEFAULT_PROFILES_DIR,
    ...(options.printerStatusTimeoutMs ? { statusTimeoutMs: options.printerStatusTimeoutMs } : {}),
    ...(options.printerTransport ? { transportFor: options.printerTransport } : {}),
  });
  const printerPoller = new PrinterPoller({
    printing,
    timers: options.timers ?? realTimers,
    logger,
    ...(options.printerPollMs ? { intervalMs: options.printerPollMs } : {}),
  });
  printerPoller.start();

  const ratings = new RatingStore(db);
  const appealStore = new AppealStore(db);
  // In the background only: the queue never waits for the city (docs/city.md).
  const hubSender = options.hub
    ? new HubSender({
        url: options.hub.url,
        key: options.hub.key,
        store,
        db,
        timers: options.timers ?? realTimers,
        logger,
        profile: () => cityProfileOf(queue.centre, alerts.list()),
        ratingsSince: (after, limit) => ratingsForCity(ratings, after, limit),
        appealsSince: (after, limit) => appealsForCity(appealStore, after, limit),
      })
    : undefined;
  // The city catalogue is only fetched and offered; applying it is an administrator's act.
  const catalogueOffer = options.hub
    ? new CatalogueOffer({ ...options.hub, db, timers: options.timers ?? realTimers, logger })
    : undefined;

  const bookings = new BookingService(new BookingStore(db), auditStore, queue, logger);
  const partnerKeys = new PartnerKeyStore(db);
  const appeals = new AppealService({
    store: appealStore,
    staff: staffDirectory,
    audit,
    logger,
    centre: () => queue.centre,
    now: () => clock.now(),
    changed: (appealId) => appealsChanged(appealId),
  });
  const lookupTicket = (id: string) => ticketOf(queue.state, id as TicketId) ?? store.ticketById(id);
  const statusPageLimit = new RateLimit(STATUS_PAGE_LIMIT, 60_000);
  const liveStatus = liveStatusRoutes({
    queue,
    ratings,
    logger,
    lookupTicket,
    pageLimit: statusPageLimit,
    rated: () => hubSender?.notify(),
  });

  const allowedOrigins = options.allowedOrigins ?? [];
  const ownNames = ownHostNames(hostname(), options.allowedHosts ?? [], allowedOrigins);
  const handler = createHttpHandler({
    ownHostNames: ownNames,
    addressOf: clientAddressReader(options.trustedProxies ?? []),
    queue,
    auth,
    logger,
    frontEndDir: options.frontEndDir ?? defaultFrontEndDir,
    startedAt,
    lookupTicket,
    statusPageLimit,
    pairing,
    unpairedLoginsFrom,
    identity,
    closeConnections: (hashes) => live.close(hashes),
    isRated: (ticketId) => ratings.get(ticketId) !== undefined,
    routes: [
      ...setupDoneRoutes(),
      ...bookingRoutes(
        bookings,
        () => queue.centre.site.timeZone,
        options.bookAppDir ?? defaultFrontEndDir('book'),
      ),
      ...appealRoutes(appeals, () => queue.centre, options.bookAppDir ?? defaultFrontEndDir('book')),
      ...liveStatus.routes,
      ...open311Routes({
        appeals,
        store: appealStore,
        partnerKeys,
        audit,
        centre: () => queue.centre,
        now: () => clock.now(),
      }),
      appealExportRoute({
        auth,
        appeals,
        store: appealStore,
        audit,
        logger,
        centre: () => queue.centre,
        now: () => clock.now(),
        organisationsOf: placement.organisationsOf,
        staffName: (staffId) => staffDirectory.byId(staffId)?.name,
      }),
      reportExportRoute({
        auth,
        reports,
        audit,
        logger,
        centre: () => queue.centre,
        now: () => clock.now(),
        organisationsOf: placement.organisationsOf,
      }),
    ],
  });
  const httpServer: HttpServer = options.httpServer
    ? adoptServer(options.httpServer, handler)
    : options.tls
      ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
      : createServer(handler);
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    allowRequest: allowRequestFor(allowedOrigins, ownNames, (reason, value, address) => {
      logger.warn('connection refused', { reason, [reason]: value, address });
      audit.recordCoalesced(`${reason} ${value} ${address}`, {
        actor: 'unknown',
        action: 'connection:refused',
        details: { reason, [reason]: value },
        ...(address ? { address } : {}),
      });
    }),
    // Polling from allow-listed pages needs CORS answers; the server's own pages do not.
    ...(allowedOrigins.length > 0 ? { cors: { origin: [...allowedOrigins] } } : {}),
  });

  live.attach(io as unknown as Server);
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const principal = auth.authenticate(token, clock.now());
    if (!principal) {
      const { address } = socket.handshake;
      logger.warn('connection refused', { address });
      audit.recordCoalesced(`token ${address}`, {
        actor: 'unknown',
        action: 'connection:refused',
        details: { reason: 'token' },
        address,
      });
      return next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } }));
    }
    (socket as QueueSocket).data.principal = principal;
    (socket as QueueSocket).data.tokenHash = hashToken(token as string);
    if (principal.kind === 'device') pairing.seen(principal.deviceId);
    next();
  });

  // Administrators' device lists refresh on a push; a burst of changes is one push.
  let devicesChangedPending = false;
  const devicesChanged = (): void => {
    if (devicesChangedPending) return;
    devicesChangedPending = true;
    setImmediate(() => {
      devicesChangedPending = false;
      io.to('admins').emit('devices:changed');
    });
  };

  const staffFanout = new StaffFanout(io as unknown as RoomServer, 'staff', (socketId, { event }) => {
    // Kiosk tickets and the scheduler's events have no staff actor: no socket lookups for them.
    if (event.actor.kind !== 'staff') return false;
    const principal = (io.sockets.sockets.get(socketId) as QueueSocket | undefined)?.data.principal;
    return principal?.kind === 'staff' && principal.staffId === event.actor.staffId;
  });
  const waitingSummary = new SummaryBroadcast(() => queue.summary(), {
    whole: (summary) => io.emit('queue:summary', summary),
    change: (change) => io.emit('queue:summary-change', change),
  });

  const centreConfig = new CentreConfig(config, queue, clock, (next) => {
    io.emit('centre:updated', next);
    // Services added or taken away change the summary's shape: it goes out whole.
    scheduleSummary();
    printerPoller.wake();
  });
  alerts.onChange((change) => {
    io.to('staff').emit('device:alert', change);
    hubSender?.notify();
  });
  const appealsChanged = (appealId: string): void => {
    io.to('staff').emit('appeals:changed', { appealId });
    hubSender?.notify();
  };

  io.on('connection', (socket) => {
    const queueSocket = socket as QueueSocket;
    const principal = queueSocket.data.principal;
    void socket.join(isStaff(principal) ? 'staff' : 'public');
    if (principal.kind === 'staff' && hasRole(principal, 'admin')) void socket.join('admins');
    registerHandlers(queueSocket, {
      queue,
      store,
      logger,
      config: centreConfig,
      alerts,
      printing,
      inflight,
      audit,
      pairing,
      staff: staffDirectory,
      bookings,
      appeals,
      appealStore,
      partnerKeys,
      reports,
      waitingSummary,
      ...(backups ? { backupNow: () => backups.now() } : {}),
      ...(hubSender ? { hubStatus: () => hubSender.state() } : {}),
      ...(catalogueOffer ? { catalogueOffer } : {}),
    });
    answerUnknownEvents(queueSocket, logger);
    if (principal.kind === 'staff') {
      for (const alert of alerts.list()) queueSocket.emit('device:alert', { alert, active: true });
    } else {
      const { deviceId, name } = principal;
      presence.connected(deviceId);
      devicesChanged();
      socket.on('disconnect', () => {
        presence.disconnected(deviceId, name);
        devicesChanged();
      });
    }
    logger.info('connected', {
      principal: principal.kind === 'staff' ? principal.staffId : principal.deviceId,
    });
  });

  let summaryTimer: NodeJS.Timeout | undefined;
  const scheduleSummary = (): void => {
    summaryTimer ??= setTimeout(() => {
      summaryTimer = undefined;
      waitingSummary.publish();
    }, SUMMARY_INTERVAL_MS);
  };

  queue.onEvents((events) => {
    // The hall first: a call on the boards is what visitors wait for; staff screens can follow.
    if (events.some((entry) => entry.event.type === 'day:started')) summaries.dayClosed();
    for (const event of forHall(events)) io.to('public').emit('queue:event', event);
    staffFanout.send(events);
    scheduleSummary();
    hubSender?.notify();
  });

  const tick = (): void => {
    const command: QueueCommand = { type: 'tick', at: clock.now(), actor: { kind: 'system' } };
    const answer = queue.execute(command, () => null);
    if (!answer.ok) logger.warn('tick refused', { error: answer.error });
    bookings.markMissed();
    // Longest waits grow with time alone: screens get the minutes that moved.
    scheduleSummary();
    store.pruneAnswers(Date.now() - 24 * 3_600_000);
    // Sessions past their time (and anything ended elsewhere) lose their live connections.
    live.sweep((tokenHash) => auth.stillValid(tokenHash, clock.now()), audit);
  };
  const ticker = setInterval(tick, options.tickMs ?? 5_000);
  const backups = options.backup ? scheduleBackups(db, options.backup, logger) : undefined;
  ticker.unref();
  const retention = startRetention(db, auditStore, {
    days: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
    now: () => clock.now(),
    logger,
    appealPersonalDataYears: () => appeals.policy.personalDataYears,
  });
  hubSender?.start();
  catalogueOffer?.start();

  return {
    httpServer,
    io,
    queue,
    demoTokens,
    identity: { serverId: identity.serverId, fingerprint: identity.fingerprint },
    reportsReady: preparing.done,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolveListen, reject) => {
        const taken = httpServer.address();
        if (options.httpServer && typeof taken === 'object' && taken) return resolveListen(taken.port);
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolveListen(typeof address === 'object' && address ? address.port : port);
        });
      }),
    retention,
    backupNow: () => {
      if (!backups) return Promise.reject(new Error('Backups are not configured (QUEUE_BACKUP_DIR).'));
      return backups.now();
    },
    close: async () => {
      clearInterval(ticker);
      presence.close();
      retention.stop();
      liveStatus.close();
      await backups?.stop();
      summaries.stop();
      preparing.stop();
      if (summaryTimer) clearTimeout(summaryTimer);
      printerPoller.stop();
      await hubSender?.stop();
      await catalogueOffer?.stop();
      await printing.close();
      const closed = new Promise<void>((resolveClose) => {
        void io.close(() => resolveClose());
      });
      // A client halfway through a request would hold the close open until Node's header
      // timeout (a minute), and a restart with it: the sockets have been told; cut the rest.
      httpServer.closeAllConnections();
      await closed;
      if (httpServer.listening) {
        await new Promise<void>((resolveClose) => httpServer.close(() => resolveClose()));
      }
      db.close();
      databaseLock.release();
    },
  };
};
