/**
 * Which blocks a ticket prints, in which order, and the centre's own header and footer
 * lines. Centres tune this in their configuration (validated with the schema below); the
 * default is what the design asks for.
 */
import type { LocalizedText } from '@queue/core';
import { LANGUAGES } from '@queue/core';
import { z } from 'zod';

export const TICKET_BLOCKS = [
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
  /** A dashed line across the paper. */
  'rule',
  /** An empty line. */
  'space',
] as const;
export type TicketBlock = (typeof TICKET_BLOCKS)[number];

/** A line of the centre's own text: the same in every language, or one per language. */
export type TemplateText = string | LocalizedText;

export interface TicketTemplate {
  readonly blocks: readonly TicketBlock[];
  readonly headerLines: readonly TemplateText[];
  readonly footerLines: readonly TemplateText[];
  /** Magnification of the ticket number: 2 is double width and height. */
  readonly numberScale: number;
  /** QR module size in dots; the printer profile's when absent. */
  readonly qrModuleSize?: number;
}

export const DEFAULT_TEMPLATE: TicketTemplate = {
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
  // About 9 mm on an 80 mm printer: read across the hall when the board calls it.
  numberScale: 3,
};

const templateText = z.union([
  z.string(),
  z.strictObject(
    Object.fromEntries(LANGUAGES.map((language) => [language, z.string()])) as Record<
      (typeof LANGUAGES)[number],
      z.ZodString
    >,
  ),
]);

/** For templates read from configuration files; every field may be left out. */
export const ticketTemplateSchema = z.strictObject({
  blocks: z.array(z.enum(TICKET_BLOCKS)).optional(),
  headerLines: z.array(templateText).optional(),
  footerLines: z.array(templateText).optional(),
  numberScale: z.number().int().min(1).max(8).optional(),
  qrModuleSize: z.number().int().min(1).max(16).optional(),
});

/** The default template with the given fields replaced. */
export const resolveTemplate = (template: Partial<TicketTemplate> = {}): TicketTemplate => ({
  ...DEFAULT_TEMPLATE,
  ...Object.fromEntries(Object.entries(template).filter(([, value]) => value !== undefined)),
});
