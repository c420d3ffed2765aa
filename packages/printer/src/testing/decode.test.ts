/** The test decoder itself: code pages, skipped commands, QR and raster data, strictness. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  align,
  bold,
  cancelDoubleByteMode,
  characterSize,
  concatBytes,
  cut,
  feedLines,
  initialize,
  qrCode,
  rasterImage,
  selectCodePage,
} from '../escpos/commands';
import { EscPosDecodeError, decodeEscPos, readableLines } from './decode';

const text = (value: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(value, encoding));
const LF = Uint8Array.of(0x0a);

describe('decodeEscPos', () => {
  it('follows ESC t to pick the code page of each run of text', () => {
    const stream = concatBytes([
      initialize(),
      cancelDoubleByteMode(),
      selectCodePage(46),
      text('Ґанок ', 'windows-1251'),
      selectCodePage(17),
      text('№ 5', 'cp866'),
      LF,
      selectCodePage(73),
      text('їжак’', 'windows-1251'),
      LF,
      selectCodePage(0),
      text('Hello', 'cp437'),
    ]);
    const decoded = decodeEscPos(stream);
    expect(decoded.lines).toEqual(['Ґанок № 5', 'їжак’', 'Hello']);
    expect(decoded.codePages).toEqual([46, 17, 73, 0]);
  });

  it('skips styling, feed and cut commands and counts cuts', () => {
    const stream = concatBytes([
      initialize(),
      selectCodePage(46),
      align('center'),
      bold(true),
      characterSize(2),
      text('П-005', 'windows-1251'),
      LF,
      characterSize(1),
      bold(false),
      feedLines(4),
      cut('partial'),
      Uint8Array.of(0x1d, 0x56, 66, 3),
    ]);
    const decoded = decodeEscPos(stream);
    expect(decoded.lines).toEqual(['П-005']);
    expect(decoded.cuts).toBe(2);
    expect(decoded.listing).toContain('GS ! 17');
    expect(decoded.listing).toContain('GS V 66 3');
  });

  it('reads QR data and raster images, and does not mistake their bytes for text', () => {
    const url = 'https://queue.example.ua/t/abc';
    const rows = Uint8Array.of(0x80, 0x01, 0x0a, 0x1b);
    const stream = concatBytes([qrCode(new TextEncoder().encode(url), 6), rasterImage(2, 2, rows), LF]);
    const decoded = decodeEscPos(stream);
    expect(decoded.qrCodes).toEqual([url]);
    expect(decoded.images).toHaveLength(1);
    const image = decoded.images[0];
    expect(image?.width).toBe(16);
    expect(image?.height).toBe(2);
    expect([...(image?.pixels.subarray(0, 16) ?? [])]).toEqual([
      1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
    expect(decoded.lines).toEqual(['']);
  });

  it('throws on unknown commands, unknown code pages and truncated data', () => {
    expect(() => decodeEscPos(Uint8Array.of(0x1b, 0x7a, 0))).toThrow(EscPosDecodeError);
    expect(() => decodeEscPos(selectCodePage(99))).toThrow(/code page/);
    expect(() => decodeEscPos(selectCodePage(23))).toThrow(/code page/);
    expect(() => decodeEscPos(Uint8Array.of(0x1d, 0x76, 0x30, 0, 1, 0, 5, 0, 0xff))).toThrow(/past the end/);
    expect(() => decodeEscPos(Uint8Array.of(0x1b))).toThrow(/ends inside/);
    expect(() => decodeEscPos(Uint8Array.of(0x07))).toThrow(/control byte/);
  });

  it('gives the readable lines trimmed and without blanks', () => {
    expect(readableLines(concatBytes([text('  a ', 'cp437'), LF, LF, text('b', 'cp437')]))).toEqual([
      'a',
      'b',
    ]);
  });
});
