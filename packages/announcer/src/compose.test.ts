/**
 * Composed phrases: the target wording in each language, rooms, recalls, letter names, and
 * the rule that the clip ids map one to one onto the words of the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipCatalogue, clipText, letterToken } from './clips';
import { composeAnnouncement, parseTicketNumber } from './compose';
import { type AnnouncementCall, LANGUAGES, type Language, type Phrase } from './types';
import { DEMO_PREFIXES } from './vocabulary';

const call = (
  number: string,
  deskNumber: number,
  more: Partial<AnnouncementCall> = {},
): AnnouncementCall => ({
  number,
  deskNumber,
  deskKind: 'desk',
  kind: 'call',
  ...more,
});

const text = (c: AnnouncementCall, language: Language): string => composeAnnouncement(c, language).text;

/** The words of a text: commas dropped, split at spaces and at the hyphen of "twenty-three". */
const wordsOf = (phrase: Phrase): string[] => phrase.text.replace(/,/g, '').split(/[ -]/);

describe('composeAnnouncement', () => {
  it('says the target phrases', () => {
    expect(text(call('А-123', 5), 'uk')).toBe("Талон А сто двадцять три, вікно номер п'ять");
    expect(text(call('А-123', 5), 'ru')).toBe('Талон А сто двадцать три, окно номер пять');
    expect(text(call('А-123', 5), 'en')).toBe('Ticket A one hundred twenty-three, desk five');
  });

  it('gives the clips of the target phrase', () => {
    expect(composeAnnouncement(call('А-123', 5), 'uk').parts).toEqual([
      'uk/word/talon',
      'uk/letter/А',
      'uk/num/100',
      'uk/num/20',
      'uk/num/3',
      'uk/word/vikno',
      'uk/word/nomer',
      'uk/num/5',
    ]);
    expect(composeAnnouncement(call('Ж-007', 13, { deskKind: 'room' }), 'en').parts).toEqual([
      'en/word/ticket',
      'en/letter/Zh',
      'en/num/7',
      'en/word/room',
      'en/num/13',
    ]);
  });

  it('names rooms', () => {
    const room = call('Ж-007', 13, { deskKind: 'room' });
    expect(text(room, 'uk')).toBe('Талон же сім, кабінет номер тринадцять');
    expect(text(room, 'ru')).toBe('Талон жэ семь, кабинет номер тринадцать');
    expect(text(room, 'en')).toBe('Ticket Zh seven, room thirteen');
  });

  it('ends a recall with "повторно" / "again"', () => {
    const recall = call('П-042', 2, { kind: 'recall' });
    expect(text(recall, 'uk')).toBe('Талон пе сорок два, вікно номер два, повторно');
    expect(text(recall, 'ru')).toBe('Талон пэ сорок два, окно номер два, повторно');
    expect(text(recall, 'en')).toBe('Ticket P forty-two, desk two, again');
    expect(composeAnnouncement(recall, 'uk').parts.at(-1)).toBe('uk/word/povtorno');
  });

  it('uses the masculine naming form of one and two', () => {
    expect(text(call('А-001', 1), 'uk')).toBe('Талон А один, вікно номер один');
    expect(text(call('А-221', 2), 'uk')).toBe('Талон А двісті двадцять один, вікно номер два');
    expect(text(call('А-002', 1), 'ru')).toBe('Талон А два, окно номер один');
  });

  it('reads the demo prefixes by their names', () => {
    const uk = DEMO_PREFIXES.map((letter) => letterToken('uk', letter).text);
    const ru = DEMO_PREFIXES.map((letter) => letterToken('ru', letter).text);
    const en = DEMO_PREFIXES.map((letter) => letterToken('en', letter).text);
    expect(uk).toEqual(['А', 'ер', 'де', 'пе', 'ес', 'те', 'ве', 'ге', 'Е', 'же', 'Ю', 'зе', 'ем', 'ха']);
    expect(ru).toEqual(['А', 'эр', 'дэ', 'пэ', 'эс', 'тэ', 'вэ', 'гэ', 'Е', 'жэ', 'Ю', 'зэ', 'эм', 'ха']);
    expect(en).toEqual(['A', 'R', 'D', 'P', 'S', 'T', 'V', 'H', 'E', 'Zh', 'Yu', 'Z', 'M', 'Kh']);
  });

  it('reads other letters by name', () => {
    expect(letterToken('uk', 'Й').text).toBe('йот');
    expect(letterToken('uk', 'Л').text).toBe('ел');
    expect(letterToken('uk', 'Ь').text).toBe("м'який\u00a0знак");
    expect(letterToken('ru', 'Л').text).toBe('эль');
    expect(letterToken('ru', 'Э').text).toBe('Э');
    expect(letterToken('ru', 'Є')).toEqual({ parts: ['ru/letter/Є'], text: 'Є' });
    expect(letterToken('ru', 'Ґ').text).toBe('ґе');
    expect(letterToken('en', 'Щ')).toEqual({ parts: ['en/letter/Shch'], text: 'Shch' });
    expect(letterToken('en', 'Ь')).toEqual({ parts: ['en/letter/soft-sign'], text: 'soft\u00a0sign' });
  });

  it('reads a Latin look-alike prefix as the Cyrillic letter', () => {
    expect(composeAnnouncement(call('P-010', 3), 'uk')).toMatchObject({
      parts: ['uk/word/talon', 'uk/letter/Р', 'uk/num/10', 'uk/word/vikno', 'uk/word/nomer', 'uk/num/3'],
      text: 'Талон ер десять, вікно номер три',
    });
    expect(text(call('B-001', 1), 'en')).toBe('Ticket B one, desk one');
    expect(text(call('В-001', 1), 'en')).toBe('Ticket V one, desk one');
  });

  it('reads lower-case prefixes, numbers without a prefix or hyphen, and long numbers', () => {
    expect(text(call('а-5', 4), 'uk')).toBe("Талон А п'ять, вікно номер чотири");
    expect(text(call('123', 4), 'uk')).toBe('Талон сто двадцять три, вікно номер чотири');
    expect(text(call('Д12', 4), 'ru')).toBe('Талон дэ двенадцать, окно номер четыре');
    expect(text(call('С-1001', 10), 'uk')).toBe('Талон ес один нуль нуль один, вікно номер десять');
  });

  it('refuses a malformed ticket or desk number', () => {
    expect(() => composeAnnouncement(call('А-', 1), 'uk')).toThrow();
    expect(() => composeAnnouncement(call('А-12-3', 1), 'uk')).toThrow();
    expect(() => composeAnnouncement(call('А-123', -1), 'uk')).toThrow(RangeError);
    expect(() => composeAnnouncement(call('А-123', 1.5), 'uk')).toThrow(RangeError);
  });

  it('parses ticket numbers', () => {
    expect(parseTicketNumber('Ж-007')).toEqual({ prefix: 'Ж', digits: '007' });
    expect(parseTicketNumber(' 42 ')).toEqual({ prefix: '', digits: '42' });
  });
});

