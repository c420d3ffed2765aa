import { describe, expect, it } from 'vitest';
import { defineArea } from './area';
import { areaMessages, mergeAreas } from './areas';
import { en } from './en';
import { ru } from './ru';
import { refusalKey, translate } from './translate';
import { type Catalogue, type MessageKey, uk as ukCore } from './uk';

// Every message of each language: the shared catalogue and every feature area's.
const uk: Catalogue = { ...ukCore, ...areaMessages.uk };
const full = { ru: { ...ru, ...areaMessages.ru }, en: { ...en, ...areaMessages.en } } satisfies Record<
  string,
  Catalogue
>;

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('message catalogues', () => {
  const keys = Object.keys(uk) as MessageKey[];

  it.each([
    ['ru', full.ru],
    ['en', full.en],
  ] as const)('%s has every message, non-empty, with the same placeholders as uk', (_name, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(catalogue[key].trim(), key).not.toBe('');
      expect(placeholders(catalogue[key]), key).toEqual(placeholders(uk[key]));
    }
  });

  it('fills placeholders and picks the language', () => {
    expect(translate('uk', 'kiosk.ticket.ahead', { count: 3 })).toBe('Перед вами: 3');
    expect(translate('en', 'kiosk.service.wait', { low: 5, high: 12 })).toBe('≈ 5–12 min');
  });

  it('maps refusal codes to messages, with a fallback for unknown codes', () => {
    expect(refusalKey('QUEUE_EMPTY', 'error', 'error.generic')).toBe('error.QUEUE_EMPTY');
    expect(refusalKey('SITE_CLOSED', 'kiosk.refusal', 'kiosk.refusal.generic')).toBe(
      'kiosk.refusal.SITE_CLOSED',
    );
    expect(refusalKey('DESK_BUSY', 'kiosk.refusal', 'kiosk.refusal.generic')).toBe('kiosk.refusal.generic');
    expect(refusalKey('heading', 'kiosk.refusal', 'kiosk.refusal.generic')).toBe('kiosk.refusal.generic');
  });

  it('merges feature areas and refuses a key defined twice', () => {
    const first = defineArea({ uk: { 'a.one': 'один' }, ru: { 'a.one': 'один' }, en: { 'a.one': 'one' } });
    const second = defineArea({ uk: { 'b.two': 'два' }, ru: { 'b.two': 'два' }, en: { 'b.two': 'two' } });
    expect(mergeAreas('en', [first, second])).toEqual({ 'a.one': 'one', 'b.two': 'two' });
    expect(() => mergeAreas('uk', [first, first])).toThrow(/a\.one/);
  });
});
