/**
 * The one HTTP layer of the centre's server and the city hub: every endpoint is a `Route`
 * in one table, matched by method and path, and every JSON endpoint goes through a
 * `jsonRoute`: body (size-limited) → JSON → schema → handler → `Ack`, with one map from
 * refusal codes to HTTP statuses (each service has its own codes, so it passes its map in).
 * A bad body is answered alike everywhere (400 with what was wrong, 413 when too large), a
 * path asked with the wrong method gets 405 with `Allow`, and no feature writes its own parser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { readBody, sendError, sendJson } from './io';
import { describeIssues } from './schema-issues';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A request being answered. `Context` is what the service adds (the caller's address, say). */
export type HttpExchange<Context extends object = object> = Context & {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  /** The path's parameters: a RegExp route's capture groups, in order. */
  readonly params: readonly string[];
};

export interface Route<Context extends object = object> {
  readonly method: Method;
  /** An exact path, or a pattern whose groups become `params`. */
  readonly path: string | RegExp;
  readonly handle: (exchange: HttpExchange<Context>) => void | Promise<void>;
}

export const route = <Context extends object = object>(
  method: Method,
  path: string | RegExp,
  handle: Route<Context>['handle'],
): Route<Context> => ({ method, path, handle });

/** An answer: the data, or a refusal with a code of the service's own. */
export type AckOf<Code extends string, T = unknown> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: { readonly code: Code; readonly message: string } };

export interface JsonLayer<Code extends string, Context extends object> {
  /** Send an `Ack` as JSON with the status its outcome calls for (`okStatus` when it succeeded). */
  readonly sendAck: (response: ServerResponse, answer: AckOf<Code>, okStatus?: number) => void;
  /**
   * A JSON endpoint: the body (or, for GET and DELETE, the query string as an object) must
   * pass `schema`; `run` answers with an `Ack`, sent with its status.
   */
  readonly jsonRoute: <S extends z.ZodType>(
    method: Method,
    path: string | RegExp,
    schema: S,
    run: (input: z.infer<S>, exchange: HttpExchange<Context>) => AckOf<Code> | Promise<AckOf<Code>>,
    options?: { readonly okStatus?: number; readonly maxBytes?: number },
  ) => Route<Context>;
}

/** The JSON endpoints of a service whose refusals map to statuses by `statusOf`. */
export const jsonLayer = <Code extends string, Context extends object = object>(
  statusOf: (code: Code) => number,
  badRequest: Code,
): JsonLayer<Code, Context> => {
  // The whole answer goes out: a refusal may carry more than its code (the seq a hub expects).
  const sendAck: JsonLayer<Code, Context>['sendAck'] = (response, answer, okStatus = 200) =>
    sendJson(response, answer.ok ? okStatus : statusOf(answer.error.code), answer);

  const jsonRoute: JsonLayer<Code, Context>['jsonRoute'] = (method, path, schema, run, options = {}) =>
    route<Context>(method, path, async (exchange) => {
      const { request, response, url } = exchange;
      let input: unknown;
      if (method === 'GET' || method === 'DELETE') {
        input = Object.fromEntries(url.searchParams);
      } else {
        const raw = await readBody(request, options.maxBytes);
        if (raw === 'too-large') {
          response.setHeader('connection', 'close');
          return sendError(response, 413, badRequest, 'Request body too large.');
        }
        try {
          input = JSON.parse(raw) as unknown;
        } catch {
          return sendError(response, 400, badRequest, 'Body is not JSON.');
        }
      }
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return sendError(
          response,
          400,
          badRequest,
          `Invalid request: ${describeIssues(parsed.error, 'body')}`,
        );
      }
      sendAck(response, await run(parsed.data, exchange), options.okStatus);
    });

  return { sendAck, jsonRoute };
};

/** The same routes behind a guard that may answer first (a rate limit, say). */
export const guarded = <Context extends object>(
  routes: readonly Route<Context>[],
  guard: (exchange: HttpExchange<Context>, method: Method) => boolean,
): Route<Context>[] =>
  routes.map((entry) => ({
    ...entry,
    handle: (exchange) => (guard(exchange, entry.method) ? entry.handle(exchange) : undefined),
  }));

const matchPath = (pattern: string | RegExp, path: string): readonly string[] | undefined => {
  if (typeof pattern === 'string') return pattern === path ? [] : undefined;
  const match = pattern.exec(path);
  return match ? match.slice(1).map((group) => group ?? '') : undefined;
};

/**
 * Run the route for the request, if the table has its path: true when answered (405 with
 * `Allow` for a known path asked with another method), false when no route has the path.
 */
export const dispatch = async <Context extends object>(
  routes: readonly Route<Context>[],
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: Context,
): Promise<boolean> => {
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const allowed: Method[] = [];
  for (const candidate of routes) {
    const params = matchPath(candidate.path, url.pathname);
    if (!params) continue;
    if (candidate.method !== method) {
      allowed.push(candidate.method);
      continue;
    }
    await candidate.handle({ ...context, request, response, url, params });
    return true;
  }
  if (allowed.length === 0) return false;
  response.setHeader('allow', [...new Set(allowed)].join(', '));
  sendError(response, 405, 'BAD_REQUEST', 'Method not allowed.');
  return true;
};
