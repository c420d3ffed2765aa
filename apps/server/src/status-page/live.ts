/**
 * The status page's live side: `/t/<id>/live`, a Server-Sent-Events feed of that one ticket's
 * card (position, wait, desk when called — nothing else), sent whenever the queue changes and
 * the card with it; and `/t/<id>/rating`, the visitor's rating of the finished visit (once,
 * form-posted so that it works without a script). The ticket id is the only credential; both
 * are rate-limited per address, and the number of open feeds is capped.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language, Ticket } from '@queue/core';
import { liveEstimateOf } from './live-estimate';
import type { RatingStore } from '@queue/db';
import { RatingBody } from '@queue/protocol';
import { type Route, route } from '../http-routes';
import { readBody } from '@queue/http';
import type { Logger } from '../logger';
import type { QueueService } from '../queue-service';
import { RateLimit } from '../rate-limit';
import { STATUS_MESSAGES } from './messages';
import { isOpen, pickLanguage, renderNotice, renderTicketBody } from './render';

const LIVE_PATH = /^\/t\/([A-Za-z0-9_-]{8,64})\/live\/?$/;
const RATING_PATH = /^\/t\/([A-Za-z0-9_-]{8,64})\/rating\/?$/;
/** Live feeds one address may hold open, and in all. */
export const MAX_FEEDS_PER_ADDRESS = 4;
const MAX_FEEDS = 2_000;
/** Rating posts per address and minute. */
export const RATING_LIMIT = 10;
const HEARTBEAT_MS = 25_000;
const COALESCE_MS = 200;

export interface LiveStatusDeps {
  readonly queue: QueueService;
  readonly ratings: RatingStore;
  readonly logger: Logger;
  readonly lookupTicket: (id: string) => Ticket | undefined;
  /** A visit was rated (the city hub is told soon). */
  readonly rated?: () => void;
  /** The status page's own limit, shared: opening a feed counts as a page view. */
  readonly pageLimit: RateLimit;
}

interface Feed {
  readonly ticketId: string;
  readonly language: Language;
  readonly response: ServerResponse;
  last: string;
  timer?: NodeJS.Timeout;
}

export const liveStatusRoutes = (deps: LiveStatusDeps): { routes: readonly Route[]; close(): void } => {
  const feeds = new Set<Feed>();
  const perAddress = new Map<string, number>();
  const ratingLimit = new RateLimit(RATING_LIMIT, 60_000);

  const cardOf = (feed: Feed): { html: string; status: string; open: boolean } | undefined => {
    // Today's live ticket first (the lookup tries the queue before the database).
    const ticket = deps.lookupTicket(feed.ticketId);
    if (!ticket) return undefined;
    const estimate = liveEstimateOf(deps.queue, ticket);
    const rated = deps.ratings.get(ticket.id) !== undefined;
    return {
      html: renderTicketBody(deps.queue.centre, ticket, estimate, feed.language, rated, deps.queue.now()),
      status: ticket.status,
      open: isOpen(ticket),
    };
  };

  const push = (feed: Feed): void => {
    feed.timer = undefined;
    const card = cardOf(feed);
    if (!card) return;
    const data = JSON.stringify(card);
    if (data === feed.last) return;
    feed.last = data;
    feed.response.write(`data: ${data}\n\n`);
    if (!card.open) feed.response.end();
  };

  const unsubscribe = deps.queue.onEvents(() => {
    // Every change may move a visitor's place; each feed is redrawn at most every 200 ms.
    for (const feed of feeds) feed.timer ??= setTimeout(() => push(feed), COALESCE_MS);
  });
  const heartbeat = setInterval(() => {
    for (const feed of feeds) feed.response.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const openFeed = (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    ticketId: string,
    address: string,
  ): void => {
    const held = perAddress.get(address) ?? 0;
    if (
      !deps.pageLimit.allow(address, Date.now()) ||
      held >= MAX_FEEDS_PER_ADDRESS ||
      feeds.size >= MAX_FEEDS
    ) {
      response.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' });
      return void response.end('Too many requests.');
    }
    const ticket = deps.lookupTicket(ticketId);
    if (!ticket) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('Not found.');
    }
    const language = pickLanguage(
      url.searchParams.get('lang'),
      request.headers['accept-language'],
      ticket.language,
    );
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    const feed: Feed = { ticketId: ticket.id, language, response, last: '' };
    feeds.add(feed);
    perAddress.set(address, held + 1);
    request.on('close', () => {
      feeds.delete(feed);
      if (feed.timer) clearTimeout(feed.timer);
      const count = (perAddress.get(address) ?? 1) - 1;
      if (count <= 0) perAddress.delete(address);
      else perAddress.set(address, count);
    });
    push(feed);
  };

  const rate = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    ticketId: string,
    address: string,
  ): Promise<void> => {
    const language = pickLanguage(
      url.searchParams.get('lang'),
      request.headers['accept-language'],
      deps.lookupTicket(ticketId)?.language,
    );
    const text = STATUS_MESSAGES[language];
    const back = `/t/${ticketId}?lang=${language}`;
    const answer = (status: number, message: string): void => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(renderNotice(language, message, back));
    };
    if (!ratingLimit.allow(address, Date.now())) return answer(429, 'Too many requests.');
    const raw = await readBody(request);
    if (raw === 'too-large') {
      response.setHeader('connection', 'close');
      return answer(413, 'Too large.');
    }
    const type = request.headers['content-type'] ?? '';
    let fields: unknown;
    try {
      fields = type.startsWith('application/json')
        ? JSON.parse(raw)
        : Object.fromEntries(new URLSearchParams(raw).entries());
    } catch {
      return answer(400, text.rateScale);
    }
    const parsed = RatingBody.safeParse(fields);
    if (!parsed.success) return answer(400, text.rateScale);
    const ticket = deps.lookupTicket(ticketId);
    if (!ticket) return answer(404, text.notFound);
    if (ticket.status !== 'completed') return answer(409, text.rateNotYet);
    const added = deps.ratings.add({
      ticketId: ticket.id,
      serviceDay: ticket.serviceDay,
      serviceCode: ticket.serviceCode,
      ...(ticket.deskId ? { deskId: ticket.deskId } : {}),
      ...(ticket.operatorId ? { operatorId: ticket.operatorId } : {}),
      score: parsed.data.score,
      ...(parsed.data.comment ? { comment: parsed.data.comment } : {}),
      at: deps.queue.now(),
    });
    if (!added) return answer(409, text.rateAlready);
    deps.rated?.();
    deps.logger.info('visit rated', { ticket: ticket.number, score: parsed.data.score });
    // Back to the ticket, which now says thank you (and a reload does not post twice).
    response.writeHead(303, { location: back });
    response.end();
  };

  const routes: Route[] = [
    route('GET', LIVE_PATH, ({ request, response, url, params, address }) =>
      openFeed(request, response, url, params[0] ?? '', address),
    ),
    route('POST', RATING_PATH, ({ request, response, url, params, address }) =>
      rate(request, response, url, params[0] ?? '', address),
    ),
  ];

  return {
    routes,
    close: () => {
      unsubscribe();
      clearInterval(heartbeat);
      for (const feed of feeds) {
        if (feed.timer) clearTimeout(feed.timer);
        feed.response.end();
      }
      feeds.clear();
    },
  };
};
