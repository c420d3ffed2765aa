/**
 * The HTTP primitives every route shares: JSON answers and refusals, bodies read with a size
 * limit, the bearer token. Kept apart from the router so that feature routes use them
 * without importing it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 16 * 1024;

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
};

export const sendError = (response: ServerResponse, status: number, code: string, message: string): void =>
  sendJson(response, status, { ok: false, error: { code, message } });

export const readBody = (
  request: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
): Promise<string | 'too-large'> =>
  new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop collecting but keep reading: destroying the request here would reset the
        // connection before the 413 answer is written. The answer closes the connection.
        request.removeAllListeners('data');
        request.resume();
        resolveBody('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export const readJson = async (request: IncomingMessage): Promise<unknown> => {
  const raw = await readBody(request);
  if (raw === 'too-large') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return 'not-json';
  }
};

/** The token of an `Authorization: Bearer …` header. */
export const bearer = (request: IncomingMessage): string | undefined => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
};
