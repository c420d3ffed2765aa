/**
 * The hub's HTTP layer, in the style of the centre's (apps/server/src/http-routes.ts): every
 * endpoint is a `Route` in one table, matched by method and path; every JSON endpoint goes
 * through `jsonRoute`: body (size-limited) → JSON → zod schema → handler → `Ack`, with one map
 * from refusal codes to statuses. Bearer tokens are compared in constant time where they are
 * secrets held by the hub (the administrator's); centre keys are looked up by their hash.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

export type HubErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'REVOKED'
  | 'NOT_FOUND'
  | 'GAP'
  | 'BEFORE_STREAM'
  | 'CONFLICT'
  | 'INTERNAL';

export interface HubError {
  readonly code: HubErrorCode;
  readonly message: string;
  /** With GAP and BEFORE_STREAM: the seq the hub expects next in this stream. */
  readonly expected?: number;
}

export type Ack<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: HubError };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const refuse = (code: HubErrorCode, message: string, extra: Partial<HubError> = {}): Ack<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

const STATUS_OF: Record<HubErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  REVOKED: 403,
  NOT_FOUND: 404,
  GAP: 409,
  BEFORE_STREAM: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

export type Method = 'GET' | 'POST';

export interface HttpExchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  readonly params: readonly string[];
}

export interface Route {
  readonly method: Method;
  readonly path: string | RegExp;
  readonly handle: (exchange: HttpExchange) => void | Promise<void>;
}

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
};

export const sendAck = (response: ServerResponse, answer: Ack<unknown>, okStatus = 200): void =>
  sendJson(response, answer.ok ? okStatus : STATUS_OF[answer.error.code], answer);

const readBody = (request: IncomingMessage, maxBytes: number): Promise<string | 'too-large'> =>
  new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Keep reading (and dropping) so the 413 answer is written before the connection closes.
        request.removeAllListeners('data');
        request.resume();
        resolveBody('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/** The token of an `Authorization: Bearer …` header. */
export const bearer = (request: IncomingMessage): string | undefined => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
};

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Equal secrets, compared in constant time (of their hashes, so lengths leak nothing). */
export const sameSecret = (given: string | undefined, expected: string): boolean =>
  given !== undefined &&
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

export const route = (method: Method, path: string | RegExp, handle: Route['handle']): Route => ({
  method,
  path,
  handle,
});

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');

/** A JSON endpoint: the body (for GET, the query as an object) must pass `schema`. */
export const jsonRoute = <S extends z.ZodType>(
  method: Method,
  path: string | RegExp,
  schema: S,
  run: (input: z.infer<S>, exchange: HttpExchange) => Ack<unknown> | Promise<Ack<unknown>>,
  options: { readonly okStatus?: number; readonly maxBytes?: number } = {},
): Route =>
  route(method, path, async (exchange) => {
    const { request, response, url } = exchange;
    let input: unknown;
    if (method === 'GET') {
      input = Object.fromEntries(url.searchParams);
    } else {
      const raw = await readBody(request, options.maxBytes ?? 16 * 1024);
      if (raw === 'too-large') {
        response.setHeader('connection', 'close');
        return sendJson(response, 413, refuse('BAD_REQUEST', 'Request body too large.'));
      }
      try {
        input = JSON.parse(raw) as unknown;
      } catch {
        return sendAck(response, refuse('BAD_REQUEST', 'Body is not JSON.'));
      }
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return sendAck(response, refuse('BAD_REQUEST', `Invalid request: ${describeIssues(parsed.error)}`));
    }
    sendAck(response, await run(parsed.data, exchange), options.okStatus);
  });

const matchPath = (pattern: string | RegExp, path: string): readonly string[] | undefined => {
  if (typeof pattern === 'string') return pattern === path ? [] : undefined;
  const match = pattern.exec(path);
  return match ? match.slice(1).map((group) => group ?? '') : undefined;
};

/** Answer with the route for the request: 404 for an unknown path, 405 (with Allow) for a known one. */
export const dispatch = async (
  routes: readonly Route[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const url = new URL(request.url ?? '/', 'http://hub.invalid');
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const allowed: Method[] = [];
  for (const candidate of routes) {
    const params = matchPath(candidate.path, url.pathname);
    if (!params) continue;
    if (candidate.method !== method) {
      allowed.push(candidate.method);
      continue;
    }
    await candidate.handle({ request, response, url, params });
    return;
  }
  if (allowed.length === 0) return sendAck(response, refuse('NOT_FOUND', 'No such endpoint.'));
  response.setHeader('allow', [...new Set(allowed)].join(', '));
  sendJson(response, 405, refuse('BAD_REQUEST', 'Method not allowed.'));
};
