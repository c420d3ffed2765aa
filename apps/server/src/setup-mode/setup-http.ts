/**
 * What a server in setup mode answers: the setup page, its API, the favicon, and `/health`
 * saying it is in setup mode; every other path 503 "not set up". From the server's own
 * machine the setup needs no code; from anywhere else (or through a proxy on it, which would
 * make every visitor look local) only with the one-time code. Attempts are limited per address.
 * `setupDoneRoutes` is what a running centre answers on the same paths afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language } from '@queue/core';
import { jsonLayer, sendError, sendJson } from '@queue/http';
import type { WireErrorCode } from '@queue/protocol';
import { isLoopback } from '../auth';
import { faviconRoute } from '../favicon';
import { AlreadySetUp, type SetupInput, SetupRefused, type SetupTerminal, setupProblems } from '../first-run';
import { type HttpExchange, type Route, route, statusOf } from '../http-routes';
import type { Logger } from '../logger';
import type { RateLimit } from '../rate-limit';
import { hashToken } from '../secrets';
import { SETUP_MESSAGES } from './messages';
import { type PageProblem, MAX_SETUP_BYTES, SetupBody, formProblems, setupInputOf } from './setup-body';
import type { SetupCode } from './setup-code';
import { pickSetupLanguage, renderSetupPage, timeZoneChoices } from './page';

export const SETUP_PATH = '/setup';
export const SETUP_API = '/api/setup';

export interface SetupHttpDeps {
  readonly code: SetupCode;
  /** Attempts per address and minute. */
  readonly limit: RateLimit;
  readonly now: () => number;
  readonly logger: Logger;
  /** Writes the setup (and the terminal); rejects with `SetupRefused` (or `AlreadySetUp`). */
  readonly write: (input: SetupInput, terminal: SetupTerminal | undefined, address: string) => Promise<void>;
  /** The setup is written: the answer has gone out when this is called. */
  readonly done: () => void;
}

const FORWARDED = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/** The server's own machine, and not a proxy on it speaking for someone else. */
export const isLocalRequest = (request: IncomingMessage, address: string): boolean =>
  isLoopback(address) && FORWARDED.every((header) => request.headers[header] === undefined);

type Refusal = {
  ok: false;
  error: { code: WireErrorCode; message: string };
  problems: readonly PageProblem[];
};

const refusal = (code: WireErrorCode, message: string, problems: readonly PageProblem[]): Refusal => ({
  ok: false,
  error: { code, message },
  problems,
});

const layer = jsonLayer<WireErrorCode, { readonly address: string }>(statusOf, 'BAD_REQUEST');

/** The page's fields top to bottom: problems are listed as the form reads. */
const FIELD_ORDER = [
  'centreName',
  'timeZone',
  'weekdays',
  'weekend',
  'login',
  'adminName',
  'password',
  'passwordAgain',
  'catalogue',
];

const inFormOrder = (problems: readonly PageProblem[]): PageProblem[] =>
  [...problems].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));

const newTerminal = (language: Language, login: string): { token: string; terminal: SetupTerminal } => {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    terminal: {
      id: `desk-${randomBytes(6).toString('base64url')}`,
      name: SETUP_MESSAGES[language].terminalName(login),
      tokenHash: hashToken(token),
    },
  };
};

