/**
 * The public pairing endpoints, for devices that hold no token yet: ask to be paired, ask how
 * the request stands, and (desk browsers) whether a login needs a paired terminal here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PairingRequestBody, PairingStatusBody, type WireError } from '@queue/protocol';
import type { z } from 'zod';
import type { PairingService } from './pairing';

export interface PairingHttpDeps {
  readonly pairing: PairingService;
  readonly unpairedLoginsFrom: (address: string) => boolean;
}

export interface JsonIo {
  readonly readJson: (request: IncomingMessage) => Promise<unknown | 'too-large' | 'not-json'>;
  readonly sendJson: (response: ServerResponse, status: number, body: unknown) => void;
  readonly sendError: (response: ServerResponse, status: number, code: string, message: string) => void;
}

const STATUS_OF: Partial<Record<WireError['code'], number>> = { RATE_LIMITED: 429, NOT_FOUND: 404 };

/** Answers the pairing endpoints; false when the request is not one of them. */
export const handlePairingHttp = async (
  deps: PairingHttpDeps,
  io: JsonIo,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> => {
  const address = request.socket.remoteAddress ?? 'unknown';
  if (path === '/api/terminal' && request.method === 'GET') {
    io.sendJson(response, 200, { ok: true, data: { pairingRequired: !deps.unpairedLoginsFrom(address) } });
    return true;
  }
  const route =
    path === '/api/pairing' && request.method === 'POST'
      ? { schema: PairingRequestBody, run: (body: PairingRequestBody) => deps.pairing.request(body, address) }
      : path === '/api/pairing/status' && request.method === 'POST'
        ? {
            schema: PairingStatusBody,
            run: (body: PairingStatusBody) => deps.pairing.status(body.secret, address),
          }
        : undefined;
  if (!route) return false;
  const json = await io.readJson(request);
  if (json === 'too-large') {
    response.setHeader('connection', 'close');
    io.sendError(response, 413, 'BAD_REQUEST', 'Request body too large.');
    return true;
  }
  const parsed = (route.schema as z.ZodType).safeParse(json);
  if (json === 'not-json' || !parsed.success) {
    io.sendError(response, 400, 'BAD_REQUEST', 'Invalid pairing request.');
    return true;
  }
  const result = (route.run as (body: unknown) => object)(parsed.data);
  if ('code' in result && 'message' in result) {
    const error = result as WireError;
    if (error.code === 'RATE_LIMITED') response.setHeader('retry-after', '60');
    io.sendError(response, STATUS_OF[error.code] ?? 400, error.code, error.message);
  } else {
    io.sendJson(response, 200, { ok: true, data: result });
  }
  return true;
};
