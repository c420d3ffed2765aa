/**
 * `/favicon.ico`: browsers ask for it on every page of the server (the status page, the
 * booking page, the front ends), and a 404 for each fills the logs and shows a blank tab.
 * The icon is a 32×32 PNG inside an ICO container, which every browser reads; it is read
 * once at start. Its address never changes, so it is cached for a month, not "immutable".
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Route, route } from './http-routes';

export const FAVICON_FILE = fileURLToPath(new URL('../assets/favicon.ico', import.meta.url));
export const FAVICON_CACHE_CONTROL = 'public, max-age=2592000';

export const faviconRoute = (): Route => {
  const icon = readFileSync(FAVICON_FILE);
  return route('GET', '/favicon.ico', ({ response }) => {
    response.writeHead(200, {
      'Content-Type': 'image/x-icon',
      'Content-Length': icon.length,
      'Cache-Control': FAVICON_CACHE_CONTROL,
    });
    response.end(icon);
  });
};
