/**
 * 1-bit bitmaps to and from PNG (black on white), for raster snapshots in tests and for
 * previewing a ticket on a screen without a printer.
 */
import { PNG } from 'pngjs';
import { type MonoBitmap, createBitmap } from './bitmap';

export const bitmapToPng = (bitmap: MonoBitmap): Uint8Array => {
  const png = new PNG({ width: bitmap.width, height: bitmap.height });
  bitmap.pixels.forEach((dot, index) => {
    png.data.fill(dot ? 0 : 255, index * 4, index * 4 + 3);
    png.data[index * 4 + 3] = 255;
  });
  return new Uint8Array(PNG.sync.write(png, { colorType: 0 }));
};

/** Reads a PNG back; a pixel darker than mid-grey is black. */
export const pngToBitmap = (file: Uint8Array): MonoBitmap => {
  const png = PNG.sync.read(Buffer.from(file));
  const bitmap = createBitmap(png.width, png.height);
  for (let index = 0; index < png.width * png.height; index += 1) {
    bitmap.pixels[index] = (png.data[index * 4] ?? 255) < 128 ? 1 : 0;
  }
  return bitmap;
};
