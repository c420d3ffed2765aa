/**
 * Every HTTP endpoint under random, malformed and oversized requests (fast-check): each gets
 * an answer below 500, the JSON endpoints a clear `{ ok: false, error: { code, message } }`
 * refusal, and afterwards the server still answers and nothing was created or lost: the same
 * tickets, bookings, pairing requests and ratings as before.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, type TestServer, okData, rid, startServer } from './harness';

interface Target {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  /** The answer is JSON (an API endpoint), not a page. */
  readonly json: boolean;
}

const TICKET_LIKE = 'AbCdEfGh12345678';

const TARGETS: readonly Target[] = [
  { method: 'POST', path: '/api/session', json: true },
  { method: 'DELETE', path: '/api/session', json: true },
  { method: 'GET', path: '/api/desks', json: true },
  { method: 'GET', path: '/api/terminal', json: true },
  { method: 'POST', path: '/api/pairing', json: true },
  { method: 'POST', path: '/api/pairing/status', json: true },
  { method: 'GET', path: '/api/book/options', json: true },
  { method: 'GET', path: '/api/book/slots', json: true },
  { method: 'POST', path: '/api/book', json: true },
  { method: 'GET', path: '/api/book/ABCDEFGH', json: true },
  { method: 'POST', path: '/api/book/ABCDEFGH/cancel', json: true },
  { method: 'POST', path: '/api/book/ABCDEFGH/move', json: true },
  { method: 'GET', path: '/api/reports/export', json: true },
  { method: 'GET', path: '/api/identity', json: true },
  // A form post from the status page: refusals come back as a page saying why.
  { method: 'POST', path: `/t/${TICKET_LIKE}/rating`, json: false },
  { method: 'GET', path: `/t/${TICKET_LIKE}`, json: false },
  { method: 'GET', path: '/book', json: false },
  { method: 'GET', path: '/book/ABCDEFGH', json: false },
];

/** Bodies: JSON of any shape, broken JSON, binary junk, and bodies far over the size limit. */
const bodies = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .dictionary(
      fc.constantFrom('login', 'secret', 'kind', 'code', 'secret', 'serviceCode', 'slotAt', 'phone', 'score'),
      fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom('{', '[1,', '{"login": }', '\u0000', 'x'.repeat(300 * 1024)),
);

/** Query strings: random keys and values, dates that are not dates, huge values. */
const queries = fc
  .dictionary(
    fc.constantFrom('from', 'to', 'groupBy', 'format', 'lang', 'service', 'day', 'organisationId', 'token'),
    fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('2026-02-30', 'xlsx', 'csv', 'x'.repeat(5000))),
  )
  .map((entries) => new URLSearchParams(entries).toString());

const requests = fc.record({
  target: fc.constantFrom(...TARGETS),
  body: bodies,
  query: queries,
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
  bearer: fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.constant(KIOSK_TOKEN)), { nil: undefined }),
});

describe('HTTP endpoints under fuzzing', () => {
  let server: TestServer;
  const counts = (): Record<string, number> => {
    const db = new Database(server.databaseFile, { readonly: true });
    try {
      const count = (table: string): number =>
        (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      return {
        tickets: count('tickets'),
        bookings: count('bookings'),
        ratings: count('ratings'),
        devices: count('devices'),
        staff: count('staff'),
      };
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    server = await startServer();
    const kiosk = await server.connect(KIOSK_TOKEN);
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }));
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers every request below 500, refuses bad ones clearly, and changes nothing', async () => {
    const before = counts();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requests, async ({ target, body, query, contentType, bearer }) => {
        const url = `${server.url}${target.path}${query ? `?${query}` : ''}`;
        const headers: Record<string, string> = {};
        if (contentType) headers['content-type'] = contentType;
        if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
        let status: number;
        let text: string;
        try {
          const response = await fetch(url, {
            method: target.method,
            headers,
            ...(target.method === 'POST' ? { body } : {}),
          });
          status = response.status;
          text = await response.text();
        } catch {
          // The server may close the connection on an oversized body after answering 413.
          expect(body.length).toBeGreaterThan(16 * 1024);
          return;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, `${target.method} ${target.path}`).toBeLessThan(500);
        // Node's own parser refuses a request line and headers over 16 KB before any handler.
        if (status === 431) return;
        if (target.json && status >= 400) {
          const answer = JSON.parse(text) as { ok: boolean; error: { code: string; message: string } };
          expect(answer.ok).toBe(false);
          expect(answer.error.code).toMatch(/^[A-Z_]+$/);
          expect(answer.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    // The traffic got somewhere: refusals of several kinds, not one blanket answer.
    expect([...statuses.keys()].filter((status) => status >= 400).length).toBeGreaterThan(2);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(counts()).toEqual(before);
  });
});
