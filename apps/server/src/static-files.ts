/**
 * The built front ends (`apps/<name>/dist`) served through `serve-static` (Express's, on
 * `send`): content types, ETag and Last-Modified with 304 answers, HEAD and ranges, and no
 * synchronous file system calls per request. Vite names assets by content hash, so they are
 * cached for a year; `index.html` is revalidated every time, so an update reaches every
 * screen on its next reload. A path that is no file gets `index.html` (the front ends route
 * on the client).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import serveStatic from 'serve-static';
import { sendError } from './http-io';

export type FrontEndFiles = (request: IncomingMessage, response: ServerResponse, relative: string) => void;

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
