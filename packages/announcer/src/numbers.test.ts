/**
 * Number words: every number 1-999 in Ukrainian and Russian against the independent tables in
 * number-words.fixture.ts, hand-written spot checks in all three languages, and digit reading.
 */
import { describe, expect, it } from 'vitest';
import { RU_PLACES, UK_PLACES, expectedWords } from './number-words.fixture';
import { digitTokens, numberToWords, numberTokens } from './numbers';
import type { Language } from './types';

const spoken = (digits: string, language: Language): string =>
  digitTokens(digits, language)
    .map((token) => token.text)
    .join(' ');

describe('the fixture tables', () => {
  it('list exactly 999 numbers with no gaps', () => {
    expect(expectedWords(UK_PLACES)).toHaveLength(1000);
    expect(expectedWords(RU_PLACES)).toHaveLength(1000);
    expect(new Set(expectedWords(UK_PLACES)).size).toBe(1000);
  });
});

describe.each([
  ['uk', UK_PLACES],
  ['ru', RU_PLACES],
] as const)('every number 1-999 in %s', (language, places) => {
  const expected = expectedWords(places);
  it.each(Array.from({ length: 999 }, (_, i) => i + 1))('%i', (n) => {
    expect(numberToWords(n, language)).toBe(expected[n]);
  });
});

const UK_SPOT_CHECKS: readonly [number, string][] = [
  [1, 'один'],
  [2, 'два'],
  [3, 'три'],
  [4, 'чотири'],
  [5, "п'ять"],
  [7, 'сім'],
  [9, "дев'ять"],
  [10, 'десять'],
  [11, 'одинадцять'],
  [12, 'дванадцять'],
  [14, 'чотирнадцять'],
  [15, "п'ятнадцять"],
  [19, "дев'ятнадцять"],
  [20, 'двадцять'],
  [21, 'двадцять один'],
  [22, 'двадцять два'],
  [40, 'сорок'],
  [44, 'сорок чотири'],
  [50, "п'ятдесят"],
  [60, 'шістдесят'],
  [78, 'сімдесят вісім'],
  [90, "дев'яносто"],
  [99, "дев'яносто дев'ять"],
  [100, 'сто'],
  [101, 'сто один'],
  [102, 'сто два'],
  [110, 'сто десять'],
  [111, 'сто одинадцять'],
  [123, 'сто двадцять три'],
  [200, 'двісті'],
  [202, 'двісті два'],
  [219, "двісті дев'ятнадцять"],
  [300, 'триста'],
  [342, 'триста сорок два'],
  [400, 'чотириста'],
  [415, "чотириста п'ятнадцять"],
  [500, "п'ятсот"],
  [555, "п'ятсот п'ятдесят п'ять"],
  [600, 'шістсот'],
  [671, 'шістсот сімдесят один'],
  [700, 'сімсот'],
  [800, 'вісімсот'],
  [890, "вісімсот дев'яносто"],
  [900, "дев'ятсот"],
  [999, "дев'ятсот дев'яносто дев'ять"],
];

const RU_SPOT_CHECKS: readonly [number, string][] = [
  [1, 'один'],
  [2, 'два'],
  [4, 'четыре'],
  [7, 'семь'],
  [11, 'одиннадцать'],
  [12, 'двенадцать'],
  [19, 'девятнадцать'],
  [40, 'сорок'],
  [50, 'пятьдесят'],
  [90, 'девяносто'],
  [101, 'сто один'],
  [200, 'двести'],
  [342, 'триста сорок два'],
  [400, 'четыреста'],
  [500, 'пятьсот'],
  [999, 'девятьсот девяносто девять'],
];

const EN_SPOT_CHECKS: readonly [number, string][] = [
  [1, 'one'],
  [7, 'seven'],
  [11, 'eleven'],
  [13, 'thirteen'],
  [15, 'fifteen'],
  [18, 'eighteen'],
  [20, 'twenty'],
  [21, 'twenty-one'],
  [40, 'forty'],
  [99, 'ninety-nine'],
  [100, 'one hundred'],
  [101, 'one hundred one'],
  [110, 'one hundred ten'],
  [123, 'one hundred twenty-three'],
  [200, 'two hundred'],
  [342, 'three hundred forty-two'],
  [999, 'nine hundred ninety-nine'],
];

describe('spot checks', () => {
  it.each(UK_SPOT_CHECKS)('uk %i is %s', (n, words) => expect(numberToWords(n, 'uk')).toBe(words));
  it.each(RU_SPOT_CHECKS)('ru %i is %s', (n, words) => expect(numberToWords(n, 'ru')).toBe(words));
  it.each(EN_SPOT_CHECKS)('en %i is %s', (n, words) => expect(numberToWords(n, 'en')).toBe(words));
});

describe('clips of a number', () => {
  it('are the hundreds, tens and units components', () => {
    expect(numberTokens(123, 'uk').flatMap((token) => token.parts)).toEqual([
      'uk/num/100',
      'uk/num/20',
      'uk/num/3',
    ]);
    expect(numberTokens(213, 'ru').flatMap((token) => token.parts)).toEqual(['ru/num/200', 'ru/num/13']);
    expect(numberTokens(123, 'en').flatMap((token) => token.parts)).toEqual([
      'en/num/1',
      'en/word/hundred',
      'en/num/20',
      'en/num/3',
    ]);
  });

  it('refuses numbers outside 1-999', () => {
    for (const n of [0, -1, 1000, 1.5, Number.NaN]) expect(() => numberTokens(n, 'uk')).toThrow(RangeError);
  });
});

describe('digits as spoken', () => {
  it('does not read leading zeros', () => {
    expect(spoken('007', 'uk')).toBe('сім');
    expect(spoken('010', 'ru')).toBe('десять');
    expect(spoken('099', 'en')).toBe('ninety-nine');
  });

  it('reads zero and numbers beyond 999 digit by digit', () => {
    expect(spoken('000', 'uk')).toBe('нуль');
    expect(spoken('1204', 'uk')).toBe('один два нуль чотири');
    expect(spoken('1000', 'ru')).toBe('один ноль ноль ноль');
    expect(spoken('01000', 'en')).toBe('one zero zero zero');
  });

  it('refuses what is not digits', () => {
    expect(() => digitTokens('12a', 'uk')).toThrow();
    expect(() => digitTokens('', 'uk')).toThrow();
  });
});
