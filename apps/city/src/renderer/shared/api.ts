/** The hub's JSON answers (`{ok, data}` / `{ok: false, error}`), fetched from the same origin. */
export type HubAnswer<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly code: string };

const NETWORK = 'NETWORK';

export const hubJson = async <T>(path: string, init?: RequestInit): Promise<HubAnswer<T>> => {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    return { ok: false, status: 0, code: NETWORK };
  }
  const body = (await response.json().catch(() => undefined)) as
    { ok: true; data: T } | { ok: false; error?: { code?: string } } | undefined;
  if (body?.ok === true) return { ok: true, data: body.data };
  const code = body && !body.ok ? (body.error?.code ?? 'INTERNAL') : 'INTERNAL';
  return { ok: false, status: response.status, code };
};

export const postJson = <T>(path: string, body: unknown): Promise<HubAnswer<T>> =>
  hubJson<T>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
