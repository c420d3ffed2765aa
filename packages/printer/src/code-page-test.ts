/**
 * The code-page test print: every Cyrillic letter of Ukrainian and Russian, the other Cyrillic
 * letters the profile's table holds, and the punctuation tickets use, selected with the
 * profile's `ESC t` number. A centre prints it from Settings to see whether its printer's
 * table matches the profile (docs/decisions/005-clone-code-pages.md). Always in text mode, even
 * for a raster profile: the point is to test the character table, not the images.
 */
import iconv from 'iconv-lite';
import { blocksToTextEscPos } from './encode-text';
import type { PrintBlock, TextBlock } from './layout';
import type { PrinterProfile } from './profile';
import type { TextEncoding } from './text/encoding';

export const UKRAINIAN_UPPER = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ';
export const UKRAINIAN_LOWER = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';
export const RUSSIAN_UPPER = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
export const RUSSIAN_LOWER = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
/** ’ is what tickets print for the Ukrainian apostrophe; ʼ (U+02BC) falls back to it or '. */
export const TEST_PUNCTUATION = "’ ʼ ' № « » – —";

const ALPHABET_LETTERS = new Set([
  ...UKRAINIAN_UPPER,
  ...UKRAINIAN_LOWER,
  ...RUSSIAN_UPPER,
  ...RUSSIAN_LOWER,
]);

/** Cyrillic letters of the table outside the two alphabets (Ђ Ў Ј… in Windows-1251), in byte order. */
export const otherCyrillicLetters = (encoding: TextEncoding): string => {
  let letters = '';
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const char = iconv.decode(Buffer.of(byte), encoding);
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x400 && code <= 0x4ff && !ALPHABET_LETTERS.has(char)) letters += char;
  }
  return letters;
};

/** Letters with a space between them: easier to read on paper, and the lines wrap between letters. */
const spaced = (letters: string): string => [...letters].join(' ');

const line = (text: string, options: { bold?: boolean; align?: TextBlock['align'] } = {}): TextBlock => ({
  kind: 'text',
  text,
  align: options.align ?? 'left',
  scale: 1,
  bold: options.bold ?? false,
});

export const codePageTestBlocks = (profile: PrinterProfile): PrintBlock[] => {
  const others = otherCyrillicLetters(profile.encoding);
  return [
    line('ESC/POS code page test', { bold: true, align: 'center' }),
    { kind: 'rule' },
    line(`profile: ${profile.id}`),
    line(`ESC t ${profile.codePage} = ${profile.encoding}`),
    ...(profile.render === 'raster' ? [line('tickets: raster; this page: text')] : []),
    { kind: 'rule' },
    line('UK:', { bold: true }),
    line(spaced(UKRAINIAN_UPPER)),
    line(spaced(UKRAINIAN_LOWER)),
    line('RU:', { bold: true }),
    line(spaced(RUSSIAN_UPPER)),
    line(spaced(RUSSIAN_LOWER)),
    ...(others === '' ? [] : [line('+:', { bold: true }), line(spaced(others))]),
    line(TEST_PUNCTUATION),
    { kind: 'rule' },
  ];
};

/** The bytes of the test print for the profile, encoded exactly as tickets are, ending in a cut. */
export const codePageTestEscPos = (profile: PrinterProfile): Uint8Array =>
  blocksToTextEscPos(codePageTestBlocks(profile), profile);
