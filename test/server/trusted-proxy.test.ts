/**
 * Behind a reverse proxy that publishes the booking page, each visitor keeps their own
 * limits (the proxy's X-Forwarded-For is believed); without the proxy being trusted, a
 * forwarded-for header a client writes itself changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type TestServer, startServer } from './harness';

const SERVICE = 'doc-residence';
const DAY = '2026-11-25';
const TIMES = ['09:45', '10:45', '11:45', '12:45', '13:45'];
const slot = (time: string): number => Date.parse(`${DAY}T${time}:00+02:00`);

describe('the client behind a reverse proxy', () => {
  let server: TestServer;

  afterEach(async () => {
    await server.close();
  });

  const book = async (time: string, index: number, forwardedFor: string): Promise<number> => {
    const response = await fetch(`${server.url}/api/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({
        serviceCode: SERVICE,
        slotAt: slot(time),
        name: `Особа ${index}`,
        phone: `+38050${String(index).padStart(7, '0')}`,
        language: 'uk',
      }),
    });
    return response.status;
  };

  it('counts each forwarded client on its own when the proxy is trusted', async () => {
    server = await startServer({ trustedProxies: ['127.0.0.1'] });
    const first = [];
    for (const [index, time] of TIMES.slice(0, 4).entries())
      first.push(await book(time, index, '198.51.100.1'));
    expect(first).toEqual([201, 201, 201, 429]);
    expect(await book(TIMES[4] ?? '', 9, '203.0.113.2')).toBe(201);
  });

  it('ignores the header from a client that is not a trusted proxy', async () => {
    server = await startServer();
    const statuses = [];
    for (const [index, time] of TIMES.slice(0, 4).entries()) {
      statuses.push(await book(time, index, `198.51.100.${index + 1}`));
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
