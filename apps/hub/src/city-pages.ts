/**
 * The city pages (`apps/city/dist`, built by `npm run build`) served by the hub under `/city/`:
 * the public page for residents and the live view for the city's staff (docs/city.md). Through
 * `serve-static`, as the centre's server serves its front ends (apps/server/src/static-files.ts):
 * hashed assets cached for a year, `index.html` revalidated every time and given for any path
 * that is no file (the pages route on the client). `/` goes to `/city/`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import serveStatic from 'serve-static';
import { type Route, route, sendJson } from './http';

export const CITY_DIST = fileURLToPath(new URL('../../city/dist', import.meta.url));

const refuse = (response: ServerResponse, status: number, code: string, message: string): void =>
  sendJson(response, status, { ok: false, error: { code, message } });

const revalidateIndex = (response: ServerResponse, file: string): void => {
  if (basename(file) === 'index.html') response.setHeader('cache-control', 'no-cache');
};

/** A path below `/city/` that decodes cleanly and stays inside the folder. */
const safeRelative = (relative: string): boolean => {
  try {
    const decoded = decodeURIComponent(relative);
    return !decoded.includes('\0') && !decoded.split(/[/\\]/).includes('..');
  } catch {
    return false;
  }
};

const cityFiles = (root: string) => {
  const options = { maxAge: '1y', immutable: true, index: ['index.html'], setHeaders: revalidateIndex };
  const files = serveStatic(root, { ...options, fallthrough: true });
  const index = serveStatic(root, { ...options, fallthrough: false });
  return (request: IncomingMessage, response: ServerResponse, relative: string): void => {
    const query = request.url?.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    request.url = `/${relative}${query}`;
    files(request, response, () => {
      request.url = '/index.html';
      index(request, response, (error?: { statusCode?: number }) => {
        if (error?.statusCode === 404) {
          return refuse(response, 503, 'NOT_FOUND', 'The city pages are not built yet: run `npm run build`.');
        }
        refuse(response, error?.statusCode ?? 500, 'BAD_REQUEST', 'Cannot serve this file.');
      });
    });
  };
};

/** `/` → `/city/`; `/city` → `/city/`; `/city/…` → the pages' files (GET and HEAD). */
export const cityPageRoutes = (distFolder: string = CITY_DIST): Route[] => {
  const files = cityFiles(distFolder);
  return [
    route('GET', '/', ({ response }) => {
      response.writeHead(302, { location: '/city/' });
      response.end();
    }),
    route('GET', '/city', ({ response, url }) => {
      response.writeHead(301, { location: `/city/${url.search}` });
      response.end();
    }),
    route('GET', /^\/city\/(.*)$/, ({ request, response, params }) => {
      const relative = params[0] ?? '';
      if (!safeRelative(relative)) return refuse(response, 400, 'BAD_REQUEST', 'Bad path.');
      files(request, response, relative);
    }),
  ];
};
