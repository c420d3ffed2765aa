/**
 * Printable blocks -> ESC/POS for a printer without the code page: runs of text are drawn
 * into 1-bit images and sent with `GS v 0` in bands; the QR code stays a native command.
 */
import { concatBytes, rasterImage } from './escpos/commands';
import { epilogue, prologue, qrBlock } from './escpos/frame';
import type { PrintBlock } from './layout';
import type { PrinterProfile } from './profile';
import { type MonoBitmap, packRows, widthInBytes } from './raster/bitmap';
import { type RasterFonts, renderBlocks } from './raster/render';

/** Rows per `GS v 0` command: small enough for the receive buffer of cheap printers. */
export const RASTER_BAND_ROWS = 240;

const rasterBands = (bitmap: MonoBitmap): Uint8Array[] => {
  const bands: Uint8Array[] = [];
  for (let from = 0; from < bitmap.height; from += RASTER_BAND_ROWS) {
    const to = Math.min(bitmap.height, from + RASTER_BAND_ROWS);
    bands.push(rasterImage(widthInBytes(bitmap.width), to - from, packRows(bitmap, from, to)));
  }
  return bands;
};

type Drawable = Exclude<PrintBlock, { kind: 'qr' }>;

export const blocksToRasterEscPos = (
  blocks: readonly PrintBlock[],
  profile: PrinterProfile,
  fonts?: RasterFonts,
): Uint8Array => {
  const parts: Uint8Array[] = [...prologue(profile)];
  let run: Drawable[] = [];
  const flush = (): void => {
    if (run.length > 0) parts.push(...rasterBands(renderBlocks(run, profile.dotsPerLine, fonts)));
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'qr') {
      flush();
      parts.push(...qrBlock(profile, block.data, block.moduleSize));
    } else {
      run.push(block);
    }
  }
  flush();
  parts.push(...epilogue(profile));
  return concatBytes(parts);
};