export const setupRoutes = (deps: SetupHttpDeps): readonly Route[] => {
  let finished = false;
  const succeeded = new WeakSet<object>();
  const timeZones = timeZoneChoices();

  const submit = async (body: SetupBody, { request, response, address }: HttpExchange) => {
    if (finished)
      return refusal('CONFIG_CONFLICT', 'The centre is already set up.', [
        { field: '', key: 'alreadySetUp' },
      ]);
    if (!deps.limit.allow(address, deps.now())) {
      return refusal('RATE_LIMITED', 'Too many attempts: wait a minute.', [{ field: '', key: 'tooMany' }]);
    }
    const local = isLocalRequest(request, address);
    if (!local) {
      if (!body.code)
        return refusal('FORBIDDEN', 'A setup code is needed.', [{ field: 'code', key: 'codeMissing' }]);
      const check = deps.code.check(body.code);
      if (check !== 'ok') {
        deps.logger.warn('wrong setup code', { address, spent: check === 'spent' });
        return refusal('FORBIDDEN', 'The setup code is wrong.', [
          { field: 'code', key: check === 'spent' ? 'codeSpent' : 'codeWrong' },
        ]);
      }
    }
    const input = setupInputOf(body);
    const problems = inFormOrder([...formProblems(body), ...setupProblems(input)]);
    if (problems.length > 0) {
      return refusal(
        'BAD_REQUEST',
        `Cannot set up: ${problems.map((problem) => problem.key).join(', ')}.`,
        problems,
      );
    }
    // Staff log in only on the server's machine or a paired terminal: a browser that set the
    // centre up from afar becomes the first terminal, or its administrator could not log in.
    const paired = local ? undefined : newTerminal(body.language ?? 'uk', input.admin.login);
    const terminal = paired?.terminal;
    try {
      await deps.write(input, terminal, address);
    } catch (error) {
      if (error instanceof AlreadySetUp) {
        return refusal('CONFIG_CONFLICT', error.message, [{ field: '', key: 'alreadySetUp' }]);
      }
      if (error instanceof SetupRefused) return refusal('BAD_REQUEST', error.message, error.problems);
      throw error;
    }
    finished = true;
    succeeded.add(response);
    deps.code.spend();
    deps.logger.info('centre set up', { login: input.admin.login, address });
    const desk = paired ? `/desk/?device=${encodeURIComponent(paired.token)}` : '/desk/';
    return { ok: true as const, data: { desk, login: input.admin.login } };
  };

  const api = layer.jsonRoute('POST', SETUP_API, SetupBody, submit, { maxBytes: MAX_SETUP_BYTES });
  return [
    route('GET', SETUP_PATH, ({ request, response, url, address }) => {
      const html = renderSetupPage({
        language: pickSetupLanguage(url.searchParams.get('lang')),
        needsCode: !isLocalRequest(request, address),
        timeZones,
      });
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
      });
      response.end(html);
    }),
    route('GET', `${SETUP_PATH}/`, ({ response }) => {
      response.writeHead(301, { location: SETUP_PATH });
      response.end();
    }),
    route('GET', '/', ({ response }) => {
      response.writeHead(302, { location: SETUP_PATH });
      response.end();
    }),
    route('GET', '/health', ({ response }) => sendJson(response, 503, { status: 'setup' })),
    faviconRoute(),
    {
      ...api,
      handle: async (exchange) => {
        // A page elsewhere cannot post here: a cross-site form cannot send JSON without CORS.
        if (!String(exchange.request.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendError(exchange.response, 415, 'BAD_REQUEST', 'Send the setup as application/json.');
        }
        await api.handle(exchange);
        const { response } = exchange;
        if (!succeeded.has(response)) return;
        if (response.writableFinished) deps.done();
        else response.once('finish', deps.done);
      },
    },
  ];
};

/** Anything but the setup: the centre is not set up yet. */
export const notSetUp = (response: ServerResponse): void =>
  sendError(response, 503, 'NOT_SET_UP', `This centre is not set up yet: open ${SETUP_PATH} on the server.`);

/** Once the centre runs: the page points to the desk app, and a second setup is refused. */
export const setupDoneRoutes = (): readonly Route[] => [
  route('GET', SETUP_PATH, ({ response }) => {
    response.writeHead(302, { location: '/desk/' });
    response.end();
  }),
  route('POST', SETUP_API, ({ response }) =>
    sendJson(response, 409, {
      ok: false,
      error: { code: 'CONFIG_CONFLICT', message: 'The centre is already set up: use the Settings tab.' },
      problems: [{ field: '', key: 'alreadySetUp' }],
    }),
  ),
];
