/**
 * Shutting down does not wait on clients: a connection that is halfway through sending a
 * request (a slow or hostile client on the guest Wi-Fi, a browser cut off mid-request) would
 * otherwise hold `close()` open until Node's header timeout, a minute later, and with it a
 * restart or an upgrade.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from './harness';

describe('shutdown', () => {
  it('closes while a client is halfway through a request, and cuts that client off', async () => {
    const server = await startServer();
    const client = connect(server.port, '127.0.0.1');
    // Being cut off shows on this side as a reset: that is the point.
    client.on('error', () => undefined);
    await new Promise<void>((resolveConnect) => client.once('connect', () => resolveConnect()));
    client.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const cutOff = new Promise<void>((resolveClose) => client.once('close', () => resolveClose()));

    const outcome = await Promise.race([
      server.close().then(() => 'closed'),
      new Promise((resolveLate) => setTimeout(() => resolveLate('still waiting'), 20_000)),
    ]);
    expect(outcome).toBe('closed');
    await cutOff;
    expect(client.destroyed || client.readyState === 'closed').toBe(true);
  }, 30_000);
});
