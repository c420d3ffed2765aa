/**
 * The hub's HTTP API (docs/city.md):
 *
 *   POST /api/hub/enrol                       {centreName}            → {requestId, code}
 *   GET  /api/hub/enrol/<requestId>                                   → {status: pending|rejected|approved (+centreId, key: once)|collected}
 *   POST /api/hub/events        Bearer <centre key>  {epoch, headSeq?, events:[{seq,type,at,ticketId?,payload}]} → {acknowledged}
 *   GET  /api/hub/sync          Bearer <centre key>                   → {streams: [{epoch, firstSeq, acknowledged}]}
 *   GET  /api/hub/centres       Bearer <admin token>                  → {centres: [...streams, lag, last seen, problems]}
 *   GET  /api/hub/admin/enrolments            Bearer <admin token>    → {requests: [{code, centreName, createdAt}]}
 *   POST /api/hub/admin/enrolments/approve    Bearer <admin token>  {code, by?} → {centre}
 *   POST /api/hub/admin/enrolments/reject     Bearer <admin token>  {code}      → {rejected: true}
 *   POST /api/hub/admin/centres/revoke        Bearer <admin token>  {centreId}  → {revoked: true}
 *
 * and the city endpoints of city-routes.ts and catalogue-routes.ts (docs/city.md).
 *
 * Answers are `Ack`s: `{ok: true, data}` or `{ok: false, error: {code, message, expected?}}`.
 */
import { createServer, type Server } from 'node:http';
import type pg from 'pg';
import { z } from 'zod';
import {
  approveEnrolment,
  centreOfKey,
  enrolmentStatus,
  openRequests,
  rejectEnrolment,
  requestEnrolment,
  revokeCentre,
} from './enrolment';
import { bearer, dispatch, jsonRoute, ok, refuse, route, sendAck, type Ack, type Route } from './http';
import { cityPageRoutes } from './city-pages';
import { catalogueRoutes } from './catalogue-routes';
import { centresOverview, ingestBatch, positionsOf } from './ingest';
import { adminRouteFor } from './admin-route';
import { cityRoutes } from './city-routes';
import { CityLive } from './live/city-live';
import { ProjectionRunner } from './projection/runner';
import { SessionStore } from './sessions';

/** The most events one batch may carry, and the most bytes its body may have. */
export const MAX_BATCH_EVENTS = 5_000;
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const eventSchema = z.strictObject({
  seq,
  type: z.string().min(1).max(100),
  at: z.union([z.number().int().min(0).max(8.64e15), z.iso.datetime({ offset: true })]),
  ticketId: z.string().min(1).max(200).nullish(),
  payload: z.unknown().refine((value) => value !== undefined, 'required'),
});

export const batchSchema = z
  .strictObject({
    epoch: z.string().min(1).max(100),
    headSeq: seq.optional(),
    events: z.array(eventSchema).max(MAX_BATCH_EVENTS),
  })
  .refine(
    (batch) =>
      batch.events.every(
        (event, index) => index === 0 || event.seq === (batch.events[index - 1]?.seq ?? 0) + 1,
      ),
    { message: 'events must be in order with contiguous seqs', path: ['events'] },
  );

const name = z.string().trim().min(1).max(200);
const code = z.string().regex(/^\d{6}$/, 'expected the 6-digit code');

export interface HubAppOptions {
  readonly pool: pg.Pool;
  readonly adminToken: string;
  /** Where unexpected failures are reported (the answer is a 500 either way). */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
}

export interface HubApp {
  readonly server: Server;
  readonly routes: readonly Route[];
  /** The city's live view, in this hub's memory. */
  readonly live: CityLive;
  /** Folds the centres' events into the reports' visit segments. */
  readonly projection: ProjectionRunner;
  /** Load the live view and catch the projection up (at start, before or after listening). */
  start(): Promise<void>;
  /** Resolves once the projection and the live view have read everything ingested so far. */
  settled(): Promise<void>;
  /** Stop folding (before closing the pool). */
  stop(): Promise<void>;
}

const centreRefusal = (reason: 'unknown' | 'revoked'): Ack<never> =>
  reason === 'revoked'
    ? refuse('REVOKED', 'This centre has been revoked at the hub.')
    : refuse('UNAUTHENTICATED', 'A valid centre key is required (Authorization: Bearer <key>).');

