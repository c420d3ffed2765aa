/**
 * The printed ticket's layout as the administrator edits it: the parts in print order, the
 * centre's own header and footer lines in three languages, the number's size and the QR
 * dot size. The block names and defaults are the printer package's (a test keeps them
 * equal); a centre without a template prints the default.
 */
import type { LocalizedText } from '@queue/core';
import { LANGUAGES } from '@queue/core';

export const TEMPLATE_BLOCKS = [
  'header',
  'centre',
  'heading',
  'number',
  'service',
  'organisation',
  'issued',
  'appointment',
  'ahead',
  'wait',
  'priority',
  'qr',
  'hint',
  'hours',
  'footer',
  'rule',
  'space',
] as const;
export type TemplateBlock = (typeof TEMPLATE_BLOCKS)[number];

/** Parts printed at most once; a dashed or empty line may repeat. */
export const REPEATABLE: ReadonlySet<TemplateBlock> = new Set(['rule', 'space']);

export interface TemplateDraft {
  readonly blocks: readonly TemplateBlock[];
  readonly headerLines: readonly LocalizedText[];
  readonly footerLines: readonly LocalizedText[];
  readonly numberScale: number;
  readonly qrModuleSize?: number;
}

export const DEFAULT_TEMPLATE_DRAFT: TemplateDraft = {
  blocks: [
    'header',
    'centre',
    'rule',
    'heading',
    'number',
    'service',
    'organisation',
    'rule',
    'issued',
    'appointment',
    'ahead',
    'wait',
    'priority',
    'space',
    'qr',
    'hint',
    'rule',
    'hours',
    'footer',
  ],
  headerLines: [],
  footerLines: [],
  numberScale: 3,
};

export type TemplateProblem = 'noNumber' | 'badScale' | 'badQr' | 'emptyLine';

const isBlock = (value: unknown): value is TemplateBlock =>
  typeof value === 'string' && (TEMPLATE_BLOCKS as readonly string[]).includes(value);

/** A line of the template: the same text in every language, or one per language. */
const lineOf = (value: unknown): LocalizedText => {
  if (typeof value === 'string') return { uk: value, ru: value, en: value };
  const text = (value ?? {}) as Partial<LocalizedText>;
  return { uk: text.uk ?? '', ru: text.ru ?? '', en: text.en ?? '' };
};

/** The configured template (or none) as the editor shows it: every part filled in. */
export const templateDraftOf = (value: unknown): TemplateDraft => {
  if (typeof value !== 'object' || value === null) return DEFAULT_TEMPLATE_DRAFT;
  const template = value as Record<string, unknown>;
  const lines = (key: string): readonly LocalizedText[] | undefined =>
    Array.isArray(template[key]) ? (template[key] as unknown[]).map(lineOf) : undefined;
  return {
    blocks: Array.isArray(template.blocks) ? template.blocks.filter(isBlock) : DEFAULT_TEMPLATE_DRAFT.blocks,
    headerLines: lines('headerLines') ?? [],
    footerLines: lines('footerLines') ?? [],
    numberScale: typeof template.numberScale === 'number' ? template.numberScale : 3,
    ...(typeof template.qrModuleSize === 'number' ? { qrModuleSize: template.qrModuleSize } : {}),
  };
};

const whole = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

export const templateProblems = (draft: TemplateDraft): TemplateProblem[] => {
  const problems: TemplateProblem[] = [];
  if (!draft.blocks.includes('number')) problems.push('noNumber');
  if (!whole(draft.numberScale, 1, 8)) problems.push('badScale');
  if (draft.qrModuleSize !== undefined && !whole(draft.qrModuleSize, 1, 16)) problems.push('badQr');
  const lines = [...draft.headerLines, ...draft.footerLines];
  if (lines.some((line) => LANGUAGES.some((language) => line[language].trim() === '')))
    problems.push('emptyLine');
  return problems;
};

/** The parts that may still be added: every repeatable one, and the others not yet printed. */
export const addableBlocks = (blocks: readonly TemplateBlock[]): TemplateBlock[] =>
  TEMPLATE_BLOCKS.filter((block) => REPEATABLE.has(block) || !blocks.includes(block));
