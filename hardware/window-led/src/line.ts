/**
 * What one LED display gets for what its desk shows: the template filled in, encoded for the
 * module, between the framing bytes; `undefined` when nothing is to be sent (idle without
 * `clearOnIdle`).
 */
import type { Language, LocalizedText } from '@queue/core';
import type { DeskWindowView } from '@queue/protocol';
import type { LedDisplayConfig } from './config';
import { encodeLed } from './encoding';

export const fillTemplate = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{([^}]*)\}/g, (whole, name: string) => values[name] ?? whole);

const fitWidth = (text: string, width: number | undefined): string => {
  if (width === undefined) return text;
  const chars = [...text];
  return chars.length >= width ? chars.slice(0, width).join('') : text + ' '.repeat(width - chars.length);
};

const named = (text: LocalizedText, language: Language): string => text[language] || text.uk;

export const frameLine = (display: LedDisplayConfig, text: string): Uint8Array => {
  const body = encodeLed(fitWidth(text, display.width), display.encoding);
  const framed = new Uint8Array(display.prefix.length + body.length + display.suffix.length);
  framed.set(display.prefix, 0);
  framed.set(body, display.prefix.length);
  framed.set(display.suffix, display.prefix.length + body.length);
  return framed;
};

/** The bytes for this view, or undefined to leave the display as it is. */
export const lineFor = (
  display: LedDisplayConfig,
  view: DeskWindowView,
  language: Language,
): Uint8Array | undefined => {
  if (view.kind === 'unknown') return undefined;
  const values = {
    desk: String(view.desk.number),
    deskName: named(view.desk.name, language),
    ticket: view.kind === 'called' ? view.number : '',
  };
  if (view.kind === 'called') return frameLine(display, fillTemplate(display.template, values));
  return display.clearOnIdle ? frameLine(display, fillTemplate(display.idleTemplate, values)) : undefined;
};
