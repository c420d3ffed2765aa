/**
 * The few hub API calls the demo makes (docs/city.md): enrol a centre end to end, as its
 * administrator and the city administrator would (request, approve with the admin token,
 * collect the key once), and read the centres' sync positions.
 */

interface Answer<T> {
  readonly ok: boolean;
  readonly data?: T;
  readonly error?: { readonly code: string; readonly message: string };
}

const call = async <T>(
  hubUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { readonly token?: string; readonly body?: unknown } = {},
): Promise<T> => {
  const response = await fetch(`${hubUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const answer = (await response.json()) as Answer<T>;
  if (!answer.ok || answer.data === undefined) {
    throw new Error(
      `${method} ${path}: ${answer.error?.code ?? response.status} ${answer.error?.message ?? ''}`,
    );
  }
  return answer.data;
};

export interface Enrolled {
  readonly centreId: string;
  readonly key: string;
}

export const enrolCentre = async (
  hubUrl: string,
  adminToken: string,
  centreName: string,
): Promise<Enrolled> => {
  const { requestId, code } = await call<{ requestId: string; code: string }>(
    hubUrl,
    'POST',
    '/api/hub/enrol',
    {
      body: { centreName },
    },
  );
  await call(hubUrl, 'POST', '/api/hub/admin/enrolments/approve', {
    token: adminToken,
    body: { code, by: 'demo:city' },
  });
  const collected = await call<{ status: string; centreId?: string; key?: string }>(
    hubUrl,
    'GET',
    `/api/hub/enrol/${requestId}`,
  );
  if (!collected.centreId || !collected.key) {
    throw new Error(`The enrolment of ${centreName} ended as ${collected.status}, without a key.`);
  }
  return { centreId: collected.centreId, key: collected.key };
};

export interface CentrePosition {
  readonly id: string;
  readonly name: string;
  /** The hub's acknowledged seq in the centre's newest stream; 0 before any event. */
  readonly acknowledged: number;
}

export const centrePositions = async (hubUrl: string, adminToken: string): Promise<CentrePosition[]> => {
  const { centres } = await call<{
    centres: { id: string; name: string; streams: { lastSeq: number }[] }[];
  }>(hubUrl, 'GET', '/api/hub/centres', { token: adminToken });
  return centres.map((centre) => ({
    id: centre.id,
    name: centre.name,
    acknowledged: centre.streams[0]?.lastSeq ?? 0,
  }));
};
