/**
 * The appeal receipt read back from the bytes with the test decoder: the Ukrainian words
 * exact under the profile's code page (і ї є ґ, the apostrophe and № among them), the
 * number and tracking code, the QR code only with a tracking URL, one cut, and the Russian
 * and English wording; a raster profile prints images and the same QR code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AppealReceiptView, appealReceiptToEscPos } from './appeal-receipt';
import { type PrinterProfile, parsePrinterProfile } from './profile';
import { decodeEscPos, readableLines } from './testing';

const profile = (id: string): PrinterProfile =>
  parsePrinterProfile(
    JSON.parse(readFileSync(new URL(`../../../hardware/printers/${id}.json`, import.meta.url), 'utf8')),
  );
const EPSON = profile('epson-80');
const XPRINTER = profile('xprinter-80');
const NARROW_RASTER = profile('xprinter-58');

const URL_TEXT = 'https://queue.example.ua/a/K7M2XQ9P';

const RECEIPT: AppealReceiptView = {
  language: 'uk',
  centreName: 'Центр надання адміністративних послуг «Ґанок»',
  number: '2026/17',
  trackingCode: 'K7M2XQ9P',
  trackingUrl: URL_TEXT,
  receivedAt: '03.12.2026 14:05',
  answerDueDay: '14.12.2026',
  organisation: 'Управління житлово-комунального господарства',
  summary: 'Роз’яснити нарахування за ґаз у під’їзді № 3',
};

const { trackingUrl: _url, ...OFFLINE } = RECEIPT;

describe('appealReceiptToEscPos (text mode)', () => {
  it('reads back the whole receipt in Ukrainian under ESC t 46, word for word, with one cut', () => {
    const bytes = appealReceiptToEscPos(RECEIPT, EPSON);
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 46]);
    const decoded = decodeEscPos(bytes);
    expect(decoded.codePages).toEqual([46]);
    expect(readableLines(bytes)).toEqual([
      'Центр надання адміністративних послуг «Ґанок»',
      '-'.repeat(48),
      'Звернення № 2026/17',
      '-'.repeat(48),
      'Зареєстровано: 03.12.2026 14:05',
      'Відповідь до: 14.12.2026',
      'Відповідальна організація:',
      'Управління житлово-комунального господарства',
      'Короткий зміст:',
      'Роз’яснити нарахування за ґаз у під’їзді № 3',
      '-'.repeat(48),
      'Код для відстеження:',
      'K7M2XQ9P',
      'Стежте за зверненням за посиланням або QR-кодом',
      URL_TEXT,
    ]);
    const all = readableLines(bytes).join('\n');
    for (const letter of ['і', 'ї', 'є', 'ґ', 'Ґ', '’', '№']) expect(all).toContain(letter);
    expect(decoded.qrCodes).toEqual([URL_TEXT]);
    expect(decoded.cuts).toBe(1);
    expect(decoded.listing.slice(-2)).toEqual(['ESC d 4', 'GS V 1']);
    expect(decoded.lines.every((line) => [...line].length <= EPSON.charsPerLine)).toBe(true);
  });

  it('prints the tracking code twice the size, in bold', () => {
    const { listing } = decodeEscPos(appealReceiptToEscPos(RECEIPT, EPSON));
    const code = listing.indexOf('TEXT "K7M2XQ9P"');
    expect(listing.slice(code - 2, code)).toEqual(['ESC E 1', 'GS ! 17']);
  });

  it('prints no QR code, URL or hint without a tracking URL, but still the code', () => {
    const bytes = appealReceiptToEscPos(OFFLINE, EPSON);
    const decoded = decodeEscPos(bytes);
    expect(decoded.qrCodes).toEqual([]);
    const lines = readableLines(bytes);
    expect(lines).toContain('K7M2XQ9P');
    expect(lines).not.toContain('Стежте за зверненням за посиланням або QR-кодом');
    expect(lines.join('\n')).not.toContain('https://');
    expect(decoded.cuts).toBe(1);
  });

  it('leaves out the summary when it is missing or blank', () => {
    const { summary: _summary, ...bare } = RECEIPT;
    for (const view of [bare, { ...RECEIPT, summary: '   ' }]) {
      const lines = readableLines(appealReceiptToEscPos(view, EPSON));
      expect(lines).not.toContain('Короткий зміст:');
      expect(lines).toContain('Відповідь до: 14.12.2026');
    }
  });

  it('speaks Russian', () => {
    const bytes = appealReceiptToEscPos(
      {
        ...RECEIPT,
        language: 'ru',
        centreName: 'Центр предоставления административных услуг',
        organisation: 'Управление жилищно-коммунального хозяйства',
        summary: 'Прошу разъяснить начисления за газ, подъезд № 3',
      },
      EPSON,
    );
    expect(readableLines(bytes)).toEqual(
      expect.arrayContaining([
        'Обращение № 2026/17',
        'Зарегистрировано: 03.12.2026 14:05',
        'Ответ до: 14.12.2026',
        'Ответственная организация:',
        'Управление жилищно-коммунального хозяйства',
        'Краткое содержание:',
        'Прошу разъяснить начисления за газ, подъезд № 3',
        'Код для отслеживания:',
        'K7M2XQ9P',
        'Следите за обращением по ссылке или QR-коду',
      ]),
    );
    expect(decodeEscPos(bytes).qrCodes).toEqual([URL_TEXT]);
    expect(decodeEscPos(bytes).cuts).toBe(1);
  });

  it('speaks English', () => {
    const bytes = appealReceiptToEscPos(
      {
        ...OFFLINE,
        language: 'en',
        centreName: 'Administrative Services Centre',
        organisation: 'Housing and Utilities Department',
        summary: 'Please explain the gas charges',
      },
      EPSON,
    );
    expect(readableLines(bytes)).toEqual([
      'Administrative Services Centre',
      '-'.repeat(48),
      'Appeal No. 2026/17',
      '-'.repeat(48),
      'Registered: 03.12.2026 14:05',
      'Answer due by: 14.12.2026',
      'Responsible organisation:',
      'Housing and Utilities Department',
      'Summary:',
      'Please explain the gas charges',
      '-'.repeat(48),
      'Tracking code:',
      'K7M2XQ9P',
    ]);
    expect(decodeEscPos(bytes).qrCodes).toEqual([]);
    expect(decodeEscPos(bytes).cuts).toBe(1);
  });

  it('leaves the Chinese mode with FS . and uses ESC t 73 on an Xprinter-type clone', () => {
    const bytes = appealReceiptToEscPos(RECEIPT, XPRINTER);
    expect([...bytes.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x74, 73]);
    expect(readableLines(bytes)).toContain('Звернення № 2026/17');
  });

  it('wraps to 32 characters on 58 mm paper in text mode and does not cut without a cutter', () => {
    const bytes = appealReceiptToEscPos(RECEIPT, { ...NARROW_RASTER, render: 'text' });
    const decoded = decodeEscPos(bytes);
    expect(Math.max(...decoded.lines.map((line) => [...line].length))).toBeLessThanOrEqual(32);
    expect(readableLines(bytes)).toContain('Звернення № 2026/17');
    expect(readableLines(bytes).join('')).toContain(URL_TEXT);
    expect(decoded.cuts).toBe(0);
  });

  it('falls back to look-alikes on a CP866 printer', () => {
    const cp866: PrinterProfile = { ...EPSON, codePage: 17, encoding: 'cp866' };
    const lines = readableLines(appealReceiptToEscPos(RECEIPT, cp866));
    expect(decodeEscPos(appealReceiptToEscPos(RECEIPT, cp866)).codePages).toEqual([17]);
    expect(lines).toContain('Звернення № 2026/17');
    expect(lines).toContain('Вiдповiдь до: 14.12.2026');
  });

  it('prints the URL as text only, once, on a printer without QR support', () => {
    const bytes = appealReceiptToEscPos(RECEIPT, { ...EPSON, qrCode: false });
    expect(decodeEscPos(bytes).qrCodes).toEqual([]);
    expect(readableLines(bytes).filter((line) => line === URL_TEXT)).toHaveLength(1);
  });
});

describe('appealReceiptToEscPos (raster profile)', () => {
  it('prints the text as images with no code page, keeps the QR code native, and never cuts without a cutter', () => {
    const bytes = appealReceiptToEscPos(RECEIPT, NARROW_RASTER);
    const decoded = decodeEscPos(bytes);
    expect(decoded.codePages).toEqual([]);
    expect(readableLines(bytes)).toEqual([]);
    expect(decoded.images.length).toBeGreaterThanOrEqual(2);
    expect(decoded.images.every((image) => image.width === NARROW_RASTER.dotsPerLine)).toBe(true);
    expect(decoded.qrCodes).toEqual([URL_TEXT]);
    expect(decoded.cuts).toBe(0);
  });

  it('cuts once on a raster profile with a cutter', () => {
    const decoded = decodeEscPos(appealReceiptToEscPos(OFFLINE, { ...EPSON, render: 'raster' }));
    expect(decoded.images.length).toBeGreaterThanOrEqual(1);
    expect(decoded.qrCodes).toEqual([]);
    expect(decoded.cuts).toBe(1);
  });
});
