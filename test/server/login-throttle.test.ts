/**
 * Guessing a PIN is slowed to a crawl: after five wrong tries a login waits, even with the
 * right PIN, and each further failure doubles the wait. Other logins are not affected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Throttle } from '../../apps/server/src/login-throttle';
import { type TestServer, startServer } from './harness';

const post = (server: TestServer, body: unknown) =>
  fetch(`${server.url}/api/session`, { method: 'POST', body: JSON.stringify(body) });

describe('login back-off', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('locks a login after repeated failures, then lets the right PIN in once the wait is over', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await post(server, { login: 'operator1', secret: '0000' })).status).toBe(401);
    }
    const locked = await post(server, { login: 'operator1', secret: '1111' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(30);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');

    expect((await post(server, { login: 'operator2', secret: '1111' })).status).toBe(200);

    server.clock.advanceMinutes(0.6);
    expect((await post(server, { login: 'operator1', secret: '1111' })).status).toBe(200);
  });
});

describe('throttle', () => {
  it('doubles the wait with each failure past the free attempts, up to the cap', () => {
    const throttle = new Throttle({ freeAttempts: 2, firstLockMs: 1_000, maxLockMs: 5_000 });
    const waits: number[] = [];
    for (let failure = 0; failure < 6; failure += 1) {
      throttle.fail('x', 0);
      waits.push(throttle.waitMs('x', 0));
    }
    expect(waits).toEqual([0, 1_000, 2_000, 4_000, 5_000, 5_000]);
    throttle.succeed('x');
    expect(throttle.waitMs('x', 0)).toBe(0);
  });
});
