/**
 * The public pairing endpoints, for devices that hold no token yet: ask to be paired, ask how
 * the request stands, (desk browsers) whether a login needs a paired terminal here, and the
 * server's identity: its signature over a screen's challenge, which only this server can make.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHALLENGE_PATTERN, IDENTITY_PATH } from '@queue/discovery';
import { PairingRequestBody, PairingStatusBody, type WireError } from '@queue/protocol';
import type { z } from 'zod';
import { addressOf, readJson, sendError, sendJson } from './http-io';
import type { PairingService } from './pairing';
import type { ServerIdentity } from './server-identity';

export interface PairingHttpDeps {
  readonly pairing: PairingService;
  readonly unpairedLoginsFrom: (address: string) => boolean;
  readonly identity: Pick<ServerIdentity, 'prove'>;
}

const STATUS_OF: Partial<Record<WireError['code'], number>> = { RATE_LIMITED: 429, NOT_FOUND: 404 };

const isWireError = (value: object): value is WireError => 'code' in value && 'message' in value;

/** Read a body with its schema and answer with what `run` makes of it, or the refusal. */
const answerWith = async <S extends z.ZodType>(
  request: IncomingMessage,
  response: ServerResponse,
  schema: S,
  run: (body: z.infer<S>) => object,
): Promise<void> => {
  const json = await readJson(request);
  if (json === 'too-large') {
    response.setHeader('connection', 'close');
    return sendError(response, 413, 'BAD_REQUEST', 'Request body too large.');
  }
  const parsed = schema.safeParse(json);
  if (json === 'not-json' || !parsed.success) {
    return sendError(response, 400, 'BAD_REQUEST', 'Invalid pairing request.');
  }
  const result = run(parsed.data);
  if (!isWireError(result)) return sendJson(response, 200, { ok: true, data: result });
  if (result.code === 'RATE_LIMITED') response.setHeader('retry-after', '60');
  sendError(response, STATUS_OF[result.code] ?? 400, result.code, result.message);
};

/** Answers the pairing endpoints; false when the request is not one of them. */
export const handlePairingHttp = async (
  deps: PairingHttpDeps,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> => {
  const address = addressOf(request);
  if (path === '/api/terminal' && request.method === 'GET') {
    sendJson(response, 200, { ok: true, data: { pairingRequired: !deps.unpairedLoginsFrom(address) } });
    return true;
  }
  if (path === IDENTITY_PATH && request.method === 'GET') {
    const challenge = new URL(request.url ?? '/', 'http://server').searchParams.get('challenge') ?? '';
    if (!CHALLENGE_PATTERN.test(challenge)) {
      sendError(response, 400, 'BAD_REQUEST', 'The challenge is 16 to 128 base64url characters.');
      return true;
    }
    sendJson(response, 200, { ok: true, data: deps.identity.prove(challenge) });
    return true;
  }
  if (request.method !== 'POST') return false;
  if (path === '/api/pairing') {
    await answerWith(request, response, PairingRequestBody, (body) => deps.pairing.request(body, address));
    return true;
  }
  if (path === '/api/pairing/status') {
    await answerWith(request, response, PairingStatusBody, (body) =>
      deps.pairing.status(body.secret, address),
    );
    return true;
  }
  return false;
};
