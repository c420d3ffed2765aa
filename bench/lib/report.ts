/**
 * How every benchmark hands back its figures: one row per figure with its limit or baseline
 * and the ratio, printed as a Markdown table so the output can go straight into
 * docs/performance.md. Output goes through `say` (stdout), keeping `console` out of the code.
 */

export interface Figure {
  readonly part: string;
  readonly figure: string;
  readonly value: string;
  /** The limit or baseline it is measured against, with its value. */
  readonly baseline?: string;
  readonly ratio?: string;
  /** Set when the figure is far from its limit (see the thresholds in docs/performance.md). */
  readonly flag?: string;
}

export const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** A number with a sensible number of digits for a table. */
export const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '—';

export const ratio = (value: number, limit: number, digits = 2): string =>
  Number.isFinite(value / limit) ? `${(value / limit).toFixed(digits)}×` : '—';

const escape = (cell: string): string => cell.replace(/\|/g, '\\|');

export const markdownTable = (figures: readonly Figure[]): string => {
  const header = ['Part', 'Figure', 'Value', 'Limit / baseline', 'Ratio', 'Note'];
  const rows = figures.map((row) => [
    row.part,
    row.figure,
    row.value,
    row.baseline ?? '',
    row.ratio ?? '',
    row.flag ?? '',
  ]);
  const lines = [header, header.map(() => '---'), ...rows].map(
    (cells) => `| ${cells.map(escape).join(' | ')} |`,
  );
  return lines.join('\n');
};

/** Print a part's heading; parts print their own detail lines under it. */
export const heading = (title: string): void => {
  say();
  say(`== ${title} ==`);
};
