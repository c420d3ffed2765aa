/**
 * Raster mode: the GS v 0 images read back from the bytes, stacked and compared with golden
 * PNGs (look at them: __golden__/*.png), plus the shape of the stream around them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RASTER_BAND_ROWS } from '../encode-raster';
import { ticketToEscPos, ticketToRasterEscPos } from '../encode';
import { type PrinterProfile, parsePrinterProfile } from '../profile';
import { SAMPLE_TEMPLATE, SAMPLE_TICKET, decodeEscPos, golden } from '../testing';
import { type MonoBitmap, stackBitmaps } from './bitmap';
import { bitmapToPng, pngToBitmap } from './png';

const profile = (id: string): PrinterProfile =>
  parsePrinterProfile(
    JSON.parse(readFileSync(new URL(`../../../../hardware/printers/${id}.json`, import.meta.url), 'utf8')),
  );
const EPSON = profile('epson-80');
const NARROW = profile('xprinter-58');

/** The text part of the ticket as printed: every GS v 0 image, one under another. */
const printedImage = (bytes: Uint8Array): MonoBitmap => stackBitmaps(decodeEscPos(bytes).images);

const differingDots = (a: MonoBitmap, b: MonoBitmap): number => {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  let count = 0;
  a.pixels.forEach((dot, index) => {
    if (dot !== b.pixels[index]) count += 1;
  });
  return count;
};

const expectGoldenPng = (file: string, image: MonoBitmap): void => {
  const expected = pngToBitmap(golden(file, bitmapToPng(image)));
  const differences = differingDots(image, expected);
  if (differences !== 0) {
    const actualFile = join(tmpdir(), `actual-${file}`);
    writeFileSync(actualFile, bitmapToPng(image));
    expect.fail(`${file}: ${differences} dots differ; the actual image is at ${actualFile}`);
  }
};

describe('raster mode', () => {
  it('matches the golden PNG on 80 mm paper', () => {
    const image = printedImage(ticketToRasterEscPos(SAMPLE_TICKET, EPSON, SAMPLE_TEMPLATE));
    expect(image.width).toBe(576);
    expectGoldenPng('epson-80-raster.png', image);
  });

  it('matches the golden PNG on 58 mm paper (the profile prints raster by default)', () => {
    const image = printedImage(ticketToEscPos(SAMPLE_TICKET, NARROW, SAMPLE_TEMPLATE));
    expect(image.width).toBe(384);
    expectGoldenPng('xprinter-58.png', image);
  });

  it('sends no text and no code page, only images in bands, the native QR and the frame', () => {
    const decoded = decodeEscPos(ticketToEscPos(SAMPLE_TICKET, NARROW, SAMPLE_TEMPLATE));
    expect(decoded.lines.every((line) => line === '')).toBe(true);
    expect(decoded.codePages).toEqual([]);
    expect(decoded.listing.slice(0, 2)).toEqual(['ESC @', 'FS .']);
    expect(decoded.qrCodes).toEqual([SAMPLE_TICKET.statusUrl]);
    expect(decoded.images.length).toBeGreaterThan(2);
    for (const image of decoded.images) expect(image.height).toBeLessThanOrEqual(RASTER_BAND_ROWS);
    // Text before the QR, then the QR, then the rest.
    const qr = decoded.listing.findIndex((entry) => entry.startsWith('GS ( k fn 81'));
    expect(decoded.listing.slice(0, qr).some((entry) => entry.startsWith('GS v 0'))).toBe(true);
    expect(decoded.listing.slice(qr).some((entry) => entry.startsWith('GS v 0'))).toBe(true);
    expect(decoded.cuts).toBe(0);
  });

  it('draws the same for the same ticket, and differently for another one', () => {
    const first = printedImage(ticketToRasterEscPos(SAMPLE_TICKET, NARROW));
    expect(differingDots(first, printedImage(ticketToRasterEscPos(SAMPLE_TICKET, NARROW)))).toBe(0);
    const other = printedImage(ticketToRasterEscPos({ ...SAMPLE_TICKET, number: 'П-006' }, NARROW));
    expect(differingDots(first, other)).toBeGreaterThan(0);
  });
});
