/**
 * Golden files of the bytes: one ticket in each shipped profile (and the 58 mm one in text
 * mode too). A change to the output shows as a diff of the command listing first; rewrite
 * the goldens on purpose with UPDATE_GOLDEN=1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ticketToEscPos } from './encode';
import { type PrinterProfile, parsePrinterProfile } from './profile';
import { SAMPLE_TEMPLATE, SAMPLE_TICKET, decodeEscPos, golden } from './testing';

const profile = (id: string): PrinterProfile =>
  parsePrinterProfile(
    JSON.parse(readFileSync(new URL(`../../../hardware/printers/${id}.json`, import.meta.url), 'utf8')),
  );

const CASES: readonly [string, PrinterProfile][] = [
  ['epson-80.bin', profile('epson-80')],
  ['xprinter-80.bin', profile('xprinter-80')],
  ['xprinter-58.bin', profile('xprinter-58')],
  ['xprinter-58-text.bin', { ...profile('xprinter-58'), render: 'text' }],
];

describe('golden ESC/POS bytes', () => {
  it.each(CASES)('%s', (file, printer) => {
    const actual = ticketToEscPos(SAMPLE_TICKET, printer, SAMPLE_TEMPLATE);
    const expected = golden(file, actual);
    expect(decodeEscPos(actual).listing).toEqual(decodeEscPos(expected).listing);
    expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
  });
});
