/** The appeals page's calls to `/api/appeal/*`; every answer is an `Ack`, refusals included. */
import type {
  Ack,
  AppealOptions,
  FiledAppealWithQr,
  PublicAppealBody,
  PublicAppealView,
} from '@queue/protocol';

const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Ack<T>> => {
  try {
    const response = await fetch(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return (await response.json()) as Ack<T>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'offline' } };
  }
};

export const loadAppealOptions = (language: string) =>
  call<AppealOptions>('GET', `/api/appeal/options?lang=${encodeURIComponent(language)}`);

export const fileAppeal = (body: PublicAppealBody) => call<FiledAppealWithQr>('POST', '/api/appeal', body);

export const trackAppeal = (code: string) =>
  call<PublicAppealView>('GET', `/api/appeal/${encodeURIComponent(code)}`);
