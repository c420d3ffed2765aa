/**
 * Guessing a PIN is slowed to a crawl: after five wrong tries a login waits, even with the
 * right PIN, and each further failure doubles the wait. Other logins are not affected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_WAITING_TRIES, Throttle } from '../../apps/server/src/login-throttle';
import { RateLimit } from '../../apps/server/src/rate-limit';
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

  it('evaluates no more parallel guesses for one login than a patient guesser gets', async () => {
    // The right PIN is among 300 sent at once: only the five free tries may be checked.
    const secrets = Array.from({ length: 300 }, (_, index) => (index === 299 ? '1111' : String(index)));
    const statuses = await Promise.all(
      secrets.map(async (secret) => (await post(server, { login: 'operator1', secret })).status),
    );
    const evaluated = statuses.filter((status) => status !== 429);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(295);
  });

  it('lets twenty desks log in at once through one address, one after another', async () => {
    const statuses = await Promise.all(
      Array.from(
        { length: 20 },
        async () => (await post(server, { login: 'admin', secret: 'admin' })).status,
      ),
    );
    expect(statuses).toEqual(statuses.map(() => 200));
  });

  it('evaluates no more parallel guesses from one address than its free tries, across logins', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 400 }, async (_, index) => {
        return (await post(server, { login: `nobody${index}`, secret: '0000' })).status;
      }),
    );
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(380);
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

  it('counts reserved tries as failures until they are settled; a try beyond them waits its turn', async () => {
    const throttle = new Throttle({ freeAttempts: 3, firstLockMs: 1_000, maxLockMs: 5_000 });
    expect(await Promise.all([0, 1, 2].map(() => throttle.reserve('x', 0)))).toEqual([0, 0, 0]);
    let fourth: number | undefined;
    const waiting = throttle.reserve('x', 0).then((wait) => (fourth = wait));
    await Promise.resolve();
    expect(fourth).toBeUndefined();
    throttle.settle('x', 0, 'released');
    await waiting;
    expect(fourth).toBe(0);
    for (let settled = 0; settled < 3; settled += 1) throttle.settle('x', 0, 'failed');
    expect(await throttle.reserve('x', 500)).toBe(500);
    // After the lock, one try at a time; its failure doubles the wait, and the waiter learns of it.
    expect(await throttle.reserve('x', 1_000)).toBe(0);
    const second = throttle.reserve('x', 1_000);
    throttle.settle('x', 1_000, 'failed');
    expect(await second).toBe(2_000);
    expect(throttle.waitMs('x', 1_000)).toBe(2_000);
  });

  it('turns away tries beyond a bounded queue', async () => {
    const throttle = new Throttle({ freeAttempts: 1, firstLockMs: 1_000, maxLockMs: 5_000 });
    expect(await throttle.reserve('x', 0)).toBe(0);
    const queued = Array.from({ length: MAX_WAITING_TRIES }, () => throttle.reserve('x', 0));
    expect(await throttle.reserve('x', 0)).toBeGreaterThan(0);
    // Each settled try lets exactly one waiter through.
    for (let settled = 0; settled < MAX_WAITING_TRIES; settled += 1) {
      throttle.settle('x', 0, 'succeeded');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(queued)).toEqual(queued.map(() => 0));
  });

  it('a success forgives the failures before it', async () => {
    const throttle = new Throttle({ freeAttempts: 2, firstLockMs: 1_000, maxLockMs: 5_000 });
    await throttle.reserve('x', 0);
    throttle.settle('x', 0, 'failed');
    await throttle.reserve('x', 0);
    throttle.settle('x', 0, 'succeeded');
    expect([await throttle.reserve('x', 0), await throttle.reserve('x', 0)]).toEqual([0, 0]);
  });

  it('keeps a locked key locked however many other keys arrive', () => {
    const throttle = new Throttle({ freeAttempts: 1, firstLockMs: 60_000, maxLockMs: 60_000 }, 1_000);
    throttle.fail('victim', 0);
    for (let key = 0; key < 5_000; key += 1) {
      throttle.fail(`other${key}`, 0);
      if (key % 100 === 0) expect(throttle.waitMs('victim', 1)).toBeGreaterThan(0);
    }
    expect(throttle.waitMs('victim', 1)).toBeGreaterThan(0);
  });
});

describe('rate limit', () => {
  it('keeps counting a hammering address while many new ones arrive, with no reset for all', () => {
    const limit = new RateLimit(3, 60_000, 1_000);
    for (let request = 0; request < 3; request += 1) expect(limit.allow('hammer', 0)).toBe(true);
    for (let address = 0; address < 20_000; address += 1) {
      limit.allow(`10.0.${address}`, 1);
      if (address % 50 === 0) expect(limit.allow('hammer', 2)).toBe(false);
    }
    expect(limit.allow('hammer', 3)).toBe(false);
    expect(limit.allow('hammer', 60_000)).toBe(true);
  });
});
