/**
 * Input no handler expects gets a clear answer at once: an event nobody registered is
 * refused with BAD_REQUEST instead of leaving the client to its own timeout, and a request
 * path with broken percent-encoding is a 400, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, type TestServer, startServer } from './harness';

interface RawSocket {
  timeout(ms: number): { emitWithAck(name: string, ...args: unknown[]): Promise<unknown> };
}

describe('input no handler expects', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers an unknown socket event with a clear refusal', async () => {
    const kiosk = (await server.connect(KIOSK_TOKEN)) as unknown as RawSocket;
    for (const name of ['ticket:isue', 'no-such-thing', 'x'.repeat(500)]) {
      const answer = (await kiosk.timeout(5_000).emitWithAck(name, { requestId: 'r1' })) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(answer.ok).toBe(false);
      expect(answer.error.code).toBe('BAD_REQUEST');
      expect(answer.error.message).toContain('Unknown event');
      expect(answer.error.message.length).toBeLessThan(200);
    }
    // Known events still work on the same socket.
    const known = (await kiosk.timeout(5_000).emitWithAck('sync:snapshot', {})) as { ok: boolean };
    expect(known.ok).toBe(true);
  });

  it.each([
    '/kiosk/%E0%A4%A',
    '/desk/%zz',
    '/display/%c0%af',
    '/desk/%c0%ae%c0%ae/%c0%af',
    '/kiosk/..%c0%af..%c0%afetc',
    '/desk/%',
    '/kiosk/%00',
  ])('answers the malformed path %s with 400', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(400);
  });

  it('treats a target that looks like another host as a path on this server', async () => {
    const response = await fetch(`${server.url}//kiosk/`);
    expect(response.status).toBeLessThan(500);
  });
});
