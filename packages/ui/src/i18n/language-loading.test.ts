/**
 * A front end holds Ukrainian from the start and loads another language the first time the
 * screen switches to it (messages.ts, replaced in the front ends' builds); the screen switches
 * only once the messages are there, and of quick taps the last one wins.
 */
import type { Language } from '@queue/core';
import { describe, expect, it, vi } from 'vitest';

const pending = new Map<Language, () => void>();
const loads: Language[] = [];

vi.mock('./messages', async () => {
  const { registerMessages } = await import('./registry');
  registerMessages('uk', { 'language.switch': 'Мова', 'kiosk.ticket.ahead': 'Перед вами: {count}' });
  const texts: Record<Language, Record<string, string>> = {
    uk: {},
    ru: { 'language.switch': 'Язык' },
    en: { 'language.switch': 'Language' },
  };
  return {
    loadMessages: (language: Language) =>
      new Promise<void>((resolve) => {
        loads.push(language);
        pending.set(language, () => {
          registerMessages(language, texts[language]);
          resolve();
        });
      }),
  };
});

const { getLanguage, setLanguage } = await import('./language-store');
const { hasLanguage, translate } = await import('./translate');

const settle = async (): Promise<void> => {
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
};

describe('loading a language on demand', () => {
  it('holds Ukrainian only, switches once the other language has loaded, and loads it once', async () => {
    expect(hasLanguage('uk')).toBe(true);
    expect(hasLanguage('ru')).toBe(false);
    // Ukrainian stands in for a language that is not there (yet).
    expect(translate('ru', 'language.switch')).toBe('Мова');

    setLanguage('ru');
    expect(loads).toEqual(['ru']);
    expect(getLanguage()).toBe('uk');
    pending.get('ru')?.();
    await settle();
    expect(getLanguage()).toBe('ru');
    expect(translate('ru', 'language.switch')).toBe('Язык');
    // Placeholders still filled from the Ukrainian fallback for a key this language lacks.
    expect(translate('ru', 'kiosk.ticket.ahead', { count: 2 })).toBe('Перед вами: 2');

    setLanguage('uk');
    expect(getLanguage()).toBe('uk');
    setLanguage('ru');
    expect(getLanguage()).toBe('ru');
    expect(loads).toEqual(['ru']);
  });

  it('lets the last of quick taps win', async () => {
    setLanguage('uk');
    setLanguage('en');
    setLanguage('uk');
    expect(getLanguage()).toBe('uk');
    pending.get('en')?.();
    await settle();
    // English arrived after the tap back to Ukrainian: the screen stays Ukrainian.
    expect(getLanguage()).toBe('uk');
    expect(hasLanguage('en')).toBe(true);
    setLanguage('en');
    expect(getLanguage()).toBe('en');
  });
});
