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
 * writes more tightly; bodies are size-limited and checked with zod.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language } from '@queue/core';
import { BookingCodeSchema, PublicBookBody, PublicMoveBody } from '@queue/protocol';
import type { z } from 'zod';
import type { HttpRoute } from '../http';
import { addressOf, readBody, sendError, sendJson } from '../http-io';
import { RateLimit } from '../rate-limit';
import { pickLanguage } from '../status-page/render';
import { renderBookPage } from './book-page';
import { type BookingActor, type BookingService, VISITOR, publicView } from './booking-service';
import { qrSvg } from './qr';

/** Booking-page requests per address and minute, and of those, writes. */
export const BOOK_READ_LIMIT = 60;
export const BOOK_WRITE_LIMIT = 10;

const PAGE_PATH = /^\/book(?:\/([A-Za-z0-9]{4,12}))?\/?$/;
const CODE_PATH = /^\/api\/book\/([^/]{1,32})(?:\/(cancel|move))?\/?$/;

const STATUS_OF: Record<string, number> = {
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  BOOKING_DISABLED: 403,
  SLOT_FULL: 409,
  SLOT_UNAVAILABLE: 409,
  PERSON_LIMIT: 409,
  DAY_LIMIT: 409,
  ADDRESS_LIMIT: 429,
  PUBLIC_LIMIT: 409,
  ILLEGAL_TRANSITION: 409,
};

export const bookingRoutes = (bookings: BookingService, timeZone: () => string): HttpRoute => {
  const reads = new RateLimit(BOOK_READ_LIMIT, 60_000);
  const writes = new RateLimit(BOOK_WRITE_LIMIT, 60_000);

  const refuse = (response: ServerResponse, error: { code: string; message: string }): void =>
    sendError(response, STATUS_OF[error.code] ?? 400, error.code, error.message);

  const withQr = (booking: Parameters<typeof publicView>[0]) => ({
    booking: publicView(booking, timeZone()),
    qr: qrSvg(booking.code),
  });

  const body = async <S extends z.ZodType>(
    request: IncomingMessage,
    response: ServerResponse,
    schema: S,
  ): Promise<z.infer<S> | undefined> => {
    const raw = await readBody(request);
    if (raw === 'too-large') {
      response.setHeader('connection', 'close');
      sendError(response, 413, 'BAD_REQUEST', 'Request body too large.');
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      sendError(response, 400, 'BAD_REQUEST', 'Body is not JSON.');
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      sendError(response, 400, 'BAD_REQUEST', parsed.error.issues.map((issue) => issue.message).join('; '));
      return undefined;
    }
    return parsed.data;
  };

  return async (request, response, url) => {
    const path = url.pathname;
    const isPage = PAGE_PATH.exec(path);
    if (!isPage && !path.startsWith('/api/book')) return false;
    const address = addressOf(request);
    const now = Date.now();
    const writing = request.method === 'POST';
    if (!reads.allow(address, now) || (writing && !writes.allow(address, now))) {
      response.setHeader('retry-after', '60');
      sendError(response, 429, 'RATE_LIMITED', 'Too many requests; try again in a minute.');
      return true;
    }
    const visitor: BookingActor = { actor: VISITOR, address };

    if (isPage && request.method === 'GET') {
      const language: Language = pickLanguage(
        url.searchParams.get('lang'),
        request.headers['accept-language'],
      );
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(renderBookPage(language, path));
      return true;
    }
    if (path === '/api/book/options' && request.method === 'GET') {
      const language = pickLanguage(url.searchParams.get('lang'), request.headers['accept-language']);
      const services = bookings.services();
      const days = services.length > 0 ? bookings.days() : [];
      sendJson(response, 200, {
        ok: true,
        data: {
          services: services.map((service) => ({ code: service.code, name: service.name[language] })),
          days,
        },
      });
      return true;
    }
    if (path === '/api/book/slots' && request.method === 'GET') {
      const days = url.searchParams.get('days');
      const answer = bookings.slots(
        url.searchParams.get('service') ?? '',
        url.searchParams.get('day') ?? '',
        days === null ? 1 : /^\d{1,3}$/.test(days) ? Number(days) : Number.NaN,
      );
      if (answer.ok) sendJson(response, 200, answer);
      else refuse(response, answer.error);
      return true;
    }
    if (path === '/api/book' && writing) {
      const input = await body(request, response, PublicBookBody);
      if (!input) return true;
      const answer = bookings.create(input, visitor);
      if (answer.ok) sendJson(response, 201, { ok: true, data: withQr(answer.data) });
      else refuse(response, answer.error);
      return true;
    }
    const codePath = CODE_PATH.exec(path);
    const code = codePath?.[1] ? BookingCodeSchema.safeParse(codePath[1]) : undefined;
    if (!code?.success) {
      sendError(response, 404, 'NOT_FOUND', 'No such endpoint.');
      return true;
    }
    const action = codePath?.[2];
    if (!action && request.method === 'GET') {
      const booking = bookings.find(code.data);
      if (booking) sendJson(response, 200, { ok: true, data: withQr(booking) });
      else sendError(response, 404, 'NOT_FOUND', 'There is no booking with this code.');
      return true;
    }
    if (action === 'cancel' && writing) {
      const answer = bookings.cancel(code.data, visitor);
      if (answer.ok) sendJson(response, 200, { ok: true, data: withQr(answer.data) });
      else refuse(response, answer.error);
      return true;
    }
    if (action === 'move' && writing) {
      const input = await body(request, response, PublicMoveBody);
      if (!input) return true;
      const answer = bookings.move(code.data, input.slotAt, visitor);
      if (answer.ok) sendJson(response, 200, { ok: true, data: withQr(answer.data) });
      else refuse(response, answer.error);
      return true;
    }
    sendError(response, 405, 'BAD_REQUEST', 'Method not allowed.');
    return true;
  };
};
