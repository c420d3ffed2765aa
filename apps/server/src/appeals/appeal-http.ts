/**
 * The applicant's public appeals pages and their JSON endpoints, served by the queue server:
 *   GET  /appeal                      the page: file a written appeal, or type a code to follow one
 *   GET  /a, /a/<code>                the page: one appeal's status (no personal data)
 *   GET  /api/appeal/options          organisations and their services for the form
 *   POST /api/appeal                  file an appeal (channel `online`); answers its number,
 *                                     tracking code, link, due day and the link as a QR
 *   GET  /api/appeal/<code>           the appeal as the public sees it (`PublicAppeal`)
 * There is no endpoint that lists appeals. Every request is rate-limited per address, and
 * filing far more tightly; bodies go through the one JSON adapter (`http-routes.ts`).
 */
import type { IncomingMessage } from 'node:http';
import type { AppealTopic, Centre } from '@queue/core';
import {
  type Ack,
  AppealCodeSchema,
  type AppealOptions,
  type FiledAppealWithQr,
  PublicAppealBody,
  type PublicAppealView,
} from '@queue/protocol';
import { sendError, sendJson } from '@queue/http';
import { type Route, guarded, jsonRoute, route, sendAck } from '../http-routes';
import { RateLimit } from '../rate-limit';
import { pickLanguage } from '../status-page/render';
import { qrSvg } from '../bookings/qr';
import type { AppealService } from './appeal-service';
import { appealScriptLocator, renderAppealPage } from './appeal-page';
import { publicBaseOf, trackingUrlOf } from './receipt';

/** Appeal-page requests per address and minute. */
export const APPEAL_READ_LIMIT = 60;
/** Appeals filed per address in `APPEAL_WRITE_WINDOW_MS`. */
export const APPEAL_WRITE_LIMIT = 5;
export const APPEAL_WRITE_WINDOW_MS = 10 * 60_000;

const READ_WINDOW_MS = 60_000;
const PAGE_PATH = /^\/(?:appeal|a(?:\/([^/]{1,32}))?)\/?$/;
const CODE_PATH = /^\/api\/appeal\/([^/]{1,32})\/?$/;

const NO_APPEAL = { code: 'NOT_FOUND', message: 'There is no appeal with this code.' } as const;

/** Where the request came from, for the tracking link when no kiosk names a public address. */
const requestOrigin = (request: IncomingMessage): string | undefined => {
  const { origin, host } = request.headers;
  if (typeof origin === 'string' && /^https?:\/\/[^/]+$/.test(origin)) return origin;
  if (!host) return undefined;
  return `${'encrypted' in request.socket && request.socket.encrypted ? 'https' : 'http'}://${host}`;
};

export const appealRoutes = (
  appeals: AppealService,
  centre: () => Centre,
  /** The page script's build (apps/book/dist: `appeal.ts` is its second entry). */
  scriptDir: string,
): readonly Route[] => {
  const scriptSrc = appealScriptLocator(scriptDir);
  const reads = new RateLimit(APPEAL_READ_LIMIT, READ_WINDOW_MS);
  const writes = new RateLimit(APPEAL_WRITE_LIMIT, APPEAL_WRITE_WINDOW_MS);

  const options = (language: ReturnType<typeof pickLanguage>): AppealOptions => {
    const { organisations, services } = centre();
    return {
      organisations: organisations.map((organisation) => ({
        id: organisation.id,
        name: organisation.name[language],
        services: services
          .filter((service) => service.organisationId === organisation.id)
          .map((service) => ({ code: service.code, name: service.name[language] })),
      })),
    };
  };

  const file = (
    body: PublicAppealBody,
    request: IncomingMessage,
    address: string,
  ): Ack<FiledAppealWithQr> => {
    const registered = appeals.register(
      {
        channel: 'online',
        language: body.language ?? 'uk',
        // The schema checked the ids' shape; the branded types are plain strings on the wire.
        topic: body.topic as AppealTopic,
        summary: body.summary,
        text: body.text,
        applicant: body.applicant,
      },
      { kind: 'visitor', address },
    );
    if (!registered.ok) return registered;
    const { appeal } = registered.data;
    const trackingUrl =
      trackingUrlOf(appeal.trackingCode, publicBaseOf(centre(), undefined, requestOrigin(request))) ??
      `/a/${appeal.trackingCode}`;
    return {
      ok: true,
      data: {
        number: appeal.number,
        trackingCode: appeal.trackingCode,
        trackingUrl,
        answerDueDay: appeal.answerDueDay,
        qr: qrSvg(trackingUrl),
      },
    };
  };

  const routes: Route[] = [
    route('GET', PAGE_PATH, ({ request, response, url }) => {
      const language = pickLanguage(url.searchParams.get('lang'), request.headers['accept-language']);
      const src = scriptSrc();
      if (!src) {
        return sendError(
          response,
          503,
          'NOT_FOUND',
          'The appeals page is not built yet: run `npm run build`.',
        );
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(renderAppealPage(language, url.pathname, src));
    }),
    route('GET', '/api/appeal/options', ({ request, response, url }) => {
      const language = pickLanguage(url.searchParams.get('lang'), request.headers['accept-language']);
      sendJson(response, 200, { ok: true, data: options(language) });
    }),
    jsonRoute(
      'POST',
      '/api/appeal',
      PublicAppealBody,
      (body, { request, address }) => file(body, request, address),
      201,
    ),
    route('GET', CODE_PATH, ({ response, params }) => {
      const code = AppealCodeSchema.safeParse(params[0] ?? '');
      const found: PublicAppealView | undefined = code.success ? appeals.track(code.data) : undefined;
      sendAck(response, found ? { ok: true, data: found } : { ok: false, error: NO_APPEAL });
    }),
  ];

  // Every request counts against the address's reads; filing also against its writes.
  return guarded(routes, ({ response, address }, method) => {
    const now = Date.now();
    const readable = reads.allow(address, now);
    if (readable && (method !== 'POST' || writes.allow(address, now))) return true;
    response.setHeader('retry-after', String((readable ? APPEAL_WRITE_WINDOW_MS : READ_WINDOW_MS) / 1000));
    sendError(response, 429, 'RATE_LIMITED', 'Too many requests; try again later.');
    return false;
  });
};
