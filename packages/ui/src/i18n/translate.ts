/**
 * Looks a message up in the chosen language and fills in its `{placeholders}`. The types
 * allow only known keys; the screen holds its own areas' messages (messages.ts), in the
 * language it speaks and in Ukrainian, the fallback. A key of an area the front end does
 * not carry shows as the key itself (test/i18n/front-end-messages.test.ts keeps that from
 * happening).
 */
import type { Language } from '@queue/core';
import { loadMessages } from './messages';
import { hasMessages, messagesOf } from './registry';
import type { MessageKey } from './uk';

export type MessageParams = Readonly<Record<string, string | number>>;

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(messagesOf('uk') ?? {}, key);

/** Resolves once the screen holds `language`'s messages (at once for Ukrainian). */
export const loadLanguage = (language: Language): Promise<void> =>
  hasMessages(language) ? Promise.resolve() : loadMessages(language);

export const hasLanguage = hasMessages;

export const translate = (language: Language, key: MessageKey, params?: MessageParams): string => {
  const template = messagesOf(language)?.[key] ?? messagesOf('uk')?.[key] ?? key;
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
