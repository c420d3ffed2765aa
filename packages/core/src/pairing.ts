/**
 * Device pairing rules: the short code a new device shows, how long a request lives, which
 * answers an administrator may give to it, and which desk a staff login on a paired desk
 * terminal works at. Pure: randomness and time come in as arguments.
 */
import type { DeskId } from './ids';

/** What a device says it is when it asks to be paired; also the role it is given. */
export type DeviceKind = 'kiosk' | 'display' | 'desk';
export const DEVICE_KINDS: readonly DeviceKind[] = ['kiosk', 'display', 'desk'];

export type PairingStatus = 'pending' | 'approved' | 'rejected' | 'expired';

export interface PairingRequestState {
  readonly status: Exclude<PairingStatus, 'expired'>;
  readonly expiresAt: number;
}

/** A request waits this long for an administrator; then the device asks again with a new code. */
export const PAIRING_TTL_MS = 15 * 60_000;
export const PAIRING_CODE_DIGITS = 6;
const CODE_SPACE = 10 ** PAIRING_CODE_DIGITS;

/**
 * The code for a random 32-bit number: six digits, easy to read aloud across a hall and to type
 * on the admin screen. Rejection sampling keeps every code equally likely.
 */
export const pairingCodeFrom = (random: number): string | undefined => {
  const limit = Math.floor(2 ** 32 / CODE_SPACE) * CODE_SPACE;
  if (!Number.isInteger(random) || random < 0 || random >= limit) return undefined;
  return String(random % CODE_SPACE).padStart(PAIRING_CODE_DIGITS, '0');
};

/** A code as typed by a person (`123 456`, `123-456`) in its stored form, if it is one. */
export const normalizePairingCode = (typed: string): string | undefined => {
  const digits = typed.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${PAIRING_CODE_DIGITS}}$`).test(digits) ? digits : undefined;
};

/** The code as shown on screen: two groups of three digits. */
export const displayPairingCode = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;

/** Where a request stands now: a pending one past its time has expired. */
export const pairingStatusAt = (request: PairingRequestState, now: number): PairingStatus =>
  request.status === 'pending' && now >= request.expiresAt ? 'expired' : request.status;

export type PairingAnswer = 'approve' | 'reject';
export type PairingRefusal = 'PAIRING_EXPIRED' | 'PAIRING_ANSWERED';

/** An administrator's answer is taken only while the request is pending. */
export const answerPairing = (
  request: PairingRequestState,
  answer: PairingAnswer,
  now: number,
): { readonly status: 'approved' | 'rejected' } | { readonly refused: PairingRefusal } => {
  const status = pairingStatusAt(request, now);
  if (status === 'expired') return { refused: 'PAIRING_EXPIRED' };
  if (status !== 'pending') return { refused: 'PAIRING_ANSWERED' };
  return { status: answer === 'approve' ? 'approved' : 'rejected' };
};

/** A desk terminal needs a desk only when it is bound to one; kiosks and boards never have one. */
export const validDeviceDesk = (role: DeviceKind, deskId: DeskId | undefined): boolean =>
  role === 'desk' || deskId === undefined;

/**
 * The desk a staff login works at. On a terminal bound to a desk that desk is the only one;
 * asking for another is refused. Elsewhere the chosen desk, or the member's own.
 */
export const loginDesk = (
  terminalDesk: DeskId | undefined,
  requested: DeskId | undefined,
  assigned: DeskId | undefined,
): { readonly deskId: DeskId | undefined } | { readonly refused: 'WRONG_TERMINAL_DESK' } => {
  if (terminalDesk === undefined) return { deskId: requested ?? assigned };
  if (requested !== undefined && requested !== terminalDesk) return { refused: 'WRONG_TERMINAL_DESK' };
  return { deskId: terminalDesk };
};
