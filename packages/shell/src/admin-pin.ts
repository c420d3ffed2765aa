/**
 * The administrator's PIN that lets a kiosk leave kiosk mode. Stored only as a salted scrypt
 * hash (`scrypt$N$r$p$salt$hash`, base64) in the machine's settings, made with
 * `npm run kiosk:pin-hash`. A PIN is short, so wrong guesses are slowed down: after a few
 * free tries each further mistake doubles the wait, up to a quarter of an hour.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
export const PIN_HASH_PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export const hashPin = (pin: string, salt: Buffer = randomBytes(16)): string => {
  const key = scryptSync(pin, salt, KEY_LENGTH, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
};

/** False for a wrong PIN and for a hash that is not in the expected form. */
export const verifyPin = (pin: string, stored: string): boolean => {
  const match = PIN_HASH_PATTERN.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, hash] = match;
  const expected = Buffer.from(hash ?? '', 'base64');
  if (expected.length < 16) return false;
  try {
    const key = scryptSync(pin, Buffer.from(salt ?? '', 'base64'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 64 * 1024 * 1024,
    });
    return timingSafeEqual(key, expected);
  } catch {
    return false;
  }
};

export type PinAttempt =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'wrong' | 'locked' | 'not-configured';
      readonly retryAfterMs: number;
    };

export interface PinGuardOptions {
  readonly hash: string | undefined;
  readonly now: () => number;
  /** Mistakes allowed before waits begin. */
  readonly freeAttempts?: number;
  readonly firstWaitMs?: number;
  readonly maxWaitMs?: number;
}

/** The wait after the n-th consecutive mistake (1-based). */
export const waitAfterMistakes = (
  mistakes: number,
  { freeAttempts = 3, firstWaitMs = 5_000, maxWaitMs = 15 * 60_000 } = {},
): number =>
  mistakes <= freeAttempts ? 0 : Math.min(maxWaitMs, firstWaitMs * 2 ** (mistakes - freeAttempts - 1));

export const createPinGuard = (options: PinGuardOptions) => {
  let mistakes = 0;
  let lockedUntil = 0;
  return {
    attempt(pin: unknown): PinAttempt {
      if (!options.hash) return { ok: false, reason: 'not-configured', retryAfterMs: 0 };
      const now = options.now();
      // While locked, the PIN is not even checked: guessing costs the full wait.
      if (now < lockedUntil) return { ok: false, reason: 'locked', retryAfterMs: lockedUntil - now };
      if (typeof pin === 'string' && pin.length <= 32 && verifyPin(pin, options.hash)) {
        mistakes = 0;
        return { ok: true };
      }
      mistakes += 1;
      const wait = waitAfterMistakes(mistakes, options);
      lockedUntil = now + wait;
      return { ok: false, reason: 'wrong', retryAfterMs: wait };
    },
  };
};
