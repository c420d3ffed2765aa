/**
 * Staff sessions over HTTP: `POST /api/session` logs in (login, secret, optionally a desk and
 * the desk terminal's token) and `DELETE /api/session` logs out, closing the session's live
 * connections. Each refusal of the login has its own code, so the desk's login screen can say
 * what to do about it.
 */
import type { LoginAnswer, WireError } from '@queue/protocol';
import { LoginBody } from '@queue/protocol';
import type { Authenticator, LoginRefusal } from './auth';
import { bearer, sendJson } from '@queue/http';
import { type Route, jsonRoute, route } from './http-routes';
import type { Logger } from './logger';
import type { QueueService } from './queue-service';

export interface SessionHttpDeps {
  readonly auth: Authenticator;
  readonly queue: QueueService;
  readonly logger: Logger;
  /** Close the live connections of credentials that just ended (a logout). */
  readonly closeConnections: (tokenHashes: readonly string[]) => void;
}

const REFUSALS: Readonly<Record<LoginRefusal, WireError>> = {
  'bad-credentials': { code: 'UNAUTHENTICATED', message: 'Wrong login or password.' },
  'unknown-desk': { code: 'BAD_REQUEST', message: 'No such desk.' },
  'unpaired-terminal': {
    code: 'UNPAIRED_TERMINAL',
    message: 'This terminal is not paired: pair it with an administrator.',
  },
  'wrong-terminal-desk': { code: 'FORBIDDEN', message: 'This terminal works only at its own desk.' },
  'other-organisation': {
    code: 'OTHER_ORGANISATION',
    message: 'This desk belongs to an organisation you do not work for.',
  },
  'desk-occupied': {
    code: 'DESK_OCCUPIED',
    message: 'Another operator is working at this desk: they, or a supervisor, must close it first.',
  },
};

export const sessionRoutes = (deps: SessionHttpDeps): readonly Route[] => [
  jsonRoute('POST', '/api/session', LoginBody, async (body, { response, address }) => {
    const answer = await deps.auth.login(
      body.login,
      body.secret,
      body.deskId,
      deps.queue.now(),
      address,
      body.terminal,
    );
    if (typeof answer === 'object' && 'retryAfterMs' in answer) {
      const seconds = Math.ceil(answer.retryAfterMs / 1000);
      deps.logger.warn('login throttled', { login: body.login, address });
      response.setHeader('retry-after', String(seconds));
      return {
        ok: false,
        error: { code: 'RATE_LIMITED', message: `Too many failed attempts; try again in ${seconds} s.` },
      };
    }
    if (typeof answer === 'string') {
      deps.logger.warn('login refused', { login: body.login, reason: answer, address });
      return { ok: false, error: REFUSALS[answer] };
    }
    deps.logger.info('login', { login: body.login, deskId: body.deskId ?? null });
    return { ok: true, data: answer satisfies LoginAnswer };
  }),
  route('DELETE', '/api/session', ({ request, response, address }) => {
    const token = bearer(request);
    if (token) deps.closeConnections([deps.auth.logout(token, address)]);
    sendJson(response, 200, { ok: true, data: null });
  }),
];
