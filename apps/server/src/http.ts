/**
 * The HTTP side of the server: health, staff login, and the three front ends as static
 * web apps. Bodies are size-limited and schema-checked like socket messages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoginBody, PROTOCOL_VERSION } from '@queue/protocol';
import type { Ticket } from '@queue/core';
import type { Authenticator } from './auth';
import type { Logger } from './logger';
import { hostAllowed } from './origin';
import { addressOf, bearer, readBody, sendError, sendJson } from './http-io';
import { type PairingHttpDeps, handlePairingHttp } from './pairing-http';
import type { QueueService } from './queue-service';
import type { RateLimit } from './rate-limit';
import { type FrontEndFiles, frontEndFiles } from './static-files';
import { liveEstimateOf } from './status-page/live-estimate';
import { pickLanguage, renderNotFound, renderTicketStatus } from './status-page/render';

export const FRONT_ENDS = ['kiosk', 'display', 'desk'] as const;

export interface HttpDeps extends PairingHttpDeps {
  readonly queue: QueueService;
  readonly auth: Authenticator;
  readonly logger: Logger;
  /** Folder holding `kiosk/`, `display/`, `desk/` builds; usually `apps/<name>/dist`. */
  readonly frontEndDir: (name: (typeof FRONT_ENDS)[number]) => string;
  readonly startedAt: number;
  /** Host names requests may be sent to besides IP addresses and localhost (origin.ts). */
  readonly ownHostNames: readonly string[];
  /** A ticket by its id, today's or older, for the visitor's status page. */
  readonly lookupTicket: (id: string) => Ticket | undefined;
  /** Close the live connections of credentials that just ended (a logout). */
  readonly closeConnections: (tokenHashes: readonly string[]) => void;
  /** Whether the visit has been rated already (the status page then thanks instead of asking). */
  readonly isRated?: (ticketId: string) => boolean;
  /** More routes (the booking page, the status page's live feed and rating), tried first. */
  readonly routes?: readonly HttpRoute[];
  /** `GET /api/reports/export` (see `reports/export-http.ts`). */
  readonly exportReport?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;
  /** The status page's limit per address, shared with its live feed: one budget, not two. */
  readonly statusPageLimit: RateLimit;
}

/** A route of a feature: true when it answered the request. */
export type HttpRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => Promise<boolean> | boolean;

const TICKET_PATH = /^\/t\/([A-Za-z0-9_-]{8,64})\/?$/;
/** Status-page requests allowed per address and minute. */
export const STATUS_PAGE_LIMIT = 60;

interface RequestContext extends HttpDeps {
  readonly files: Readonly<Record<(typeof FRONT_ENDS)[number], FrontEndFiles>>;
}

export const createHttpHandler = (httpDeps: HttpDeps) => {
  const files = Object.fromEntries(
    FRONT_ENDS.map((name) => [name, frontEndFiles(httpDeps.frontEndDir(name))]),
  ) as RequestContext['files'];
  const deps: RequestContext = { ...httpDeps, files };
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (!hostAllowed(request.headers.host, deps.ownHostNames)) {
      const name = String(request.headers.host).slice(0, 200);
      deps.logger.warn('request to a foreign host name refused', {
        host: name,
        address: request.socket.remoteAddress,
      });
      return sendError(
        response,
        421,
        'FORBIDDEN',
        `This server does not answer to the name ${name}; an administrator can add it to QUEUE_ALLOWED_HOSTS.`,
      );
    }
    handle(deps, request, response).catch((error: unknown) => {
      deps.logger.error('http handler failed', { url: request.url, error });
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', 'Internal error.');
      else response.end();
    });
  };
};

const handle = async (
  deps: RequestContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const url = requestUrl(request.url);
  if (!url) return sendError(response, 400, 'BAD_REQUEST', 'Bad request path.');
  const path = url.pathname;
  if (path.startsWith('/socket.io')) return; // socket.io answers these itself
  for (const route of deps.routes ?? []) {
    if (await route(request, response, url)) return;
  }

  if (path === '/api/desks' && request.method === 'GET') {
    // Public on purpose: the desk's login screen lists them, and their names are on the board.
    return sendJson(response, 200, {
      ok: true,
      data: deps.queue.centre.desks.map((desk) => ({ id: desk.id, number: desk.number, name: desk.name })),
    });
  }
  if (path === '/health' && request.method === 'GET') {
    return sendJson(response, 200, {
      status: 'ok',
      protocol: PROTOCOL_VERSION,
      epoch: deps.queue.epoch,
      serviceDay: deps.queue.state.serviceDay ?? null,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    });
  }

  if (path === '/api/session' && request.method === 'POST') return login(deps, request, response);
  if (path === '/api/session' && request.method === 'DELETE') {
    const token = bearer(request);
    if (token) deps.closeConnections([deps.auth.logout(token, request.socket.remoteAddress)]);
    return sendJson(response, 200, { ok: true, data: null });
  }
  if (await handlePairingHttp(deps, path, request, response)) return;
  if (path === '/api/reports/export' && request.method === 'GET' && deps.exportReport) {
    return deps.exportReport(request, response, url);
  }
  if (path.startsWith('/api/')) return sendError(response, 404, 'NOT_FOUND', 'No such endpoint.');

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendError(response, 405, 'BAD_REQUEST', 'Method not allowed.');
  }
  const ticketPath = TICKET_PATH.exec(path);
  if (ticketPath?.[1] || path.startsWith('/t/')) {
    return statusPage(deps, ticketPath?.[1], url, request, response);
  }
  if (path === '/') {
    response.writeHead(302, { location: '/kiosk/' });
    return void response.end();
  }
  for (const name of FRONT_ENDS) {
    if (path === `/${name}`) {
      response.writeHead(301, { location: `/${name}/${url.search}` });
      return void response.end();
    }
    if (path.startsWith(`/${name}/`)) {
      const relative = path.slice(name.length + 2);
      if (!safeRelativePath(relative)) return sendError(response, 400, 'BAD_REQUEST', 'Bad path.');
      return deps.files[name](request, response, relative);
    }
  }
  sendError(response, 404, 'NOT_FOUND', 'Not found.');
};

