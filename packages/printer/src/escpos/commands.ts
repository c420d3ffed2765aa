/**
 * The ESC/POS commands a ticket needs, as bytes. One function per command, named after what
 * it does, so the encoders read as a list of steps and the byte values live in one place.
 * Reference: Epson's ESC/POS command manual (TM-T20/TM-T88 series); clones follow it.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type CutKind = 'full' | 'partial';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

const byteArg = (value: number, what: string): number => {
  if (!Number.isInteger(value) || value < 0 || value > 255)
    throw new RangeError(`${what} out of range: ${value}`);
  return value;
};

/** ESC @: reset the printer to its power-on settings (clears the buffer, font, alignment). */
export const initialize = (): Uint8Array => bytes(ESC, 0x40);

/** FS .: leave the Kanji/Chinese double-byte mode that some clones start in. */
export const cancelDoubleByteMode = (): Uint8Array => bytes(FS, 0x2e);

/** ESC t n: select the character code table (vendor-specific number, from the profile). */
export const selectCodePage = (n: number): Uint8Array => bytes(ESC, 0x74, byteArg(n, 'code page'));

const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** ESC a n: justification of the lines that follow. */
export const align = (value: Align): Uint8Array => bytes(ESC, 0x61, ALIGN[value]);

/** ESC E n: emphasised (bold) on or off. */
export const bold = (on: boolean): Uint8Array => bytes(ESC, 0x45, on ? 1 : 0);

/** GS ! n: character magnification, 1–8 times in width and height. */
export const characterSize = (width: number, height: number = width): Uint8Array => {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    width > 8 ||
    height < 1 ||
    height > 8
  ) {
    throw new RangeError(`character size out of range: ${width}x${height}`);
  }
  return bytes(GS, 0x21, ((width - 1) << 4) | (height - 1));
};

/** ESC d n: print the buffer and feed n lines. */
export const feedLines = (n: number): Uint8Array => bytes(ESC, 0x64, byteArg(n, 'feed lines'));

/** GS V m: cut the paper (m = 0 full, 1 partial). */
export const cut = (kind: CutKind): Uint8Array => bytes(GS, 0x56, kind === 'full' ? 0 : 1);

/** DLE EOT n: real-time status request (n = 1 printer, 2 offline cause, 4 paper sensor). */
export const statusRequest = (n: 1 | 2 | 4): Uint8Array => bytes(DLE, EOT, n);

/** Error-correction levels of GS ( k function 169: L 7 %, M 15 %, Q 25 %, H 30 %. */
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';
const QR_ECC: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** The most data a model 2 QR symbol stores in byte mode (version 40, level L). */
export const QR_MAX_BYTES = 2953;

const qrFunction = (fn: number, params: readonly number[]): Uint8Array => {
  const length = params.length + 2;
  return bytes(GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params);
};

/**
 * GS ( k, QR code model 2: select the model, the module size and the error correction,
 * store the data, print the symbol. Five commands in one byte run.
 */
export const qrCode = (data: Uint8Array, moduleSize: number, ecc: QrErrorCorrection = 'M'): Uint8Array => {
  if (data.length === 0 || data.length > QR_MAX_BYTES) throw new RangeError(`QR data length ${data.length}`);
  if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16) {
    throw new RangeError(`QR module size ${moduleSize}`);
  }
  const storeLength = data.length + 3;
  const store = new Uint8Array(8 + data.length);
  store.set([GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30]);
  store.set(data, 8);
  return concatBytes([
    qrFunction(0x41, [0x32, 0x00]),
    qrFunction(0x43, [moduleSize]),
    qrFunction(0x45, [QR_ECC[ecc]]),
    store,
    qrFunction(0x51, [0x30]),
  ]);
};

/**
 * GS v 0: print a raster bit image. `rows` holds `widthBytes` bytes per row, most
 * significant bit leftmost, 1 = black.
 */
export const rasterImage = (widthBytes: number, height: number, rows: Uint8Array): Uint8Array => {
  if (widthBytes < 1 || widthBytes > 0xffff || height < 1 || height > 0xffff) {
    throw new RangeError(`raster size ${widthBytes}x${height}`);
  }
  if (rows.length !== widthBytes * height) throw new RangeError('raster data does not match its size');
  const out = new Uint8Array(8 + rows.length);
  out.set([GS, 0x76, 0x30, 0x00, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8]);
  out.set(rows, 8);
  return out;
};

export const concatBytes = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};
