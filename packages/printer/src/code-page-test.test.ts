/** The code-page test print, read back with the test decoder under each profile's ESC t number. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  RUSSIAN_LOWER,
  RUSSIAN_UPPER,
  UKRAINIAN_LOWER,
  UKRAINIAN_UPPER,
  codePageTestEscPos,
  otherCyrillicLetters,
} from './code-page-test';
import { type PrinterProfile, parsePrinterProfile } from './profile';
import { decodeEscPos, readableLines } from './testing';

const profile = (id: string): PrinterProfile =>
  parsePrinterProfile(
    JSON.parse(readFileSync(new URL(`../../../hardware/printers/${id}.json`, import.meta.url), 'utf8')),
  );

/** The printed letters without the spaces between them, one string for the whole page. */
const printedLetters = (bytes: Uint8Array): string => readableLines(bytes).join('').replaceAll(' ', '');

describe('codePageTestEscPos', () => {
  it.each(['epson-80', 'xprinter-80', 'xprinter-58'])(
    '%s: every Ukrainian and Russian letter comes back under the profile code page',
    (id) => {
      const printer = profile(id);
      const bytes = codePageTestEscPos(printer);
      const decoded = decodeEscPos(bytes);
      expect(decoded.codePages).toEqual([printer.codePage]);
      const letters = printedLetters(bytes);
      for (const alphabet of [UKRAINIAN_UPPER, UKRAINIAN_LOWER, RUSSIAN_UPPER, RUSSIAN_LOWER]) {
        expect(letters).toContain(alphabet);
      }
      expect(letters).toContain(otherCyrillicLetters('windows-1251'));
      // ʼ is not in Windows-1251 and prints as ' ; the rest are themselves.
      expect(readableLines(bytes)).toContain("’ ' ' № « » – —");
      expect(readableLines(bytes)).toEqual(
        expect.arrayContaining([`profile: ${id}`, `ESC t ${printer.codePage} = windows-1251`]),
      );
      expect(decoded.lines.every((line) => [...line].length <= printer.charsPerLine)).toBe(true);
      expect(decoded.cuts).toBe(printer.cutter === 'none' ? 0 : 1);
    },
  );

  it('sends ESC t 73 to the Xprinter-type clone and ESC t 46 to the Epson', () => {
    expect([...codePageTestEscPos(profile('xprinter-80')).subarray(0, 7)]).toEqual([
      0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x74, 73,
    ]);
    expect([...codePageTestEscPos(profile('epson-80')).subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 46]);
  });

  it('prints a raster profile in text mode and says so', () => {
    const lines = readableLines(codePageTestEscPos(profile('xprinter-58')));
    expect(lines).toContain('tickets: raster; this page: text');
    expect(decodeEscPos(codePageTestEscPos(profile('xprinter-58'))).images).toEqual([]);
  });

  it('lists the other Cyrillic letters of Windows-1251 and shows look-alikes where CP866 lacks a letter', () => {
    expect(otherCyrillicLetters('windows-1251')).toBe('ЂЃѓЉЊЌЋЏђљњќћџЎўЈјЅѕ');
    expect(otherCyrillicLetters('cp437')).toBe('');
    const cp866: PrinterProfile = { ...profile('epson-80'), codePage: 17, encoding: 'cp866' };
    const letters = printedLetters(codePageTestEscPos(cp866));
    expect(letters).toContain(RUSSIAN_UPPER);
    // CP866 has Є Ї but not Ґ І: the page shows Г and Latin I in their places.
    expect(letters).toContain('АБВГГДЕЄЖЗИIЇЙ');
  });
});
