/** `/favicon.ico` is an icon, cached, rather than a 404 on every page a browser opens. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAVICON_FILE } from '../../apps/server/src/favicon';
import { type TestServer, startServer } from './harness';

describe('/favicon.ico', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers with the icon checked into the repository, as an icon, cached for a month', async () => {
    const answer = await fetch(`${server.url}/favicon.ico`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/x-icon');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=2592000');
    const body = new Uint8Array(await answer.arrayBuffer());
    expect(body).toEqual(new Uint8Array(readFileSync(FAVICON_FILE)));
    // An ICO header (reserved 0, type 1) with at least one image in it.
    expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(body[4]).toBeGreaterThan(0);
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await fetch(`${server.url}/favicon.ico`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/x-icon');
    const post = await fetch(`${server.url}/favicon.ico`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
