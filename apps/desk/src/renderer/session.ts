/**
 * Staff login over HTTP. The session token lives in sessionStorage: it survives a reload of
 * the page but not closing the browser.
 */
import type { LoginAnswer } from '@queue/protocol';

const KEY = 'queue.desk.session';

export type LoginFailure =
  'failed' | 'unknownDesk' | 'network' | 'unpaired' | 'terminalDesk' | 'organisation' | 'occupied';

const isLoginAnswer = (value: unknown): value is LoginAnswer =>
  typeof value === 'object' &&
  value !== null &&
  'token' in value &&
  typeof value.token === 'string' &&
  'principal' in value &&
  typeof value.principal === 'object' &&
  'expiresAt' in value &&
  typeof value.expiresAt === 'number';

export const loadSession = (): LoginAnswer | undefined => {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return isLoginAnswer(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

export const saveSession = (session: LoginAnswer): void => {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Without storage the session lasts until the page is reloaded.
  }
};

export const forgetSession = (): void => {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
};

export const requestLogin = async (
  login: string,
  secret: string,
  deskId: string | undefined,
  terminal?: string,
): Promise<LoginAnswer | LoginFailure> => {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        login,
        secret,
        ...(deskId ? { deskId } : {}),
        ...(terminal ? { terminal } : {}),
      }),
    });
  } catch {
    return 'network';
  }
  if (response.status === 403) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
    const code = body?.error?.code;
    return code === 'UNPAIRED_TERMINAL'
      ? 'unpaired'
      : code === 'OTHER_ORGANISATION'
        ? 'organisation'
        : 'terminalDesk';
  }
  if (response.status === 401) return 'failed';
  if (response.status === 409) return 'occupied';
  if (response.status === 400) return deskId ? 'unknownDesk' : 'failed';
  if (!response.ok) return 'network';
  const body: unknown = await response.json().catch(() => undefined);
  if (typeof body === 'object' && body !== null && 'data' in body && isLoginAnswer(body.data))
    return body.data;
  return 'network';
};

export const requestLogout = async (token: string): Promise<void> => {
  try {
    await fetch('/api/session', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  } catch {
    // The session expires on its own; the local copy is forgotten in any case.
  }
};
