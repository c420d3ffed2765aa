/**
 * The device's side of the pairing endpoints, over fetch. Answers are checked before use:
 * a page must not trust a shape just because it came from its server.
 */
export type PairingKind = 'kiosk' | 'display' | 'desk';

export interface PendingPairing {
  readonly code: string;
  readonly secret: string;
  readonly expiresAt: number;
  readonly autoApproved: boolean;
}

export type RequestAnswer = PendingPairing | 'limited' | 'offline';
export type StatusAnswer =
  'pending' | 'approved' | 'rejected' | 'expired' | 'unknown' | 'limited' | 'offline';

const post = async (path: string, body: unknown): Promise<{ status: number; data: unknown } | 'offline'> => {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => undefined)) as { data?: unknown } | undefined;
    return { status: response.status, data: json?.data };
  } catch {
    return 'offline';
  }
};

const isPending = (value: unknown): value is PendingPairing => {
  const candidate = value as Partial<PendingPairing> | undefined;
  return (
    typeof candidate?.code === 'string' &&
    typeof candidate.secret === 'string' &&
    typeof candidate.expiresAt === 'number' &&
    typeof candidate.autoApproved === 'boolean'
  );
};

export const requestPairing = async (kind: PairingKind, hint: string): Promise<RequestAnswer> => {
  const answer = await post('/api/pairing', { kind, hint: hint.slice(0, 160) });
  if (answer === 'offline') return 'offline';
  if (answer.status === 429) return 'limited';
  if (!isPending(answer.data)) return 'offline';
  const { code, secret, expiresAt, autoApproved } = answer.data;
  return { code, secret, expiresAt, autoApproved };
};

const STATUSES = new Set<StatusAnswer>(['pending', 'approved', 'rejected', 'expired']);

export const pairingStatus = async (secret: string): Promise<StatusAnswer> => {
  const answer = await post('/api/pairing/status', { secret });
  if (answer === 'offline') return 'offline';
  if (answer.status === 429) return 'limited';
  if (answer.status === 404) return 'unknown';
  const status = (answer.data as { status?: unknown } | undefined)?.status;
  return typeof status === 'string' && STATUSES.has(status as StatusAnswer)
    ? (status as StatusAnswer)
    : 'offline';
};

/** Whether a staff browser here must be paired before anyone logs in. */
export const pairingRequiredHere = async (): Promise<boolean> => {
  try {
    const response = await fetch('/api/terminal');
    const json = (await response.json()) as { data?: { pairingRequired?: unknown } };
    return json.data?.pairingRequired !== false;
  } catch {
    return true;
  }
};