describe('parts and words', () => {
  const examples: AnnouncementCall[] = [
    call('А-123', 5),
    call('Ж-007', 13, { deskKind: 'room', kind: 'recall' }),
    call('Ь-999', 21),
    call('Щ-1000', 0),
    call('M-450', 101, { kind: 'recall' }),
  ];

  const expectOneToOne = (phrase: Phrase): void => {
    const words = wordsOf(phrase);
    expect(words).toHaveLength(phrase.parts.length);
    phrase.parts.forEach((part, i) => {
      expect(clipText(part)?.toLowerCase(), `${part} in "${phrase.text}"`).toBe(words[i]?.toLowerCase());
    });
  };

  it.each(LANGUAGES)('map one to one onto the words of the text (%s)', (language) => {
    for (const example of examples) expectOneToOne(composeAnnouncement(example, language));
  });

  it('map one to one for any call (property)', () => {
    const letters = [...DEMO_PREFIXES, 'Ь', 'Й', 'Ґ', 'A', 'Q'];
    fc.assert(
      fc.property(
        fc.constantFrom(...letters),
        fc.integer({ min: 0, max: 12_000 }),
        fc.integer({ min: 0, max: 1_500 }),
        fc.constantFrom('desk' as const, 'room' as const),
        fc.constantFrom('call' as const, 'recall' as const),
        fc.constantFrom(...LANGUAGES),
        (prefix, n, desk, deskKind, kind, language) => {
          const number = `${prefix}-${String(n).padStart(3, '0')}`;
          expectOneToOne(composeAnnouncement({ number, deskNumber: desk, deskKind, kind }, language));
        },
      ),
    );
  });

  it.each(LANGUAGES)('use only clips of the %s catalogue for the demo prefixes', (language) => {
    const catalogue = new Set(clipCatalogue(language).map((entry) => entry.clip));
    for (const prefix of DEMO_PREFIXES) {
      for (const n of [1, 7, 13, 40, 123, 999, 1234]) {
        const phrase = composeAnnouncement(call(`${prefix}-${n}`, n % 60, { kind: 'recall' }), language);
        for (const part of phrase.parts) expect(catalogue, part).toContain(part);
      }
    }
  });
});

describe('clipCatalogue', () => {
  it('lists each clip once with its words', () => {
    for (const language of LANGUAGES) {
      const catalogue = clipCatalogue(language);
      expect(new Set(catalogue.map((entry) => entry.clip)).size).toBe(catalogue.length);
      for (const { clip, text: words } of catalogue) {
        expect(clip.startsWith(`${language}/`)).toBe(true);
        expect(clipText(clip)).toBe(words);
      }
    }
  });

  it('holds the Ukrainian words, 37 number components and 33 letters', () => {
    const uk = clipCatalogue('uk');
    expect(uk.filter((entry) => entry.clip.startsWith('uk/word/')).map((entry) => entry.text)).toEqual([
      'талон',
      'вікно',
      'кабінет',
      'номер',
      'повторно',
    ]);
    expect(uk.filter((entry) => entry.clip.startsWith('uk/num/'))).toHaveLength(37);
    expect(uk.filter((entry) => entry.clip.startsWith('uk/letter/'))).toHaveLength(33);
  });

  it('does not know ids outside the catalogue', () => {
    expect(clipText('uk/word/nothing')).toBeUndefined();
    expect(clipText('uk/num/21')).toBeUndefined();
    expect(clipText('de/word/talon')).toBeUndefined();
  });
});
