/**
 * The messages this screen holds now, by language. A front end's build registers its own
 * areas' Ukrainian messages on start and another language's the first time it is needed
 * (messages.ts); `translate` reads them from here.
 */
import type { Language } from '@queue/core';

type Messages = Readonly<Record<string, string>>;

const loaded: Partial<Record<Language, Messages>> = {};

export const registerMessages = (language: Language, messages: Messages): void => {
  loaded[language] = { ...loaded[language], ...messages };
};

export const messagesOf = (language: Language): Messages | undefined => loaded[language];

export const hasMessages = (language: Language): boolean => loaded[language] !== undefined;
