/**
 * A printer profile: what one printer model needs to print a ticket right (paper, code page
 * number, Chinese-mode quirk, cutter, status support, raster fallback). The profiles are
 * JSON files in `hardware/printers/`, checked with this schema when they are loaded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TEXT_ENCODINGS } from './text/encoding';

export const printerProfileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    paperWidthMm: z.number().positive(),
    /** Printable width in dots (576 on 80 mm, 384 on 58 mm at 203 dpi); a multiple of 8. */
    dotsPerLine: z.number().int().positive().multipleOf(8),
    /** Characters per line in font A at normal size (48 on 80 mm, 32 on 58 mm). */
    charsPerLine: z.number().int().positive(),
    /** `text` prints characters in the code page; `raster` prints every line as an image. */
    render: z.enum(['text', 'raster']),
    /** The `ESC t n` number of the code page below (WPC1251: Epson 46, Xprinter-type clones 73). */
    codePage: z.number().int().min(0).max(255),
    encoding: z.enum(TEXT_ENCODINGS),
    /** Send `FS .` after `ESC @`: the printer may start in a Chinese double-byte mode. */
    leaveDoubleByteMode: z.boolean(),
    cutter: z.enum(['full', 'partial', 'none']),
    /** Lines fed before the cut, so the last line clears the cutter (or the tear bar). */
    feedLinesBeforeCut: z.number().int().min(0).max(255),
    /** Whether the printer answers `DLE EOT n` real-time status requests. */
    status: z.enum(['dle-eot', 'none']),
    /**
     * How long the three status queries may take together. Cheap clones answer each in
     * 120-160 ms (measured), so 400 ms refused healthy printers; the default is 1 s.
     */
    statusTimeoutMs: z.number().int().min(100).max(10_000).optional(),
    /** Whether it prints `GS v 0` raster images (needed for `render: raster`). */
    rasterFallback: z.boolean(),
    /** Whether it prints QR codes itself (`GS ( k`, model 2); if not, the URL is printed. */
    qrCode: z.boolean(),
    qrModuleSize: z.number().int().min(1).max(16),
    notes: z.string().optional(),
  })
  .refine((profile) => profile.render === 'text' || profile.rasterFallback, {
    message: 'render "raster" needs a printer with rasterFallback',
    path: ['render'],
  });

export type PrinterProfile = z.infer<typeof printerProfileSchema>;

export class PrinterProfileError extends Error {
  override readonly name = 'PrinterProfileError';
}

export const parsePrinterProfile = (json: unknown, source = 'profile'): PrinterProfile => {
  const result = printerProfileSchema.safeParse(json);
  if (!result.success) {
    throw new PrinterProfileError(
      `${source} is not a valid printer profile:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
};

export const loadPrinterProfile = async (file: string): Promise<PrinterProfile> => {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new PrinterProfileError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parsePrinterProfile(json, file);
};

/** Every `*.json` profile in a directory (e.g. `hardware/printers`), by id. */
export const loadPrinterProfiles = async (directory: string): Promise<Map<string, PrinterProfile>> => {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
  const profiles = new Map<string, PrinterProfile>();
  for (const file of files) {
    const profile = await loadPrinterProfile(join(directory, file));
    if (profiles.has(profile.id)) throw new PrinterProfileError(`duplicate printer profile id ${profile.id}`);
    profiles.set(profile.id, profile);
  }
  return profiles;
};
