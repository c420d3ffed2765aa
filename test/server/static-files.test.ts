/**
 * The front ends' files: hashed assets cached for good, index.html revalidated, 304 for an
 * unchanged file, the app's index for client-side routes, bad paths refused, and a clear
 * answer for a front end that is not built.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startServer, tempDir } from './harness';

describe('front-end files', () => {
  let server: TestServer;
  const root = tempDir('front-ends');

  beforeAll(async () => {
    mkdirSync(join(root, 'kiosk', 'assets'), { recursive: true });
    writeFileSync(join(root, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(root, 'kiosk', 'assets', 'index-3f2a.js'), 'console.log("kiosk");');
    // Only the window page of the board's build: the board itself stays unbuilt (the last test).
    mkdirSync(join(root, 'display', 'window'), { recursive: true });
    writeFileSync(join(root, 'display', 'window', 'index.html'), '<!doctype html><title>window</title>');
    server = await startServer({ frontEndDir: (name) => join(root, name) });
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });

  it('serves hashed assets for a year and revalidates index.html', async () => {
    const asset = await get('/kiosk/assets/index-3f2a.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("kiosk");');

    const index = await get('/kiosk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>kiosk</title>');
  });

  it('serves the window display, a page of the board’s build, at /window/', async () => {
    const page = await get('/window/?desk=5');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>window</title>');
    expect(await (await get('/window/anything')).text()).toContain('<title>window</title>');
    const bare = await fetch(`${server.url}/window?desk=5`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/window/?desk=5');
  });

  it('answers 304 to a request for a file the client already has', async () => {
    const first = await get('/kiosk/assets/index-3f2a.js');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // Through node:http: fetch adds `cache-control: no-cache` to conditional requests.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.url}/kiosk/assets/index-3f2a.js`);
      request(url, { headers: { 'if-none-match': etag ?? '' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(304);
  });

  it("gives a client-side route the app's index, and refuses paths out of the folder", async () => {
    const route = await get('/kiosk/settings/printer?x=1');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>kiosk</title>');
    expect((await get('/kiosk/..%2f..%2fpackage.json')).status).toBe(400);
    expect((await get('/kiosk/assets/%zz')).status).toBe(400);
  });

  it('answers 404, not the index, for a missing asset or any missing path with a file extension', async () => {
    for (const path of [
      '/kiosk/assets/whatever.js',
      '/kiosk/assets/index-0000.css',
      '/kiosk/assets/',
      '/kiosk/logo.png',
      '/kiosk/icons/arrow.svg',
      '/kiosk/assets/fonts/inter.woff2',
      '/kiosk/assets/index-3f2a.js.map',
      '/kiosk/settings/favicon.ico?v=2',
    ]) {
      const missing = await get(path);
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get('content-type'), path).toMatch(/^text\/plain/);
      const body = await missing.text();
      expect(body, path).not.toContain('<title>');
      expect(body.length, path).toBeLessThan(100);
    }
    // Extension-less client-side routes still get the app's index.
    for (const path of ['/kiosk/settings', '/kiosk/tickets/A-012/', '/kiosk/book?service=7']) {
      const route = await get(path);
      expect(route.status, path).toBe(200);
      expect(await route.text(), path).toContain('<title>kiosk</title>');
    }
  });

  it('says so when a front end is not built', async () => {
    const missing = await get('/display/');
    expect(missing.status).toBe(503);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      'npm run build',
    );
  });
});
