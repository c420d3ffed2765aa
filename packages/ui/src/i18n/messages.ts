/**
 * Which messages a screen holds and how the other languages arrive. This default (unit tests,
 * tools, a front end whose build does not choose) holds every area in every language from the
 * start. A front end's Vite build replaces this module (build-plugin.ts): there it holds only
 * that front end's areas in Ukrainian, and loads Russian or English, as a chunk of its own,
 * the first time the screen switches to it.
 */
import type { Language } from '@queue/core';
import { areaMessages } from './areas';
import { en } from './en';
import { registerMessages } from './registry';
import { ru } from './ru';
import { uk } from './uk';

registerMessages('uk', { ...uk, ...areaMessages.uk });
registerMessages('ru', { ...ru, ...areaMessages.ru });
registerMessages('en', { ...en, ...areaMessages.en });

/** Resolves once `language`'s messages are registered. */
export const loadMessages = (_language: Language): Promise<void> => Promise.resolve();
