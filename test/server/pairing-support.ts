/** HTTP helpers for the pairing tests: ask to be paired, poll, log in on a terminal. */
import type { Ack, AuditRecord, LoginAnswer, PairingState, PairingTicket } from '@queue/protocol';
import { type RecordingSocket, okData } from './harness';

export const postJson = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const askPairing = async (
  base: string,
  kind: 'kiosk' | 'display' | 'desk',
): Promise<PairingTicket> => {
  const response = await postJson(`${base}/api/pairing`, { kind, hint: 'test agent' });
  return okData((await response.json()) as Ack<PairingTicket>);
};

export const pairingStatus = async (base: string, secret: string): Promise<PairingState> => {
  const response = await postJson(`${base}/api/pairing/status`, { secret });
  return okData((await response.json()) as Ack<PairingState>);
};

export const loginOn = async (
  base: string,
  body: { login: string; secret: string; deskId?: string; terminal?: string },
): Promise<{ status: number; body: Ack<LoginAnswer> }> => {
  const response = await postJson(`${base}/api/session`, body);
  return { status: response.status, body: (await response.json()) as Ack<LoginAnswer> };
};

/** Audit entries of one action, newest first, as an administrator reads them. */
export const auditOf = async (admin: RecordingSocket, action: string): Promise<AuditRecord[]> => [
  ...(await okData(admin.emitWithAck('audit:list', { limit: 200, action }))),
];

/** Resolves with the reason once the server drops the socket. */
export const dropped = (socket: RecordingSocket): Promise<string> =>
  new Promise((resolveDrop) => socket.once('disconnect', (reason) => resolveDrop(reason)));
