/**
 * DNS rebinding: a page on a foreign name that is made to resolve to the server sends an
 * Origin and a Host that agree. Such requests are refused, plain HTTP and socket.io alike;
 * IP addresses, localhost, the machine's own names and configured names are answered.
 */
import { request } from 'node:http';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostAllowed, ownHostNames } from '../../apps/server/src/origin';
import { type TestServer, startServer } from './harness';

/** Status of a GET with the given headers (node:http, since fetch will not send a Host of our choosing). */
const statusOf = (server: TestServer, path: string, headers: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const outgoing = request(
      { host: url.hostname, port: url.port, path, method: 'GET', headers },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });

const POLLING = '/socket.io/?EIO=4&transport=polling';

describe('requests addressed to a foreign name', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ allowedHosts: ['queue.example.org'] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('are refused over HTTP and socket.io, even when Origin and Host agree', async () => {
    const port = new URL(server.url).port;
    const foreign = { host: `rebound.example:${port}`, origin: `http://rebound.example:${port}` };
    expect(await statusOf(server, '/health', foreign)).toBe(421);
    expect(await statusOf(server, '/api/desks', foreign)).toBe(421);
    expect(await statusOf(server, POLLING, foreign)).toBe(403);
  });

  it('are answered for IP addresses, localhost, the machine name and configured names', async () => {
    const port = new URL(server.url).port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `${hostname()}:${port}`,
      'QUEUE.example.org',
    ]) {
      expect(await statusOf(server, '/health', { host }), host).toBe(200);
      expect(await statusOf(server, POLLING, { host, origin: `http://${host}` }), host).toBe(200);
    }
  });
});

describe('hostAllowed', () => {
  const own = ownHostNames('Centre-PC', ['queue.example.org'], ['https://desk.example.net']);

  it('passes addresses, localhost and own names with or without a port', () => {
    for (const host of [
      '10.0.0.5',
      '10.0.0.5:8080',
      '[::1]:8080',
      '[fe80::1]',
      'localhost',
      'app.localhost:3000',
      'centre-pc',
      'centre-pc.local:8080',
      'queue.example.org.',
      'desk.example.net',
      undefined,
    ]) {
      expect(hostAllowed(host, own), String(host)).toBe(true);
    }
  });

  it('refuses every other name, lookalikes included', () => {
    for (const host of [
      'evil.example',
      'centre-pc.evil.example',
      'queue.example.org.evil',
      '10.0.0.5.nip.io',
      '',
    ]) {
      expect(hostAllowed(host, own), host).toBe(false);
    }
  });
});
