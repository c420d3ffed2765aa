/**
 * The hand-over from setup mode to the centre: the centre's handler replaces setup mode's on
 * the server that is already listening, so no request meets a closed port or a cut connection
 * and nothing else can take the port in between. Until then setup mode keeps answering.
 */
import type { Server as HttpServer, RequestListener } from 'node:http';

export const adoptServer = (server: HttpServer, handler: RequestListener): HttpServer => {
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');
  server.on('request', handler);
  return server;
};
