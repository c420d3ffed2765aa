/**
 * The public pairing endpoints, for devices that hold no token yet: ask to be paired, ask how
 * the request stands, (desk browsers) whether a login needs a paired terminal here, and the
 * server's identity: its signature over a screen's challenge, which only this server can make.
 */
import { CHALLENGE_PATTERN, IDENTITY_PATH } from '@queue/discovery';
import { type Ack, PairingRequestBody, PairingStatusBody, type WireError } from '@queue/protocol';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '@queue/http';
import { type Route, jsonRoute, route } from './http-routes';
import type { PairingService } from './pairing';
import type { ServerIdentity } from './server-identity';

export interface PairingHttpDeps {
  readonly pairing: PairingService;
  readonly unpairedLoginsFrom: (address: string) => boolean;
  readonly identity: Pick<ServerIdentity, 'prove'>;
}

const IdentityQuery = z.object({
  challenge: z.string().regex(CHALLENGE_PATTERN, 'The challenge is 16 to 128 base64url characters.'),
});

const isWireError = (value: object): value is WireError => 'code' in value && 'message' in value;

/** The pairing service's answer as an Ack; a device told to slow down is told for how long. */
const ackOf = <T extends object>(result: T | WireError, response: ServerResponse): Ack<T> => {
  if (!isWireError(result)) return { ok: true, data: result };
  if (result.code === 'RATE_LIMITED') response.setHeader('retry-after', '60');
  return { ok: false, error: result };
};

export const pairingRoutes = (deps: PairingHttpDeps): readonly Route[] => [
  route('GET', '/api/terminal', ({ response, address }) =>
    sendJson(response, 200, { ok: true, data: { pairingRequired: !deps.unpairedLoginsFrom(address) } }),
  ),
  jsonRoute('GET', IDENTITY_PATH, IdentityQuery, (query) => ({
    ok: true,
    data: deps.identity.prove(query.challenge),
  })),
  jsonRoute('POST', '/api/pairing', PairingRequestBody, (body, { response, address }) =>
    ackOf(deps.pairing.request(body, address), response),
  ),
  jsonRoute('POST', '/api/pairing/status', PairingStatusBody, (body, { response, address }) =>
    ackOf(deps.pairing.status(body.secret, address), response),
  ),
];
