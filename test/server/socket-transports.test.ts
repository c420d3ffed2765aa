/**
 * The front ends' socket (packages/client) opens a WebSocket straight away: no HTTP
 * long-polling request first, no upgrade. Where the WebSocket cannot open it falls back to
 * long-polling in the same attempt, and a page from another site is refused on both.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ConnectionStatus, SOCKET_TRANSPORTS, connectQueue } from '@queue/client';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, KIOSK_TOKEN, type TestServer, startServer, waitFor } from './harness';

describe('socket transports of the front ends', () => {
  let server: TestServer;
  const pollingRequests: string[] = [];
  let refuseUpgrades = false;
  const countPolling = (request: IncomingMessage): void => {
    if (request.url?.startsWith('/socket.io/') && request.url.includes('transport=polling')) {
      pollingRequests.push(request.url);
    }
  };
  const blockUpgrade = (request: IncomingMessage, socket: Duplex): void => {
    // A proxy that does not pass WebSockets: the upgrade request dies before socket.io sees it.
    if (refuseUpgrades && request.url?.startsWith('/socket.io/')) socket.destroy();
  };

  beforeAll(async () => {
    server = await startServer();
    server.app.httpServer.prependListener('request', countPolling);
    server.app.httpServer.prependListener('upgrade', blockUpgrade);
  });
  afterEach(() => {
    pollingRequests.length = 0;
    refuseUpgrades = false;
  });
  afterAll(async () => {
    await server.close();
  });

  const attempt = (origin?: string): Promise<ClientSocket> =>
    new Promise((resolveConnect, reject) => {
      const socket: ClientSocket = io(server.url, {
        ...SOCKET_TRANSPORTS,
        transports: [...SOCKET_TRANSPORTS.transports],
        auth: { token: KIOSK_TOKEN },
        reconnection: false,
        forceNew: true,
        ...(origin ? { extraHeaders: { origin } } : {}),
      });
      socket.once('connect', () => resolveConnect(socket));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });

  it('connects over a WebSocket without a single polling request', async () => {
    const socket = await attempt(`http://127.0.0.1:${server.port}`);
    try {
      expect(socket.io.engine.transport.name).toBe('websocket');
      expect(pollingRequests).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('falls back to long-polling when the WebSocket cannot open', async () => {
    refuseUpgrades = true;
    const socket = await attempt();
    try {
      expect(socket.io.engine.transport.name).toBe('polling');
      expect(pollingRequests.length).toBeGreaterThan(0);
      const answer = (await socket.timeout(5_000).emitWithAck('sync:snapshot', {})) as { ok: boolean };
      expect(answer.ok).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('still refuses a page from another site, on the WebSocket and on the fallback', async () => {
    await expect(attempt('http://evil.example')).rejects.toThrow();
    // The WebSocket was refused, so the client tried polling too, and that was refused as well.
    expect(pollingRequests.length).toBeGreaterThan(0);
  });

  it('reconnects and resyncs over a WebSocket after the server drops the link', async () => {
    const statuses: ConnectionStatus[] = [];
    const connection = connectQueue({
      url: server.url,
      token: KIOSK_TOKEN,
      onState: () => undefined,
      onStatus: (status) => statuses.push(status),
    });
    try {
      await waitFor(() => statuses.includes('online'));
      expect(connection.socket.io.engine.transport.name).toBe('websocket');
      statuses.length = 0;
      server.app.io.disconnectSockets();
      await waitFor(() => statuses.includes('online'));
      expect(statuses[0]).toBe('offline');
      expect(connection.socket.io.engine.transport.name).toBe('websocket');
      expect(pollingRequests).toEqual([]);
    } finally {
      connection.close();
    }
  });
});