const login = async (deps: HttpDeps, request: IncomingMessage, response: ServerResponse): Promise<void> => {
  const raw = await readBody(request);
  if (raw === 'too-large') {
    response.setHeader('connection', 'close');
    return sendError(response, 413, 'BAD_REQUEST', 'Request body too large.');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return sendError(response, 400, 'BAD_REQUEST', 'Body is not JSON.');
  }
  const parsed = LoginBody.safeParse(json);
  if (!parsed.success)
    return sendError(response, 400, 'BAD_REQUEST', 'Give login, secret and optionally deskId.');
  const answer = await deps.auth.login(
    parsed.data.login,
    parsed.data.secret,
    parsed.data.deskId,
    deps.queue.now(),
    addressOf(request),
    parsed.data.terminal,
  );
  if (typeof answer === 'object' && 'retryAfterMs' in answer) {
    const seconds = Math.ceil(answer.retryAfterMs / 1000);
    deps.logger.warn('login throttled', { login: parsed.data.login, address: request.socket.remoteAddress });
    response.setHeader('retry-after', String(seconds));
    return sendError(response, 429, 'RATE_LIMITED', `Too many failed attempts; try again in ${seconds} s.`);
  }
  if (answer === 'bad-credentials') {
    deps.logger.warn('login refused', { login: parsed.data.login });
    return sendError(response, 401, 'UNAUTHENTICATED', 'Wrong login or password.');
  }
  if (answer === 'unknown-desk') return sendError(response, 400, 'BAD_REQUEST', 'No such desk.');
  if (answer === 'unpaired-terminal') {
    return sendError(
      response,
      403,
      'UNAUTHENTICATED',
      'This terminal is not paired: pair it with an administrator.',
    );
  }
  if (answer === 'wrong-terminal-desk') {
    return sendError(response, 403, 'FORBIDDEN', 'This terminal works only at its own desk.');
  }
  if (answer === 'other-organisation') {
    return sendError(
      response,
      403,
      'OTHER_ORGANISATION',
      'This desk belongs to an organisation you do not work for.',
    );
  }
  if (answer === 'desk-occupied') {
    return sendError(
      response,
      409,
      'DESK_OCCUPIED',
      'Another operator is working at this desk: they, or a supervisor, must close it first.',
    );
  }
  deps.logger.info('login', { login: parsed.data.login, deskId: parsed.data.deskId ?? null });
  sendJson(response, 200, { ok: true, data: answer });
};

const statusPage = (
  deps: RequestContext,
  id: string | undefined,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): void => {
  const language = pickLanguage(url.searchParams.get('lang'), request.headers['accept-language']);
  if (!deps.statusPageLimit.allow(addressOf(request), Date.now())) {
    response.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' });
    return void response.end('Too many requests.');
  }
  const ticket = id ? deps.lookupTicket(id) : undefined;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  if (!ticket) {
    response.writeHead(404, headers);
    return void response.end(renderNotFound(language));
  }
  const estimate = liveEstimateOf(deps.queue, ticket);
  response.writeHead(200, headers);
  response.end(
    renderTicketStatus(deps.queue.centre, ticket, estimate, language, deps.isRated?.(ticket.id) ?? false),
  );
};

/**
 * The request's path and query, or undefined when they cannot be read: the target is taken as
 * a path on this server whatever it says (`//host/x` and absolute forms included).
 */
export const requestUrl = (target: string | undefined): URL | undefined => {
  const raw = target ?? '/';
  try {
    return new URL(raw.startsWith('/') ? `http://localhost${raw}` : raw, 'http://localhost');
  } catch {
    return undefined;
  }
};

/** A path segment decoded, or undefined for malformed percent-encoding (`%zz`, `%E0%A4%A`, `%c0%af`). */
const decodePath = (encoded: string): string | undefined => {
  try {
    const decoded = decodeURIComponent(encoded);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
};

/** A path below a front end's folder that decodes cleanly and stays inside it. */
const safeRelativePath = (relative: string): boolean => {
  const decoded = decodePath(relative);
  return decoded !== undefined && !decoded.split(/[/\\]/).includes('..');
};
