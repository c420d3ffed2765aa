/**
 * Unicode text -> bytes for an LED window display: DOS Cyrillic (cp866, what most Russian-
 * and Ukrainian-made modules take), Windows Cyrillic (cp1251), or plain ASCII with the
 * letters transliterated (the Ukrainian national system, Cabinet of Ministers 2010, without
 * the word-initial forms) for modules with a Latin font only. Small tables of their own: no
 * library, and what each byte is can be read here. A character a table lacks becomes a
 * look-alike, else '?'; control characters become spaces, so no text from the centre's
 * configuration can send a command to the module (framing bytes come only from the config).
 */
export const LED_ENCODINGS = ['cp866', 'cp1251', 'ascii'] as const;
export type LedEncoding = (typeof LED_ENCODINGS)[number];

const range = (from: number, count: number, byte: number): [string, number][] =>
  Array.from({ length: count }, (_, index) => [String.fromCodePoint(from + index), byte + index]);

const CP866 = new Map<string, number>([
  ...range(0x0410, 32, 0x80), // А-Я
  ...range(0x0430, 16, 0xa0), // а-п
  ...range(0x0440, 16, 0xe0), // р-я
  ['Ё', 0xf0],
  ['ё', 0xf1],
  ['Є', 0xf2],
  ['є', 0xf3],
  ['Ї', 0xf4],
  ['ї', 0xf5],
  ['Ў', 0xf6],
  ['ў', 0xf7],
  ['°', 0xf8],
  ['·', 0xfa],
  ['№', 0xfc],
  ['\u00a0', 0xff],
]);

const CP1251 = new Map<string, number>([
  ...range(0x0410, 64, 0xc0), // А-я
  ['‚', 0x82],
  ['„', 0x84],
  ['…', 0x85],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['•', 0x95],
  ['–', 0x96],
  ['—', 0x97],
  ['\u00a0', 0xa0],
  ['Ґ', 0xa5],
  ['Ё', 0xa8],
  ['Є', 0xaa],
  ['«', 0xab],
  ['Ї', 0xaf],
  ['°', 0xb0],
  ['І', 0xb2],
  ['і', 0xb3],
  ['ґ', 0xb4],
  ['·', 0xb7],
  ['ё', 0xb8],
  ['№', 0xb9],
  ['є', 0xba],
  ['»', 0xbb],
  ['ї', 0xbf],
]);

/** Ukrainian and Russian letters in Latin (lower case; upper case is derived). */
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  ё: 'io',
  ы: 'y',
  э: 'e',
  ъ: '',
  ў: 'u',
};

/** For characters a code page lacks: tried before '?'. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
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
  '№': 'N',
  і: 'i',
  І: 'I',
  ґ: 'г',
  Ґ: 'Г',
};

const isControl = (code: number): boolean => code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0);

const latin = (char: string): string | undefined => {
  const lower = char.toLowerCase();
  const spelled = LATIN[lower];
  if (spelled === undefined) return undefined;
  if (lower === char || spelled === '') return spelled;
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
};

/** The bytes of one character, or undefined when the table has none (nor ASCII does). */
const encodeChar = (char: string, encoding: LedEncoding): number[] | undefined => {
  const code = char.codePointAt(0) ?? 0;
  if (isControl(code)) return [0x20];
  if (code < 0x80) return [code];
  if (encoding === 'ascii') {
    const spelled = latin(char);
    return spelled === undefined ? undefined : [...spelled].map((letter) => letter.charCodeAt(0));
  }
  const byte = (encoding === 'cp866' ? CP866 : CP1251).get(char);
  return byte === undefined ? undefined : [byte];
};

/** The line as the module's table holds it; never a control byte. */
export const encodeLed = (text: string, encoding: LedEncoding): Uint8Array => {
  const bytes: number[] = [];
  for (const char of text) {
    let encoded = encodeChar(char, encoding);
    const substitute = LOOK_ALIKES[char];
    if (encoded === undefined && substitute !== undefined) {
      const parts = [...substitute].map((part) => encodeChar(part, encoding));
      if (parts.every((part) => part !== undefined)) encoded = parts.flat();
    }
    bytes.push(...(encoded ?? [0x3f]));
  }
  return Uint8Array.from(bytes);
};
