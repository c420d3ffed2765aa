/**
 * Draws text blocks into a 1-bit image, for printers without a Cyrillic code page. Glyphs
 * come from DejaVu Sans Condensed (shipped in the `dejavu-fonts-ttf` npm package; narrow
 * enough for 58 mm paper, every Cyrillic letter and № included) and are filled by
 * `pureimage`, a pure-JavaScript canvas: nothing native, nothing fetched at install time.
 * Anti-aliased edges are thresholded at mid-grey.
 */
import { createRequire } from 'node:module';
import * as PImage from 'pureimage';
import type { PrintBlock, TextBlock } from '../layout';
import { wrapText } from '../text/wrap';
import { type MonoBitmap, createBitmap, stackBitmaps } from './bitmap';

export interface RasterFonts {
  /** Paths of TrueType files. */
  readonly regular: string;
  readonly bold: string;
}

/** Font size in dots of normal text: the height of ESC/POS font A. */
export const BASE_FONT_DOTS = 24;
const LINE_HEIGHT = 1.25;
const BASELINE = 0.95;
const SIDE_MARGIN = 4;
const RULE_HEIGHT = 14;

export const defaultFonts = (): RasterFonts => {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
  };
};

/** pureimage keeps fonts in a global registry by family name; register each file once. */
const families = new Map<string, string>();

const familyFor = (file: string): string => {
  let family = families.get(file);
  if (!family) {
    family = `queue-ticket-${families.size}`;
    PImage.registerFont(file, family).loadSync();
    families.set(file, family);
  }
  return family;
};

/** Parses the fonts now (about 0.3 s) rather than on the first raster ticket. */
export const preloadRasterFonts = (fonts: RasterFonts = defaultFonts()): void => {
  familyFor(fonts.regular);
  familyFor(fonts.bold);
};

type Drawable = Exclude<PrintBlock, { kind: 'qr' }>;

interface Canvas {
  readonly fonts: RasterFonts;
  readonly width: number;
}

const renderLine = (canvas: Canvas, block: TextBlock, line: string): MonoBitmap => {
  const size = BASE_FONT_DOTS * block.scale;
  const height = Math.round(size * LINE_HEIGHT);
  const image = PImage.make(canvas.width, height);
  const context = image.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, height);
  context.fillStyle = '#000000';
  context.font = `${size}px ${familyFor(block.bold ? canvas.fonts.bold : canvas.fonts.regular)}`;
  const lineWidth = context.measureText(line).width;
  const room = canvas.width - 2 * SIDE_MARGIN;
  const x =
    block.align === 'left'
      ? SIDE_MARGIN
      : block.align === 'center'
        ? SIDE_MARGIN + (room - lineWidth) / 2
        : SIDE_MARGIN + room - lineWidth;
  if (line !== '') context.fillText(line, Math.round(x), Math.round(size * BASELINE));
  const out = createBitmap(canvas.width, height);
  for (let index = 0; index < out.pixels.length; index += 1) {
    out.pixels[index] = (image.data[index * 4] ?? 255) < 128 ? 1 : 0;
  }
  return out;
};

const renderText = (canvas: Canvas, block: TextBlock): MonoBitmap[] => {
  const image = PImage.make(1, 1);
  const context = image.getContext('2d');
  context.font = `${BASE_FONT_DOTS * block.scale}px ${familyFor(block.bold ? canvas.fonts.bold : canvas.fonts.regular)}`;
  const lines = wrapText(
    block.text,
    canvas.width - 2 * SIDE_MARGIN,
    (text) => context.measureText(text).width,
  );
  return lines.map((line) => renderLine(canvas, block, line));
};

const renderRule = (width: number): MonoBitmap => {
  const out = createBitmap(width, RULE_HEIGHT);
  const middle = Math.floor(RULE_HEIGHT / 2);
  for (let x = SIDE_MARGIN; x < width - SIDE_MARGIN; x += 1) {
    // Dashes of 8 dots, gaps of 4, like a line of '-' characters.
    if (x % 12 < 8) {
      out.pixels[(middle - 1) * width + x] = 1;
      out.pixels[middle * width + x] = 1;
    }
  }
  return out;
};

/** Text, rules and blank lines drawn one under another across `width` dots. */
export const renderBlocks = (
  blocks: readonly Drawable[],
  width: number,
  fonts: RasterFonts = defaultFonts(),
): MonoBitmap => {
  const canvas: Canvas = { fonts, width };
  return stackBitmaps(
    blocks.flatMap((block) => {
      switch (block.kind) {
        case 'text':
          return renderText(canvas, block);
        case 'rule':
          return [renderRule(width)];
        case 'space':
          return [createBitmap(width, Math.round(BASE_FONT_DOTS * LINE_HEIGHT))];
        default: {
          const _exhaustive: never = block;
          return _exhaustive;
        }
      }
    }),
  );
};
