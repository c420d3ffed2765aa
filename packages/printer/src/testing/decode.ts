/**
 * A small ESC/POS reader for tests: walks the byte stream, follows `ESC t n` to decode text
 * in the selected code page, skips the commands tickets use, collects QR data and raster
 * images, and lists every command so a failing golden test shows a readable diff. It
 * throws on anything it does not know, so a stray byte cannot hide in a ticket.
 */
import iconv from 'iconv-lite';
import { type MonoBitmap, unpackRows } from '../raster/bitmap';

/** `ESC t n` numbers this reader knows, and the table each selects. */
export const CODE_PAGES: Readonly<Record<number, string>> = {
  0: 'cp437',
  17: 'cp866',
  // Not 23: clone firmware calls it "PT151,1251" and no source says what it holds.
  46: 'windows-1251',
  73: 'windows-1251',
};

export interface DecodedEscPos {
  /** Text lines as printed (each ended by LF; a trailing unterminated line is included). */
  readonly lines: string[];
  /** Every `ESC t` number, in order. */
  readonly codePages: number[];
  readonly qrCodes: string[];
  readonly images: MonoBitmap[];
  readonly cuts: number;
  /** One entry per command or text run, e.g. `ESC t 46`, `TEXT "Ваш талон"`. */
  readonly listing: string[];
}

const NAMES: Readonly<Record<number, string>> = { 0x1b: 'ESC', 0x1d: 'GS', 0x1c: 'FS', 0x10: 'DLE' };
/** ESC commands and how many parameter bytes follow them. */
const ESC_PARAMS: Readonly<Record<string, number>> = {
  '@': 0,
  t: 1,
  '!': 1,
  a: 1,
  E: 1,
  d: 1,
  '-': 1,
  M: 1,
  J: 1,
  G: 1,
  '2': 0,
  '3': 1,
  R: 1,
  p: 3,
};
const GS_PARAMS: Readonly<Record<string, number>> = {
  '!': 1,
  B: 1,
  L: 2,
  W: 2,
  r: 1,
  a: 1,
  h: 1,
  w: 1,
  H: 1,
};
const FS_PARAMS: Readonly<Record<string, number>> = { '.': 0, '&': 0 };

export class EscPosDecodeError extends Error {
  override readonly name = 'EscPosDecodeError';
}

export const decodeEscPos = (input: Uint8Array): DecodedEscPos => {
  const lines: string[] = [];
  const codePages: number[] = [];
  const qrCodes: string[] = [];
  const images: MonoBitmap[] = [];
  const listing: string[] = [];
  let cuts = 0;
  let encoding = 'cp437';
  let line = '';
  let pending: number[] = [];
  let index = 0;

  const fail = (message: string): never => {
    throw new EscPosDecodeError(`${message} at byte ${index}`);
  };
  const at = (offset: number): number => input[index + offset] ?? fail('stream ends inside a command');
  const flushText = (): void => {
    if (pending.length === 0) return;
    const text = iconv.decode(Buffer.from(pending), encoding);
    listing.push(`TEXT ${JSON.stringify(text)}`);
    line += text;
    pending = [];
  };
  const command = (length: number, label: string): void => {
    flushText();
    listing.push(label);
    index += length;
  };
  const params = (count: number): number[] => Array.from({ length: count }, (_, i) => at(2 + i));

  while (index < input.length) {
    const byte = at(0);
    if (byte >= 0x20 && byte !== 0x7f) {
      pending.push(byte);
      index += 1;
    } else if (byte === 0x0a) {
      command(1, 'LF');
      lines.push(line);
      line = '';
    } else if (byte === 0x0d) {
      command(1, 'CR');
    } else if (byte === 0x1b || byte === 0x1d || byte === 0x1c) {
      const name = `${NAMES[byte]} ${String.fromCharCode(at(1))}`;
      const letter = String.fromCharCode(at(1));
      const table = byte === 0x1b ? ESC_PARAMS : byte === 0x1d ? GS_PARAMS : FS_PARAMS;
      const count = table[letter];
      if (count !== undefined) {
        const values = params(count);
        if (byte === 0x1b && letter === 't') {
          const page = values[0] ?? 0;
          flushText();
          encoding = CODE_PAGES[page] ?? fail(`unknown code page ESC t ${page}`);
          codePages.push(page);
        }
        command(2 + count, [name, ...values].join(' '));
      } else if (byte === 0x1d && letter === 'V') {
        const m = at(2);
        cuts += 1;
        command(m === 65 || m === 66 ? 4 : 3, m === 65 || m === 66 ? `GS V ${m} ${at(3)}` : `GS V ${m}`);
      } else if (byte === 0x1d && letter === '(' && at(2) === 0x6b) {
        const length = at(3) + at(4) * 256;
        const body = input.subarray(index + 5, index + 5 + length);
        if (body.length !== length) fail('GS ( k runs past the end');
        const fn = body[1] ?? 0;
        if (fn === 0x50) qrCodes.push(new TextDecoder().decode(body.subarray(3)));
        const shown = fn === 0x50 ? `${body.length - 3} bytes` : [...body.subarray(2)].join(' ');
        command(5 + length, `GS ( k fn ${fn} ${shown}`);
      } else if (byte === 0x1d && letter === 'v' && at(2) === 0x30) {
        const widthBytes = at(4) + at(5) * 256;
        const height = at(6) + at(7) * 256;
        const data = input.subarray(index + 8, index + 8 + widthBytes * height);
        if (data.length !== widthBytes * height) fail('GS v 0 runs past the end');
        images.push(unpackRows(widthBytes, height, data));
        command(8 + data.length, `GS v 0 ${at(3)} ${widthBytes * 8}x${height}`);
      } else {
        fail(`unknown command ${name}`);
      }
    } else if (byte === 0x10 && at(1) === 0x04) {
      command(3, `DLE EOT ${at(2)}`);
    } else {
      fail(`unexpected control byte 0x${byte.toString(16)}`);
    }
  }
  flushText();
  if (line !== '') lines.push(line);
  return { lines, codePages, qrCodes, images, cuts, listing };
};

/** Just the text lines, trimmed and without the blank ones: what a person reads. */
export const readableLines = (input: Uint8Array): string[] =>
  decodeEscPos(input)
    .lines.map((text) => text.trim())
    .filter((text) => text !== '');
