/**
 * The receipt a visitor gets when a written appeal is registered: the journal number, when it
 * was registered, when the answer is due, who answers it and the code to follow it by. Laid
 * out as the same printable blocks as a ticket and encoded by the same two encoders, so code
 * pages, raster profiles, paper widths, the QR code and the cut behave exactly as on tickets.
 */
import type { Language } from '@queue/core';
import type { Align } from './escpos/commands';
import { blocksToRasterEscPos } from './encode-raster';
import { blocksToTextEscPos } from './encode-text';
import type { PrintBlock, TextBlock } from './layout';
import type { PrinterProfile } from './profile';

export interface AppealReceiptView {
  readonly language: 'uk' | 'ru' | 'en';
  /** Already in the language. */
  readonly centreName: string;
  /** The journal number, e.g. `2026/17`. */
  readonly number: string;
  /** 8 characters, e.g. `K7M2XQ9P`. */
  readonly trackingCode: string;
  /** Printed as a QR code and as text when present. */
  readonly trackingUrl?: string;
  /** Already formatted local date and time, e.g. `03.12.2026 14:05`. */
  readonly receivedAt: string;
  /** Already formatted local date, e.g. `14.12.2026`. */
  readonly answerDueDay: string;
  /** The responsible organisation's name in the language. */
  readonly organisation: string;
  /** Short content of the appeal; left out when absent or blank. */
  readonly summary?: string;
}

/** Every fixed word on the receipt, with `{placeholders}` as in the ticket messages. */
export interface AppealReceiptMessages {
  readonly title: string;
  readonly received: string;
  readonly answerDue: string;
  readonly organisation: string;
  readonly summary: string;
  readonly trackingCode: string;
  readonly trackingHint: string;
}

export const APPEAL_RECEIPT_MESSAGES: Readonly<Record<Language, AppealReceiptMessages>> = {
  uk: {
    title: 'Звернення № {number}',
    received: 'Зареєстровано: {at}',
    answerDue: 'Відповідь до: {day}',
    organisation: 'Відповідальна організація:',
    summary: 'Короткий зміст:',
    trackingCode: 'Код для відстеження:',
    trackingHint: 'Стежте за зверненням за посиланням або QR-кодом',
  },
  ru: {
    title: 'Обращение № {number}',
    received: 'Зарегистрировано: {at}',
    answerDue: 'Ответ до: {day}',
    organisation: 'Ответственная организация:',
    summary: 'Краткое содержание:',
    trackingCode: 'Код для отслеживания:',
    trackingHint: 'Следите за обращением по ссылке или QR-коду',
  },
  en: {
    title: 'Appeal No. {number}',
    received: 'Registered: {at}',
    answerDue: 'Answer due by: {day}',
    organisation: 'Responsible organisation:',
    summary: 'Summary:',
    trackingCode: 'Tracking code:',
    trackingHint: 'Follow your appeal using the link or the QR code',
  },
};

/** A receipt message with its `{placeholders}` filled in. */
export const appealReceiptMessage = (
  language: Language,
  key: keyof AppealReceiptMessages,
  params: Readonly<Record<string, string | number>> = {},
): string =>
  APPEAL_RECEIPT_MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

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

/**
 * The receipt as printable blocks for the profile. The tracking URL is always printed as
 * text under its QR code, so a printer without QR support simply gets no QR block (the
 * tickets' fallback would print the URL a second time).
 */
export const appealReceiptBlocks = (view: AppealReceiptView, profile: PrinterProfile): PrintBlock[] => {
  const { language } = view;
  const say = (key: keyof AppealReceiptMessages, params?: Readonly<Record<string, string>>): string =>
    appealReceiptMessage(language, key, params);
  const summary = view.summary?.trim();
  const url = view.trackingUrl?.trim();
  return [
    text(view.centreName, 'center', { bold: true }),
    { kind: 'rule' },
    text(say('title', { number: view.number }), 'center', { bold: true }),
    { kind: 'rule' },
    text(say('received', { at: view.receivedAt })),
    text(say('answerDue', { day: view.answerDueDay }), 'left', { bold: true }),
    text(say('organisation')),
    text(view.organisation, 'left', { bold: true }),
    ...(summary ? [text(say('summary')), text(summary)] : []),
    { kind: 'rule' },
    text(say('trackingCode'), 'center'),
    text(view.trackingCode, 'center', { scale: 2, bold: true }),
    ...(url
      ? [
          { kind: 'space' } as const,
          text(say('trackingHint'), 'center'),
          ...(profile.qrCode ? [{ kind: 'qr', data: url } as const] : []),
          text(url, 'center'),
        ]
      : []),
  ];
};

/** The receipt's bytes in the profile's way (code page text or raster images), ending in one cut. */
export const appealReceiptToEscPos = (view: AppealReceiptView, profile: PrinterProfile): Uint8Array => {
  const blocks = appealReceiptBlocks(view, profile);
  return profile.render === 'raster'
    ? blocksToRasterEscPos(blocks, profile)
    : blocksToTextEscPos(blocks, profile);
};
