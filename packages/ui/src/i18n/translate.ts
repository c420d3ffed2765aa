/**
 * Looks a message up in the chosen language and fills in its `{placeholders}`. A key
 * missing from a catalogue cannot happen (the types forbid it), but the Ukrainian text is
 * the fallback all the same.
 */
import type { Language } from '@queue/core';
import { en } from './en';
import { ru } from './ru';
import { type Catalogue, type MessageKey, uk } from './uk';

export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: Readonly<Record<Language, Catalogue>> = { uk, ru, en };

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(uk, key);

export const translate = (language: Language, key: MessageKey, params?: MessageParams): string => {
  const template = catalogues[language][key] ?? uk[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
};

/** The message for a refusal code under `prefix` (e.g. `error.QUEUE_EMPTY`), or the fallback. */
export const refusalKey = (
  code: string,
  prefix: 'error' | 'kiosk.refusal',
  fallback: MessageKey,
): MessageKey => {
  const key = `${prefix}.${code}`;
  return /^[A-Z_]+$/.test(code) && isMessageKey(key) ? key : fallback;
};
