/**
 * Unicode text -> printer bytes in the profile's single-byte code page. windows-1251 holds
 * every Ukrainian letter (і ї є ґ), the apostrophe ’ and №; for narrower tables the few
 * missing characters get look-alikes (Latin i for і, г for ґ) instead of '?'. Control
 * characters are replaced so that no text from the configuration can inject a command.
 */
import iconv from 'iconv-lite';

export const TEXT_ENCODINGS = ['windows-1251', 'cp866', 'cp437'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Look-alikes for characters a code page lacks, tried before giving up with '?'. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '−': '-',
  '…': '...',
  '\u00a0': ' ',
  і: 'i',
  І: 'I',
  ї: 'i',
  Ї: 'I',
  ґ: 'г',
  Ґ: 'Г',
  є: 'е',
  Є: 'Е',
  '№': 'N',
};

const encodable = new Map<string, boolean>();

const canEncode = (char: string, encoding: TextEncoding): boolean => {
  const key = `${encoding}:${char}`;
  let known = encodable.get(key);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(char, encoding), encoding) === char;
    encodable.set(key, known);
  }
  return known;
};

/** The text as the code page can show it: every character either itself, a look-alike or '?'. */
export const printableText = (text: string, encoding: TextEncoding): string => {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      out += ' ';
    } else if (canEncode(char, encoding)) {
      out += char;
    } else {
      const substitute = LOOK_ALIKES[char];
      out +=
        substitute !== undefined && [...substitute].every((c) => canEncode(c, encoding)) ? substitute : '?';
    }
  }
  return out;
};

/** Encodes a line of text for the printer; never emits a control byte. */
export const encodeText = (text: string, encoding: TextEncoding): Uint8Array =>
  new Uint8Array(iconv.encode(printableText(text, encoding), encoding));
