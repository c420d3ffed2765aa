/**
 * Clip ids and their words. Every word of a composed phrase comes from one clip (English
 * compounds such as "twenty-three" from two, joined by a hyphen in the text). `clipText` gives
 * the words a clip says and `clipCatalogue` lists every clip a pack for a language should hold.
 */
import type { ClipGroup, Language, PhrasePart } from './types';
import { EN_LETTERS, LATIN_LOOKALIKES, NUMBER_WORDS, RU_LETTERS, UK_LETTERS, WORDS } from './vocabulary';

/** One written word of a phrase and the clip(s) it is spoken with. */
export interface Token {
  readonly parts: readonly PhrasePart[];
  readonly text: string;
}

const clipId = (language: Language, group: ClipGroup, key: string | number): PhrasePart =>
  `${language}/${group}/${key}`;

/** A fixed word, by its key in `WORDS`. */
export const wordToken = (language: Language, key: string): Token => {
  const text = WORDS[language][key];
  if (text === undefined) throw new Error(`No word '${key}' in ${language}`);
  return { parts: [clipId(language, 'word', key)], text };
};

/** A number component (0-19, a round ten, a round hundred in uk/ru). */
export const numberComponentToken = (language: Language, value: number): Token => {
  const text = NUMBER_WORDS[language].get(value);
  if (text === undefined) throw new Error(`No number word for ${value} in ${language}`);
  return { parts: [clipId(language, 'num', value)], text };
};

const SIGN_KEYS: ReadonlyMap<string, string> = new Map([
  ['Ь', 'soft-sign'],
  ['Ъ', 'hard-sign'],
]);

/**
 * A letter of the prefix, read by its name. Ukrainian and Russian clips are keyed by the
 * Cyrillic capital ('uk/letter/Ж'); English clips by the romanised name ('en/letter/Zh'), so
 * letters that sound alike share a clip. A letter with no known name is read as itself.
 */
export const letterToken = (language: Language, letter: string): Token => {
  const upper = letter.toUpperCase();
  if (language === 'en') {
    if (/^[A-Z]$/.test(upper)) return { parts: [clipId('en', 'letter', upper)], text: upper };
    const name = EN_LETTERS.get(upper);
    if (name === undefined) return { parts: [clipId('en', 'letter', upper)], text: upper };
    return { parts: [clipId('en', 'letter', SIGN_KEYS.get(upper) ?? name)], text: name };
  }
  const cyrillic = LATIN_LOOKALIKES.get(upper) ?? upper;
  const name =
    (language === 'ru' ? RU_LETTERS.get(cyrillic) : undefined) ?? UK_LETTERS.get(cyrillic) ?? cyrillic;
  // A vowel's name is the vowel itself: written as the capital, which reads the same and
  // keeps a speech engine from taking "а" for the conjunction.
  const text = name === cyrillic.toLowerCase() ? cyrillic : name;
  return { parts: [clipId(language, 'letter', cyrillic)], text };
};

const CLIP_PATTERN = /^(uk|ru|en)\/(word|letter|num)\/(.+)$/u;

/** The words a clip says, or undefined for an id that is not a clip of the catalogue's kind. */
export const clipText = (clip: string): string | undefined => {
  const match = CLIP_PATTERN.exec(clip);
  if (!match) return undefined;
  const language = match[1] as Language;
  const group = match[2] as ClipGroup;
  const key = match[3] ?? '';
  switch (group) {
    case 'word':
      return WORDS[language][key];
    case 'num':
      return /^\d+$/.test(key) ? NUMBER_WORDS[language].get(Number(key)) : undefined;
    case 'letter':
      if (language !== 'en') return letterToken(language, key).text;
      if (key === 'soft-sign') return EN_LETTERS.get('Ь');
      if (key === 'hard-sign') return EN_LETTERS.get('Ъ');
      return key;
  }
};

export interface CatalogueEntry {
  readonly clip: PhrasePart;
  readonly text: string;
}

const LATIN_CAPITALS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * Every clip a pack for `language` should hold: the fixed words, the number components and
 * the letter names (the language's alphabet; for English the romanised names and A-Z).
 */
export const clipCatalogue = (language: Language): readonly CatalogueEntry[] => {
  const entries = new Map<PhrasePart, string>();
  const add = ({ parts, text }: Token): void => {
    const [clip] = parts;
    if (clip !== undefined) entries.set(clip, text);
  };
  for (const key of Object.keys(WORDS[language])) add(wordToken(language, key));
  for (const value of NUMBER_WORDS[language].keys()) add(numberComponentToken(language, value));
  const letters =
    language === 'uk' ? UK_LETTERS.keys() : language === 'ru' ? RU_LETTERS.keys() : EN_LETTERS.keys();
  for (const letter of letters) add(letterToken(language, letter));
  if (language === 'en') for (const letter of LATIN_CAPITALS) add(letterToken(language, letter));
  return [...entries].map(([clip, text]) => ({ clip, text }));
};
