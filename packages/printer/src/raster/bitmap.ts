/**
 * A 1-bit image as the printer sees it: one byte per dot (1 = black) while drawing, packed
 * eight dots to a byte (most significant bit leftmost) for `GS v 0`.
 */

export interface MonoBitmap {
  readonly width: number;
  readonly height: number;
  /** Row-major, one byte per dot: 1 black, 0 white. */
  readonly pixels: Uint8Array;
}

export const createBitmap = (width: number, height: number): MonoBitmap => ({
  width,
  height,
  pixels: new Uint8Array(width * height),
});

/** The images one under another, as wide as the widest. */
export const stackBitmaps = (parts: readonly MonoBitmap[]): MonoBitmap => {
  const width = Math.max(0, ...parts.map((part) => part.width));
  const out = createBitmap(
    width,
    parts.reduce((sum, part) => sum + part.height, 0),
  );
  let top = 0;
  for (const part of parts) {
    for (let y = 0; y < part.height; y += 1) {
      out.pixels.set(part.pixels.subarray(y * part.width, (y + 1) * part.width), (top + y) * width);
    }
    top += part.height;
  }
  return out;
};

export const widthInBytes = (width: number): number => Math.ceil(width / 8);

/** Rows `from` (inclusive) to `to` (exclusive) packed for `GS v 0`. */
export const packRows = (bitmap: MonoBitmap, from = 0, to = bitmap.height): Uint8Array => {
  const stride = widthInBytes(bitmap.width);
  const out = new Uint8Array(stride * (to - from));
  for (let y = from; y < to; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      if (bitmap.pixels[y * bitmap.width + x]) {
        const index = (y - from) * stride + (x >> 3);
        out[index] = (out[index] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return out;
};

/** The inverse of `packRows`, for decoders and tests. */
export const unpackRows = (widthBytes: number, height: number, rows: Uint8Array): MonoBitmap => {
  const bitmap = createBitmap(widthBytes * 8, height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      const byte = rows[y * widthBytes + (x >> 3)] ?? 0;
      bitmap.pixels[y * bitmap.width + x] = (byte >> (7 - (x & 7))) & 1;
    }
  }
  return bitmap;
};
