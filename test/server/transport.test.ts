/**
 * Transport: with a certificate the server speaks HTTPS and WSS only; browser pages from other
 * sites cannot open a socket (same origin and the allow-list can); clients without an Origin
 * header (kiosk shells, scripts) still connect with a token. The test certificate is made at
 * test time with the `openssl` command (Node cannot create X.509 certificates by itself).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import type { AuditRecord } from '@queue/protocol';
import { type Application, createApplication, silentLogger } from '@queue/server';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClientSocket,
  KIOSK_TOKEN,
  TestClock,
  type TestServer,
  okData,
  rid,
  startServer,
  tempDir,
} from './harness';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A throwaway self-signed certificate for 127.0.0.1 and localhost. */
const selfSigned = (dir: string): { cert: string; key: string } => {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
};

/** Connect and resolve to the socket, or reject with the connection error. */
const attempt = (url: string, options: Parameters<typeof io>[1]): Promise<ClientSocket> =>
  new Promise((resolveConnect, reject) => {
    const socket: ClientSocket = io(url, { reconnection: false, forceNew: true, ...options });
    socket.once('connect', () => resolveConnect(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });

describe.skipIf(!hasOpenssl)('TLS', () => {
  const dir = tempDir('tls');
  let app: Application;
  let tls: { cert: string; key: string };
  let port: number;

  beforeAll(async () => {
    tls = selfSigned(dir);
    app = await createApplication({
      databaseFile: join(dir, 'queue.sqlite'),
      seedDemo: true,
      clock: new TestClock(),
      logger: silentLogger,
      tls,
    });
    port = await app.listen(0);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /health over HTTPS and carries sockets over WSS', async () => {
    const body = await new Promise<string>((resolveBody, reject) => {
      get(`https://127.0.0.1:${port}/health`, { ca: tls.cert }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolveBody(text));
      }).on('error', reject);
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok' });

    const kiosk = await attempt(`https://127.0.0.1:${port}`, {
      auth: { token: KIOSK_TOKEN },
      transports: ['websocket'],
      ca: tls.cert,
    });
    try {
      const issued = await okData(
        kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
      );
      expect(issued.ticket.status).toBe('waiting');
    } finally {
      kiosk.close();
    }
    // A client that does not trust the certificate does not get through.
    await expect(
      attempt(`https://127.0.0.1:${port}`, { auth: { token: KIOSK_TOKEN }, transports: ['websocket'] }),
    ).rejects.toThrow();
    // Plain HTTP to the TLS port gets nowhere.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});

describe('browser origins', () => {
  let server: TestServer;
  let admin: ClientSocket;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  const connectFrom = (origin: string | undefined, transport: 'websocket' | 'polling') =>
    attempt(server.url, {
      auth: { token: KIOSK_TOKEN },
      transports: [transport],
      ...(origin ? { extraHeaders: { origin } } : {}),
    });

  it.each(['websocket', 'polling'] as const)('refuses a page from another site (%s)', async (transport) => {
    await expect(connectFrom('http://evil.example', transport)).rejects.toThrow();
    await expect(connectFrom('null', transport)).rejects.toThrow();
    const refused = (await okData(
      admin.emitWithAck('audit:list', { action: 'connection:refused' }),
    )) as readonly AuditRecord[];
    expect(refused.some((entry) => entry.details?.origin === 'http://evil.example')).toBe(true);
  });

  it.each(['websocket', 'polling'] as const)(
    'lets the server’s own pages and clients without an Origin connect (%s)',
    async (transport) => {
      for (const origin of [`http://127.0.0.1:${server.port}`, undefined]) {
        const socket = await connectFrom(origin, transport);
        expect(socket.connected).toBe(true);
        socket.close();
      }
    },
  );

  it('lets allow-listed origins connect', async () => {
    const dir = tempDir('origins');
    const app = await createApplication({
      databaseFile: join(dir, 'queue.sqlite'),
      seedDemo: true,
      clock: new TestClock(),
      logger: silentLogger,
      allowedOrigins: ['https://desk.example'],
    });
    const port = await app.listen(0);
    try {
      const url = `http://127.0.0.1:${port}`;
      const options = { auth: { token: KIOSK_TOKEN }, transports: ['websocket'] };
      const allowed = await attempt(url, { ...options, extraHeaders: { origin: 'https://desk.example' } });
      allowed.close();
      await expect(
        attempt(url, { ...options, extraHeaders: { origin: 'https://evil.example' } }),
      ).rejects.toThrow();
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
