/**
 * The one-time code a browser away from the server's machine needs to set the centre up:
 * random, printed in the server's log at start, compared in constant time, and spent after
 * too many wrong tries (the page then says to restart the server for a new one) or once the
 * setup is done. 8 symbols of 32 are 40 bits: with 20 tries, guessing is out of reach.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: read off a log and typed by a person. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;
export const MAX_WRONG_CODES = 20;

export type CodeCheck = 'ok' | 'wrong' | 'spent';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** `abcd-2345` → `ABCD2345`: dashes and spaces as printed, any case. */
const normalize = (text: string): string => text.replace(/[\s-]/g, '').toUpperCase();

export class SetupCode {
  private wrong = 0;
  private spent = false;
  /** As printed: two groups of four. */
  readonly text: string;
  private readonly hash: Buffer;

  constructor(code?: string) {
    const plain = code ?? Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    this.text = `${plain.slice(0, 4)}-${plain.slice(4)}`;
    this.hash = digest(normalize(plain));
  }

  check(given: string): CodeCheck {
    if (this.spent) return 'spent';
    // Hashes of equal length: the comparison takes the same time whatever was typed.
    if (timingSafeEqual(digest(normalize(given)), this.hash)) return 'ok';
    this.wrong += 1;
    if (this.wrong >= MAX_WRONG_CODES) this.spent = true;
    return 'wrong';
  }

  /** After the setup: nothing opens with it again. */
  spend(): void {
    this.spent = true;
  }
}
