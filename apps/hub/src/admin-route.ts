/**
 * An endpoint of the city administrator: the admin token (Authorization: Bearer) is checked
 * before the body is read, then the body or query must pass the schema.
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { type Ack, type Route, bearer, jsonRoute, refuse, route, sameSecret, sendAck } from './http';

export type AdminRoute = <S extends z.ZodType>(
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  run: (input: z.infer<S>) => Promise<Ack<unknown>>,
  options?: { readonly maxBytes?: number },
) => Route;

export const adminRouteFor = (adminToken: string): AdminRoute => {
  const isAdmin = (request: IncomingMessage): boolean => sameSecret(bearer(request), adminToken);
  const notAdmin = refuse('UNAUTHENTICATED', "The city administrator's token is required.");
  return (method, path, schema, run, options) => {
    const inner = jsonRoute(method, path, schema, run, options);
    return route(method, path, (exchange) =>
      isAdmin(exchange.request) ? inner.handle(exchange) : sendAck(exchange.response, notAdmin),
    );
  };
};
