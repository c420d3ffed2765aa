/**
 * The server in setup mode: started on an empty database without the demo, it holds the
 * database (as a running server does, so `npm run setup` and restores wait) and answers only
 * the setup page and its API (`setup-http.ts`); every other request, and every socket, gets
 * 503. The setup is written through this open database in one transaction; once its answer
 * has gone out, setup mode hands the database lock and its listening server to the centre.
 */
import { hostname } from 'node:os';
import { type Server as HttpServer, createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { openDatabase } from '@queue/db';
import { sendError } from '@queue/http';
import { clientAddressReader } from '../client-address';
import { type DatabaseLock, holdDatabaseLock } from '../database-lock';
import { setupStateOf, writeSetup } from '../first-run';
import { requestUrl } from '../http';
import { dispatch } from '../http-routes';
import type { Logger } from '../logger';
import { hostAllowed, ownHostNames } from '../origin';
import { RateLimit } from '../rate-limit';
import { SetupCode } from './setup-code';
import { SETUP_PATH, notSetUp, setupRoutes } from './setup-http';

export interface SetupModeOptions {
  readonly databaseFile: string;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly tls?: { readonly cert: string; readonly key: string };
  readonly allowedOrigins?: readonly string[];
  readonly allowedHosts?: readonly string[];
  readonly trustedProxies?: readonly string[];
  /** The one-time code; random unless a test names it. */
  readonly code?: string;
  /** Setup attempts per address and minute (10). */
  readonly attemptsPerMinute?: number;
}

export interface SetupMode {
  /** The one-time code for browsers away from the server's machine, as printed. */
  readonly code: string;
  listen(port: number, host?: string): Promise<number>;
  /** Settles once the centre is set up, with the database lock and the server to hand over. */
  readonly finished: Promise<{ readonly lock: DatabaseLock; readonly httpServer: HttpServer }>;
  /** Stop without a setup (the server is being stopped). */
  close(): Promise<void>;
}

/** The database holds staff but no centre: neither the page nor `npm run setup` can help. */
export class CannotSetUpError extends Error {}

const refuseSocket = (_request: unknown, socket: Duplex): void => {
  socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
};

export const openSetupMode = (options: SetupModeOptions, heldLock?: DatabaseLock): SetupMode => {
  const lock = heldLock ?? holdDatabaseLock(options.databaseFile, 'server');
  const db = openDatabase(options.databaseFile);
  if (setupStateOf(db) === 'staff-without-centre') {
    db.close();
    lock.release();
    throw new CannotSetUpError(
      `${options.databaseFile} holds staff accounts but no centre configuration: it is damaged or ` +
        'half restored. Restore a backup (npm run restore) or start from an empty file.',
    );
  }
  const now = options.now ?? Date.now;
  const code = new SetupCode(options.code);
  let finish: () => void = () => {};
  const written = new Promise<void>((resolveWritten) => (finish = resolveWritten));
  const routes = setupRoutes({
    code,
    limit: new RateLimit(options.attemptsPerMinute ?? 10, 60_000),
    now,
    logger: options.logger,
    write: (input, terminal, address) => writeSetup(db, input, now(), terminal, { via: 'page', address }),
    done: () => finish(),
  });
  const ownNames = ownHostNames(hostname(), options.allowedHosts ?? [], options.allowedOrigins ?? []);
  const addressOf = clientAddressReader(options.trustedProxies ?? []);

  const handler = (
    request: Parameters<typeof dispatch>[1],
    response: Parameters<typeof dispatch>[2],
  ): void => {
    // Against DNS rebinding, as in the running server: no page elsewhere may set the centre up.
    if (!hostAllowed(request.headers.host, ownNames)) {
      return sendError(response, 421, 'FORBIDDEN', 'This server does not answer to that name.');
    }
    const url = requestUrl(request.url);
    if (!url) return sendError(response, 400, 'BAD_REQUEST', 'Bad request path.');
    dispatch(routes, request, response, url, addressOf)
      .then((answered) => {
        if (!answered) notSetUp(response);
      })
      .catch((error: unknown) => {
        options.logger.error('setup request failed', { url: request.url, error });
        if (!response.headersSent) sendError(response, 500, 'INTERNAL', 'Internal error.');
        else response.end();
      });
  };
  const httpServer: HttpServer = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : createServer(handler);
  httpServer.on('upgrade', refuseSocket);

  let dbOpen = true;
  const closeDb = (): void => {
    if (dbOpen) db.close();
    dbOpen = false;
  };

  return {
    code: code.text,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolveListen, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          options.logger.info('setup mode', { path: SETUP_PATH });
          resolveListen(typeof address === 'object' && address ? address.port : port);
        });
      }),
    // The server stays up: setup mode answers (503, and /health "setup") until the centre takes it.
    finished: written.then(() => {
      closeDb();
      return { lock, httpServer };
    }),
    close: async () => {
      const stopped = new Promise<void>((resolveClose) => httpServer.close(() => resolveClose()));
      httpServer.closeAllConnections();
      await stopped;
      closeDb();
      lock.release();
    },
  };
};
