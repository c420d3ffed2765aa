/**
 * The public booking page and its JSON endpoints, served by the queue server:
 *   GET  /book, /book/<code>          the page (book; see, cancel or move one's own booking)
 *   GET  /api/book/options            bookable services and days
 *   GET  /api/book/slots?service&day[&days]  free times of a service from that day (counts
 *                                     only; at most 7 days and 500 slots, else 400)
 *   POST /api/book                    book; answers the code and its QR
 *   GET  /api/book/<code>             one's own booking (no name, no phone)
 *   POST /api/book/<code>/cancel|move
 * There is no endpoint that lists bookings. Every request is rate-limited per address, and
 * writes more tightly; bodies go through the one JSON adapter (`http-routes.ts`).
 */
import type { Ack } from '@queue/protocol';
import { BookingCodeSchema, PublicBookBody, PublicMoveBody } from '@queue/protocol';
import { z } from 'zod';
import { sendError, sendJson } from '@queue/http';
import { type Route, guarded, jsonRoute, route, sendAck } from '../http-routes';
import { RateLimit } from '../rate-limit';
import { pickLanguage } from '../status-page/render';
import { frontEndFiles } from '../static-files';
import { BOOK_APP_PATH, bookScriptLocator, renderBookPage } from './book-page';
import { type BookingActor, type BookingService, VISITOR, publicView } from './booking-service';
import { qrSvg } from './qr';

/** Booking-page requests per address and minute, and of those, writes. */
export const BOOK_READ_LIMIT = 60;
export const BOOK_WRITE_LIMIT = 10;

const PAGE_PATH = /^\/book(?:\/([A-Za-z0-9]{4,12}))?\/?$/;
const CODE_PATH = /^\/api\/book\/([^/]{1,32})\/?$/;
const ACTION_PATH = (action: 'cancel' | 'move') => new RegExp(`^/api/book/([^/]{1,32})/${action}/?$`);

const NO_BOOKING = { code: 'NOT_FOUND', message: 'There is no booking with this code.' } as const;
const NO_ENDPOINT = { code: 'NOT_FOUND', message: 'No such endpoint.' } as const;

const SlotsQuery = z.object({
  service: z.string().max(64).default(''),
  day: z.string().max(10).default(''),
  days: z
    .string()
    .regex(/^\d{1,3}$/, 'days is a whole number')
    .optional(),
});

export const bookingRoutes = (
  bookings: BookingService,
  timeZone: () => string,
  /** The page script's build (apps/book/dist). */
  scriptDir: string,
): readonly Route[] => {
  const scriptSrc = bookScriptLocator(scriptDir);
  const scriptFiles = frontEndFiles(scriptDir);
  const reads = new RateLimit(BOOK_READ_LIMIT, 60_000);
  const writes = new RateLimit(BOOK_WRITE_LIMIT, 60_000);

  const withQr = (booking: Parameters<typeof publicView>[0]) => ({
    booking: publicView(booking, timeZone()),
    qr: qrSvg(booking.code),
  });
  const answerWithQr = (answer: Ack<Parameters<typeof publicView>[0]>): Ack<ReturnType<typeof withQr>> =>
    answer.ok ? { ok: true, data: withQr(answer.data) } : answer;
  const visitor = (address: string): BookingActor => ({ actor: VISITOR, address });
  /** A code from the path, or undefined (then there is no such endpoint). */
  const codeOf = (raw: string | undefined) => {
    const parsed = BookingCodeSchema.safeParse(raw ?? '');
    return parsed.success ? parsed.data : undefined;
  };

  const routes: Route[] = [
    route('GET', PAGE_PATH, ({ request, response, url }) => {
      const language = pickLanguage(url.searchParams.get('lang'), request.headers['accept-language']);
      const src = scriptSrc();
      if (!src)
        return sendError(
          response,
          503,
          'NOT_FOUND',
          'The booking page is not built yet: run `npm run build`.',
        );
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(renderBookPage(language, url.pathname, src));
    }),
    route('GET', new RegExp(`^${BOOK_APP_PATH}(assets/[A-Za-z0-9._-]+)$`), ({ request, response, params }) =>
      scriptFiles(request, response, params[0] ?? ''),
    ),
    route('GET', '/api/book/options', ({ request, response, url }) => {
      const language = pickLanguage(url.searchParams.get('lang'), request.headers['accept-language']);
      const services = bookings.services();
      sendJson(response, 200, {
        ok: true,
        data: {
          services: services.map((service) => ({ code: service.code, name: service.name[language] })),
          days: services.length > 0 ? bookings.days() : [],
        },
      });
    }),
    jsonRoute('GET', '/api/book/slots', SlotsQuery, (query) =>
      bookings.slots(query.service, query.day, query.days === undefined ? 1 : Number(query.days)),
    ),
    jsonRoute(
      'POST',
      '/api/book',
      PublicBookBody,
      (body, { address }) => answerWithQr(bookings.create(body, visitor(address))),
      201,
    ),
    route('GET', CODE_PATH, ({ response, params }) => {
      const code = codeOf(params[0]);
      if (!code) return sendError(response, 404, NO_ENDPOINT.code, NO_ENDPOINT.message);
      const booking = bookings.find(code);
      sendAck(response, booking ? { ok: true, data: withQr(booking) } : { ok: false, error: NO_BOOKING });
    }),
    route('POST', ACTION_PATH('cancel'), ({ response, params, address }) => {
      const code = codeOf(params[0]);
      if (!code) return sendError(response, 404, NO_ENDPOINT.code, NO_ENDPOINT.message);
      sendAck(response, answerWithQr(bookings.cancel(code, visitor(address))));
    }),
    jsonRoute('POST', ACTION_PATH('move'), PublicMoveBody, (body, { params, address }) => {
      const code = codeOf(params[0]);
      return code
        ? answerWithQr(bookings.move(code, body.slotAt, visitor(address)))
        : { ok: false, error: NO_ENDPOINT };
    }),
  ];

  // Every request counts against the address's reads; a write also against its writes.
  return guarded(routes, ({ response, address }, method) => {
    const now = Date.now();
    if (reads.allow(address, now) && (method !== 'POST' || writes.allow(address, now))) return true;
    response.setHeader('retry-after', '60');
    sendError(response, 429, 'RATE_LIMITED', 'Too many requests; try again in a minute.');
    return false;
  });
};
