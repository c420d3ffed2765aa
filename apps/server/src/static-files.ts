/**
 * The built front ends (`apps/<name>/dist`) served through `serve-static` (Express's, on
 * `send`): content types, ETag and Last-Modified with 304 answers, HEAD and ranges, and no
 * synchronous file system calls per request. Vite names assets by content hash, so they are
 * cached for a year; `index.html` is revalidated every time, so an update reaches every
 * screen on its next reload. A path that is no file gets `index.html` (the front ends route
 * on the client), unless it names a file (below `assets/`, or with an extension such as `.js`,
 * `.css`, `.png`, `.woff2`, `.map`): that answers 404, so that a stale page asking for an old
 * asset sees a failed load, not HTML parsed as a script or a style sheet.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import serveStatic from 'serve-static';
import { sendError } from '@queue/http';
import { type Route, route } from './http-routes';

export type FrontEndFiles = (request: IncomingMessage, response: ServerResponse, relative: string) => void;

/** A path that asks for a file, not a client-side route: under `assets/`, or with an extension. */
export const namesAFile = (relative: string): boolean => {
  const path = relative.split('?')[0] ?? '';
  if (path === 'assets' || path.startsWith('assets/')) return true;
  const last = path.split('/').pop() ?? '';
  return /\.[a-z][a-z0-9]{0,15}$/i.test(last);
};

const notFound = (request: IncomingMessage, response: ServerResponse): void => {
  const body = 'Not found.\n';
  response.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
};

const revalidateIndex = (response: ServerResponse, file: string): void => {
  if (basename(file) === 'index.html') response.setHeader('cache-control', 'no-cache');
};

/** The files of one front end; `relative` is the request's path below `/<name>/`, still encoded. */
export const frontEndFiles = (root: string): FrontEndFiles => {
  const options = { maxAge: '1y', immutable: true, index: ['index.html'], setHeaders: revalidateIndex };
  const files = serveStatic(root, { ...options, fallthrough: true });
  const index = serveStatic(root, { ...options, fallthrough: false });
  return (request, response, relative) => {
    const query = request.url?.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    request.url = `/${relative}${query}`;
    files(request, response, () => {
      if (namesAFile(relative)) return notFound(request, response);
      request.url = '/index.html';
      index(request, response, (error?: { statusCode?: number }) => {
        if (error?.statusCode === 404) {
          return sendError(
            response,
            503,
            'NOT_FOUND',
            'This front end is not built yet: run `npm run build`.',
          );
        }
        sendError(response, error?.statusCode ?? 500, 'BAD_REQUEST', 'Cannot serve this file.');
      });
    });
  };
};

export const FRONT_ENDS = ['kiosk', 'display', 'desk'] as const;
export type FrontEnd = (typeof FRONT_ENDS)[number];

/** A path segment decoded, or undefined for malformed percent-encoding (`%zz`, `%E0%A4%A`, `%c0%af`). */
export const decodePath = (encoded: string): string | undefined => {
  try {
    const decoded = decodeURIComponent(encoded);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
};

/** A path below a front end's folder that decodes cleanly and stays inside it. */
const safeRelativePath = (relative: string): boolean => {
  const decoded = decodePath(relative);
  return decoded !== undefined && !decoded.split(/[/\\]/).includes('..');
};

/**
 * The window display above a desk is a second page of the board's build (`display/window/`):
 * `/window/?desk=5` is that page, whatever follows `/window/` (its assets are the board's,
 * under `/display/assets/`).
 */
const windowRoutes = (files: FrontEndFiles): readonly Route[] => [
  route('GET', '/window', ({ response, url }) => {
    response.writeHead(301, { location: `/window/${url.search}` });
    response.end();
  }),
  route('GET', /^\/window\/(.*)$/, ({ request, response }) => files(request, response, 'window/')),
];

/** `/` → the kiosk; `/<name>` → `/<name>/`; `/<name>/…` → its files; `/window/` → the window display. */
export const frontEndRoutes = (folderOf: (name: FrontEnd) => string): readonly Route[] => [
  route('GET', '/', ({ response }) => {
    response.writeHead(302, { location: '/kiosk/' });
    response.end();
  }),
  ...windowRoutes(frontEndFiles(folderOf('display'))),
  ...FRONT_ENDS.flatMap((name) => {
    const files = frontEndFiles(folderOf(name));
    return [
      route('GET', `/${name}`, ({ response, url }) => {
        response.writeHead(301, { location: `/${name}/${url.search}` });
        response.end();
      }),
      route('GET', new RegExp(`^/${name}/(.*)$`), ({ request, response, params }) => {
        const relative = params[0] ?? '';
        if (!safeRelativePath(relative)) return sendError(response, 400, 'BAD_REQUEST', 'Bad path.');
        files(request, response, relative);
      }),
    ];
  }),
];
