/**
 * The hub's city endpoints (docs/city.md):
 *
 *   POST   /api/hub/profile   Bearer <centre key>  {catalogue, bookUrl?, alerts}  → {saved: true}
 *   POST   /api/hub/ratings   Bearer <centre key>  {ratings: [...]}               → {stored: N}
 *   POST   /api/hub/appeals   Bearer <centre key>  {appeals: [...]}               → {saved: N}
 *   GET    /api/hub/appeals?centreId&organisationId&all  staff → CityAppealsView (overdue first)
 *   POST   /api/hub/session   {token}   → sets the staff session cookie           → {session: true}
 *   DELETE /api/hub/session                                                       → {session: false}
 *   GET    /api/hub/live          staff  → CityLiveView
 *   GET    /api/hub/live/stream   staff  → server-sent events `live` (CityLiveView)
 *   POST   /api/hub/reports       staff  {from, to, groupBy?, centreIds?, organisationId?} → CityReport
 *   GET    /api/hub/reports/export?from&to&groupBy&centreIds&organisationId&format=csv|xlsx&lang  staff → the file
 *   GET    /api/hub/public/centres       → CityPublicView (no login: what residents see)
 *
 * "Staff" is the city administrator's token as a Bearer header, or a session made with it.
 */
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { z } from 'zod';
import { appealsSchema, cityAppeals, saveAppeals } from './centre-data/appeals';
import { addRatings, ratingsSchema } from './centre-data/ratings';
import { profileProblems, profileSchema, saveProfile } from './centre-data/profiles';
import { centreOfKey } from './enrolment';
import {
  bearer,
  jsonRoute,
  ok,
  refuse,
  route,
  sameSecret,
  sendAck,
  sendJson,
  type Ack,
  type Route,
} from './http';
import type { CityLive } from './live/city-live';
import { serveLiveStream } from './live/live-stream';
import { cityExportQuerySchema, cityReportFile } from './reports/city-export';
import { cityReportQuerySchema, runCityReport } from './reports/city-report';
import { describeIssues } from '@queue/http';
import type { SessionStore } from './sessions';

export interface CityRouteDeps {
  readonly pool: pg.Pool;
  readonly live: CityLive;
  readonly sessions: SessionStore;
  readonly adminToken: string;
  readonly now?: () => number;
}

/** The most bytes a profile may have (a catalogue of a thousand services fits easily). */
const MAX_PROFILE_BYTES = 2 * 1024 * 1024;

const notStaff = refuse(
  'UNAUTHENTICATED',
  "The city administrator's token (or a session made with it) is required.",
);

const appealsQuerySchema = z.strictObject({
  centreId: z.string().min(1).max(100).optional(),
  organisationId: z.string().min(1).max(100).optional(),
  all: z.enum(['0', '1']).optional(),
});

export const cityRoutes = ({ pool, live, sessions, adminToken, now = Date.now }: CityRouteDeps): Route[] => {
  const isStaff = (request: IncomingMessage): boolean =>
    sameSecret(bearer(request), adminToken) || sessions.valid(request);

  /** A route for the centre named by its key; the body is read only once the key is good. */
  const centreRoute = <S extends z.ZodType>(
    path: string,
    schema: S,
    run: (centreId: string, input: z.infer<S>) => Promise<Ack<unknown>>,
    maxBytes?: number,
  ): Route =>
    route('POST', path, async (exchange) => {
      const who = await centreOfKey(pool, bearer(exchange.request));
      if (!who.ok) {
        return sendAck(
          exchange.response,
          who.reason === 'revoked'
            ? refuse('REVOKED', 'This centre has been revoked at the hub.')
            : refuse('UNAUTHENTICATED', 'A valid centre key is required (Authorization: Bearer <key>).'),
        );
      }
      const inner = jsonRoute(
        'POST',
        path,
        schema,
        (input) => run(who.centreId, input),
        maxBytes ? { maxBytes } : {},
      );
      await inner.handle(exchange);
    });

  const staffRoute = (method: 'GET' | 'POST', path: string, handle: Route['handle']): Route =>
    route(method, path, (exchange) =>
      isStaff(exchange.request) ? handle(exchange) : sendAck(exchange.response, notStaff),
    );

  return [
    centreRoute(
      '/api/hub/profile',
      profileSchema,
      async (centreId, profile) => {
        const problems = profileProblems(profile);
        if (problems.length > 0) {
          return refuse('BAD_REQUEST', `The catalogue is not valid: ${problems.slice(0, 10).join('; ')}`);
        }
        await saveProfile(pool, centreId, profile);
        void live.refresh();
        return ok({ saved: true });
      },
      MAX_PROFILE_BYTES,
    ),
    centreRoute('/api/hub/ratings', ratingsSchema, async (centreId, body) => {
      const stored = await addRatings(pool, centreId, body.ratings);
      live.rated(centreId, stored);
      return ok({ stored: stored.length });
    }),
    centreRoute('/api/hub/appeals', appealsSchema, async (centreId, body) => {
      const saved = await saveAppeals(pool, centreId, body.appeals);
      void live.refresh();
      return ok({ saved });
    }),
    staffRoute('GET', '/api/hub/appeals', async ({ request, response }) => {
      const url = new URL(request.url ?? '/', 'http://hub.invalid');
      const parsed = appealsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success)
        return sendAck(response, refuse('BAD_REQUEST', describeIssues(parsed.error, 'query')));
      const { all, ...filter } = parsed.data;
      sendAck(response, ok(await cityAppeals(pool, { ...filter, all: all === '1' }, now())));
    }),
    jsonRoute(
      'POST',
      '/api/hub/session',
      z.strictObject({ token: z.string().min(1).max(500) }),
      (input, exchange) => {
        if (!sameSecret(input.token, adminToken))
          return refuse('UNAUTHENTICATED', 'This is not the city administrator token.');
        exchange.response.setHeader('set-cookie', sessions.open().cookie);
        return ok({ session: true });
      },
    ),
    route('DELETE', '/api/hub/session', ({ request, response }) => {
      response.setHeader('set-cookie', sessions.close(request));
      sendAck(response, ok({ session: false }));
    }),
    staffRoute('GET', '/api/hub/live', ({ response }) => {
      response.setHeader('cache-control', 'no-store');
      sendAck(response, ok(live.view()));
    }),
    staffRoute('GET', '/api/hub/live/stream', ({ request, response }) =>
      serveLiveStream(live, request, response),
    ),
    route('POST', '/api/hub/reports', async (exchange) => {
      if (!isStaff(exchange.request)) return sendAck(exchange.response, notStaff);
      const inner = jsonRoute('POST', '/api/hub/reports', cityReportQuerySchema, async (query) =>
        ok(await runCityReport(pool, query)),
      );
      await inner.handle(exchange);
    }),
    staffRoute('GET', '/api/hub/reports/export', async ({ request, response }) => {
      const url = new URL(request.url ?? '/', 'http://hub.invalid');
      const parsed = cityExportQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success)
        return sendAck(response, refuse('BAD_REQUEST', describeIssues(parsed.error, 'query')));
      const file = await cityReportFile(pool, parsed.data);
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      });
      response.end(file.body);
    }),
    route('GET', '/api/hub/public/centres', ({ response }) => {
      response.setHeader('cache-control', 'public, max-age=10');
      sendJson(response, 200, { ok: true, data: live.publicView() });
    }),
  ];
};
