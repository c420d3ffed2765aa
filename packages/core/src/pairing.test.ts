import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deskId } from './ids';
import {
  PAIRING_TTL_MS,
  answerPairing,
  displayPairingCode,
  loginDesk,
  normalizePairingCode,
  pairingCodeFrom,
  pairingStatusAt,
  validDeviceDesk,
} from './pairing';

const LIMIT = Math.floor(2 ** 32 / 1_000_000) * 1_000_000;

describe('pairing codes', () => {
  it('are six digits for every accepted random number, and round-trip through display and typing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LIMIT - 1 }), (random) => {
        const code = pairingCodeFrom(random);
        expect(code).toMatch(/^\d{6}$/);
        expect(normalizePairingCode(displayPairingCode(code ?? ''))).toBe(code);
      }),
    );
  });

  it('reject the biased top of the range and non-integers, so every code is equally likely', () => {
    expect(pairingCodeFrom(LIMIT)).toBeUndefined();
    expect(pairingCodeFrom(2 ** 32 - 1)).toBeUndefined();
    expect(pairingCodeFrom(-1)).toBeUndefined();
    expect(pairingCodeFrom(1.5)).toBeUndefined();
    expect(pairingCodeFrom(42)).toBe('000042');
  });

  it('accept spaces and dashes as typed, refuse anything else', () => {
    expect(normalizePairingCode('123 456')).toBe('123456');
    expect(normalizePairingCode('123-456')).toBe('123456');
    expect(normalizePairingCode('12345')).toBeUndefined();
    expect(normalizePairingCode('1234567')).toBeUndefined();
    expect(normalizePairingCode('12a456')).toBeUndefined();
    expect(displayPairingCode('123456')).toBe('123 456');
  });
});

describe('pairing requests', () => {
  const pending = { status: 'pending' as const, expiresAt: 1_000 + PAIRING_TTL_MS };

  it('expire when their time is up, and only while pending', () => {
    expect(pairingStatusAt(pending, 1_000)).toBe('pending');
    expect(pairingStatusAt(pending, pending.expiresAt - 1)).toBe('pending');
    expect(pairingStatusAt(pending, pending.expiresAt)).toBe('expired');
    expect(pairingStatusAt({ ...pending, status: 'approved' }, pending.expiresAt + 5)).toBe('approved');
    expect(pairingStatusAt({ ...pending, status: 'rejected' }, pending.expiresAt + 5)).toBe('rejected');
  });

  it('take exactly one answer, before they expire', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('pending', 'approved', 'rejected' as const),
        fc.constantFrom('approve', 'reject' as const),
        fc.integer({ min: 0, max: 2 * PAIRING_TTL_MS }),
        (status, answer, now) => {
          const request = { status, expiresAt: PAIRING_TTL_MS } as const;
          const result = answerPairing(request, answer, now);
          if (status !== 'pending') expect(result).toEqual({ refused: 'PAIRING_ANSWERED' });
          else if (now >= PAIRING_TTL_MS) expect(result).toEqual({ refused: 'PAIRING_EXPIRED' });
          else expect(result).toEqual({ status: answer === 'approve' ? 'approved' : 'rejected' });
        },
      ),
    );
  });
});

describe('desks of devices and logins', () => {
  it('only desk terminals have a desk', () => {
    expect(validDeviceDesk('desk', deskId('desk-1'))).toBe(true);
    expect(validDeviceDesk('desk', undefined)).toBe(true);
    expect(validDeviceDesk('kiosk', deskId('desk-1'))).toBe(false);
    expect(validDeviceDesk('display', undefined)).toBe(true);
  });

  it('bind a login on a desk terminal to its desk, refusing any other', () => {
    const one = deskId('desk-1');
    const two = deskId('desk-2');
    expect(loginDesk(one, undefined, two)).toEqual({ deskId: one });
    expect(loginDesk(one, one, two)).toEqual({ deskId: one });
    expect(loginDesk(one, two, two)).toEqual({ refused: 'WRONG_TERMINAL_DESK' });
    expect(loginDesk(undefined, two, one)).toEqual({ deskId: two });
    expect(loginDesk(undefined, undefined, one)).toEqual({ deskId: one });
    expect(loginDesk(undefined, undefined, undefined)).toEqual({ deskId: undefined });
  });
});
