/**
 * Ticket view + template -> a list of printable blocks (styled paragraphs, rules, a QR
 * code). Both encoders, character-cell and raster, print this same list, so a ticket says
 * the same whichever way the printer needs its text.
 */
import type { Language } from '@queue/core';
import type { Align } from './escpos/commands';
import { localDateTime, weeklyHoursLines } from './format';
import { MESSAGES, message } from './messages';
import type { TemplateText, TicketBlock, TicketTemplate } from './template';
import type { TicketView } from './ticket-view';

export interface TextBlock {
  readonly kind: 'text';
  /** A paragraph; the encoders wrap it to the paper. */
  readonly text: string;
  readonly align: Align;
  /** Character magnification, 1 = normal. */
  readonly scale: number;
  readonly bold: boolean;
}

export type PrintBlock =
  | TextBlock
  | { readonly kind: 'rule' }
  | { readonly kind: 'space' }
  | { readonly kind: 'qr'; readonly data: string; readonly moduleSize?: number };

const text = (
  value: string,
  align: Align = 'left',
  options: { scale?: number; bold?: boolean } = {},
): TextBlock => ({
  kind: 'text',
  text: value,
  align,
  scale: options.scale ?? 1,
  bold: options.bold ?? false,
});

const localize = (value: TemplateText, language: Language): string =>
  typeof value === 'string' ? value : value[language];

const waitLine = (view: TicketView): string => {
  const { language, lowMinutes: low, highMinutes: high } = view;
  if (high <= 0) return message(language, view.noDeskOpen ? 'noDeskOpen' : 'noWait');
  if (low === high) return message(language, 'waitAbout', { high });
  return message(language, 'wait', { low, high });
};

const blockContent = (block: TicketBlock, view: TicketView, template: TicketTemplate): PrintBlock[] => {
  const { language } = view;
  switch (block) {
    case 'header':
      return template.headerLines.map((line) => text(localize(line, language), 'center'));
    case 'footer':
      return template.footerLines.map((line) => text(localize(line, language), 'center'));
    case 'centre':
      return [text(view.centreName, 'center', { bold: true })];
    case 'heading':
      return [text(message(language, 'heading'), 'center')];
    case 'number':
      return [text(view.number, 'center', { scale: template.numberScale, bold: true })];
    case 'service':
      return [text(view.serviceName, 'center', { bold: true })];
    case 'organisation':
      return view.organisationName ? [text(view.organisationName, 'center')] : [];
    case 'issued': {
      const { date, time } = localDateTime(view.issuedAt, view.timeZone);
      return [text(message(language, 'issued', { date, time }))];
    }
    case 'appointment':
      return view.appointmentAt === undefined
        ? []
        : [
            text(
              message(language, 'appointment', { ...localDateTime(view.appointmentAt, view.timeZone) }),
              'left',
              {
                bold: true,
              },
            ),
          ];
    case 'ahead':
      return [text(message(language, 'ahead', { count: view.ahead }))];
    case 'wait':
      return [text(waitLine(view))];
    case 'priority':
      if (!view.priority) return [];
      return [
        text(
          message(language, 'priority', { category: MESSAGES[language].categories[view.priority.category] }),
          'left',
          { bold: true },
        ),
        ...(view.priority.confirmed ? [] : [text(`(${message(language, 'priorityConfirm')})`)]),
      ];
    case 'qr':
      if (!view.statusUrl) return [];
      return [
        text(message(language, 'qrHint'), 'center'),
        {
          kind: 'qr',
          data: view.statusUrl,
          ...(template.qrModuleSize ? { moduleSize: template.qrModuleSize } : {}),
        },
      ];
    case 'hint':
      return [text(message(language, 'watchBoard'), 'center')];
    case 'hours':
      return [
        text(message(language, 'hours'), 'center'),
        ...weeklyHoursLines(view.openingHours, language).map((line) => text(line, 'center')),
      ];
    case 'rule':
      return [{ kind: 'rule' }];
    case 'space':
      return [{ kind: 'space' }];
    default: {
      const _exhaustive: never = block;
      return _exhaustive;
    }
  }
};

/** The ticket as printable blocks, in the template's order; empty blocks drop out. */
export const layoutTicket = (view: TicketView, template: TicketTemplate): PrintBlock[] =>
  template.blocks.flatMap((block) => blockContent(block, view, template));
