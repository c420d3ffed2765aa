/**
 * Greedy word wrap, for both character-cell printing (width in characters) and raster
 * printing (width in dots, measured by the font). A word longer than a line is split.
 */

export type Measure = (text: string) => number;

const charCount: Measure = (text) => [...text].length;

const splitLongWord = (word: string, maxWidth: number, measure: Measure): string[] => {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
};

const wrapParagraph = (paragraph: string, maxWidth: number, measure: Measure): string[] => {
  const words = paragraph.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (measure(word) <= maxWidth) {
      line = word;
    } else {
      const pieces = splitLongWord(word, maxWidth, measure);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
  }
  lines.push(line);
  return lines;
};

/** Lines of at most `maxWidth` (in the units of `measure`); explicit newlines are kept. */
export const wrapText = (text: string, maxWidth: number, measure: Measure = charCount): string[] => {
  if (maxWidth < 1) throw new RangeError(`line width ${maxWidth}`);
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measure));
};