export const createHubApp = ({ pool, adminToken, onError, now }: HubAppOptions): HubApp => {
  const live = new CityLive(pool, now, onError);
  const projection = new ProjectionRunner(pool, (error) => onError?.(error));
  const sessions = new SessionStore(now);
  /** New events from a centre: fold them, for reports and the live view, after answering. */
  const caughtUp = (centreId: string): void => {
    void projection.kick(centreId);
    void live.kick(centreId);
  };
  const adminRoute = adminRouteFor(adminToken);

  const routes: Route[] = [
    jsonRoute(
      'POST',
      '/api/hub/enrol',
      z.strictObject({ centreName: name }),
      async ({ centreName }) => ok(await requestEnrolment(pool, centreName)),
      { okStatus: 201 },
    ),
    route('GET', /^\/api\/hub\/enrol\/([A-Za-z0-9_-]{1,100})$/, async ({ response, params }) => {
      const status = await enrolmentStatus(pool, params[0] ?? '');
      sendAck(response, status ? ok(status) : refuse('NOT_FOUND', 'No such enrolment request.'));
    }),
    route('POST', '/api/hub/events', async (exchange) => {
      // Who is writing comes from the key alone; the body has no say (its schema has no centre).
      const who = await centreOfKey(pool, bearer(exchange.request));
      if (!who.ok) return sendAck(exchange.response, centreRefusal(who.reason));
      const inner = jsonRoute(
        'POST',
        '/api/hub/events',
        batchSchema,
        async (batch) => {
          const result = await ingestBatch(pool, who.centreId, batch);
          if (result.ok) {
            caughtUp(who.centreId);
            return ok({ acknowledged: result.acknowledged, diverged: result.diverged });
          }
          if (result.reason === 'revoked') return centreRefusal('revoked');
          return result.reason === 'gap'
            ? refuse('GAP', `Events are missing: expected seq ${result.expected} next in this epoch.`, {
                expected: result.expected,
              })
            : refuse('BEFORE_STREAM', `This stream starts later; expected seq ${result.expected} next.`, {
                expected: result.expected,
              });
        },
        { maxBytes: MAX_BATCH_BYTES },
      );
      await inner.handle(exchange);
    }),
    route('GET', '/api/hub/sync', async ({ request, response }) => {
      const who = await centreOfKey(pool, bearer(request));
      if (!who.ok) return sendAck(response, centreRefusal(who.reason));
      sendAck(response, ok({ centreId: who.centreId, streams: await positionsOf(pool, who.centreId) }));
    }),
    adminRoute('GET', '/api/hub/centres', z.object({}), async () =>
      ok({ centres: await centresOverview(pool) }),
    ),
    adminRoute('GET', '/api/hub/admin/enrolments', z.object({}), async () =>
      ok({ requests: await openRequests(pool) }),
    ),
    adminRoute(
      'POST',
      '/api/hub/admin/enrolments/approve',
      z.strictObject({ code, by: name.optional() }),
      async (input) => {
        const centre = await approveEnrolment(pool, input.code, input.by ?? 'city administrator');
        if (centre) void live.refresh();
        return centre ? ok({ centre }) : refuse('NOT_FOUND', 'No open enrolment request has this code.');
      },
    ),
    adminRoute('POST', '/api/hub/admin/enrolments/reject', z.strictObject({ code }), async (input) =>
      (await rejectEnrolment(pool, input.code))
        ? ok({ rejected: true })
        : refuse('NOT_FOUND', 'No open enrolment request has this code.'),
    ),
    adminRoute(
      'POST',
      '/api/hub/admin/centres/revoke',
      z.strictObject({ centreId: z.string().min(1).max(100) }),
      async (input) =>
        (await revokeCentre(pool, input.centreId))
          ? (void live.refresh(), ok({ revoked: true }))
          : refuse('NOT_FOUND', 'No such centre.'),
    ),
    ...cityRoutes({ pool, live, sessions, adminToken, ...(now ? { now } : {}) }),
    ...cityPageRoutes(),
    ...catalogueRoutes({ pool, adminToken }),
  ];

  const server = createServer((request, response) => {
    dispatch(routes, request, response).catch((error: unknown) => {
      onError?.(error);
      if (!response.headersSent) sendAck(response, refuse('INTERNAL', 'The hub failed; try again.'));
      else response.destroy();
    });
  });
  return {
    server,
    routes,
    live,
    projection,
    start: async () => {
      await live.load();
      await projection.kickAll();
    },
    settled: async () => {
      await projection.idle();
      await live.idle();
    },
    stop: async () => {
      live.endStreams();
      await projection.stop();
    },
  };
};
