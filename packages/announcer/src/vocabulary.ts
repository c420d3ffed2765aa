/**
 * The words the announcer speaks, per language: the fixed words of the phrase, the number
 * words (units, teens, tens, hundreds) and the letter names. Each entry is one recorded clip
 * of a clip pack; the clip id is `<language>/<group>/<key>` (see docs/announcements.md).
 *
 * Apostrophes are the ASCII "'" (п'ять, дев'ять). Names of two words ("м'який знак") are joined
 * by a no-break space: they are one clip and one word of the phrase.
 */
import type { Language } from './types';

const NBSP = '\u00a0';

/** The fixed words, keyed by the clip key (transliterated, so file names stay ASCII). */
export const WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  uk: { talon: 'талон', vikno: 'вікно', kabinet: 'кабінет', nomer: 'номер', povtorno: 'повторно' },
  ru: { talon: 'талон', okno: 'окно', kabinet: 'кабинет', nomer: 'номер', povtorno: 'повторно' },
  en: { ticket: 'ticket', desk: 'desk', room: 'room', again: 'again', hundred: 'hundred' },
};

/** Which fixed words make up each piece of the phrase, in order. */
export interface Grammar {
  readonly ticket: readonly string[];
  readonly desk: readonly string[];
  readonly room: readonly string[];
  readonly recall: readonly string[];
}

export const GRAMMAR: Readonly<Record<Language, Grammar>> = {
  uk: { ticket: ['talon'], desk: ['vikno', 'nomer'], room: ['kabinet', 'nomer'], recall: ['povtorno'] },
  ru: { ticket: ['talon'], desk: ['okno', 'nomer'], room: ['kabinet', 'nomer'], recall: ['povtorno'] },
  en: { ticket: ['ticket'], desk: ['desk'], room: ['room'], recall: ['again'] },
};

/**
 * Number components by value: 0-19, the round tens 20-90 and (uk, ru) the round hundreds
 * 100-900. Units are the neutral naming (counting) form, which is the masculine one:
 * один / два, not одна / дві (одне / две).
 */
export const NUMBER_WORDS: Readonly<Record<Language, ReadonlyMap<number, string>>> = {
  uk: new Map([
    [0, 'нуль'],
    [1, 'один'],
    [2, 'два'],
    [3, 'три'],
    [4, 'чотири'],
    [5, "п'ять"],
    [6, 'шість'],
    [7, 'сім'],
    [8, 'вісім'],
    [9, "дев'ять"],
    [10, 'десять'],
    [11, 'одинадцять'],
    [12, 'дванадцять'],
    [13, 'тринадцять'],
    [14, 'чотирнадцять'],
    [15, "п'ятнадцять"],
    [16, 'шістнадцять'],
    [17, 'сімнадцять'],
    [18, 'вісімнадцять'],
    [19, "дев'ятнадцять"],
    [20, 'двадцять'],
    [30, 'тридцять'],
    [40, 'сорок'],
    [50, "п'ятдесят"],
    [60, 'шістдесят'],
    [70, 'сімдесят'],
    [80, 'вісімдесят'],
    [90, "дев'яносто"],
    [100, 'сто'],
    [200, 'двісті'],
    [300, 'триста'],
    [400, 'чотириста'],
    [500, "п'ятсот"],
    [600, 'шістсот'],
    [700, 'сімсот'],
    [800, 'вісімсот'],
    [900, "дев'ятсот"],
  ]),
  ru: new Map([
    [0, 'ноль'],
    [1, 'один'],
    [2, 'два'],
    [3, 'три'],
    [4, 'четыре'],
    [5, 'пять'],
    [6, 'шесть'],
    [7, 'семь'],
    [8, 'восемь'],
    [9, 'девять'],
    [10, 'десять'],
    [11, 'одиннадцать'],
    [12, 'двенадцать'],
    [13, 'тринадцать'],
    [14, 'четырнадцать'],
    [15, 'пятнадцать'],
    [16, 'шестнадцать'],
    [17, 'семнадцать'],
    [18, 'восемнадцать'],
    [19, 'девятнадцать'],
    [20, 'двадцать'],
    [30, 'тридцать'],
    [40, 'сорок'],
    [50, 'пятьдесят'],
    [60, 'шестьдесят'],
    [70, 'семьдесят'],
    [80, 'восемьдесят'],
    [90, 'девяносто'],
    [100, 'сто'],
    [200, 'двести'],
    [300, 'триста'],
    [400, 'четыреста'],
    [500, 'пятьсот'],
    [600, 'шестьсот'],
    [700, 'семьсот'],
    [800, 'восемьсот'],
    [900, 'девятьсот'],
  ]),
  // English hundreds are two words, "<unit> hundred": clips en/num/<unit> and en/word/hundred.
  en: new Map([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'three'],
    [4, 'four'],
    [5, 'five'],
    [6, 'six'],
    [7, 'seven'],
    [8, 'eight'],
    [9, 'nine'],
    [10, 'ten'],
    [11, 'eleven'],
    [12, 'twelve'],
    [13, 'thirteen'],
    [14, 'fourteen'],
    [15, 'fifteen'],
    [16, 'sixteen'],
    [17, 'seventeen'],
    [18, 'eighteen'],
    [19, 'nineteen'],
    [20, 'twenty'],
    [30, 'thirty'],
    [40, 'forty'],
    [50, 'fifty'],
    [60, 'sixty'],
    [70, 'seventy'],
    [80, 'eighty'],
    [90, 'ninety'],
  ]),
};

/** Ukrainian letter names (the alphabet order of the Ukrainian orthography). */
export const UK_LETTERS: ReadonlyMap<string, string> = new Map([
  ['А', 'а'],
  ['Б', 'бе'],
  ['В', 'ве'],
  ['Г', 'ге'],
  ['Ґ', 'ґе'],
  ['Д', 'де'],
  ['Е', 'е'],
  ['Є', 'є'],
  ['Ж', 'же'],
  ['З', 'зе'],
  ['И', 'и'],
  ['І', 'і'],
  ['Ї', 'ї'],
  ['Й', 'йот'],
  ['К', 'ка'],
  ['Л', 'ел'],
  ['М', 'ем'],
  ['Н', 'ен'],
  ['О', 'о'],
  ['П', 'пе'],
  ['Р', 'ер'],
  ['С', 'ес'],
  ['Т', 'те'],
  ['У', 'у'],
  ['Ф', 'еф'],
  ['Х', 'ха'],
  ['Ц', 'це'],
  ['Ч', 'че'],
  ['Ш', 'ша'],
  ['Щ', 'ща'],
  ['Ь', `м'який${NBSP}знак`],
  ['Ю', 'ю'],
  ['Я', 'я'],
]);

/** Russian letter names. Letters of the Ukrainian alphabet missing here are read by their Ukrainian name. */
export const RU_LETTERS: ReadonlyMap<string, string> = new Map([
  ['А', 'а'],
  ['Б', 'бэ'],
  ['В', 'вэ'],
  ['Г', 'гэ'],
  ['Д', 'дэ'],
  ['Е', 'е'],
  ['Ё', 'ё'],
  ['Ж', 'жэ'],
  ['З', 'зэ'],
  ['И', 'и'],
  ['Й', `и${NBSP}краткое`],
  ['К', 'ка'],
  ['Л', 'эль'],
  ['М', 'эм'],
  ['Н', 'эн'],
  ['О', 'о'],
  ['П', 'пэ'],
  ['Р', 'эр'],
  ['С', 'эс'],
  ['Т', 'тэ'],
  ['У', 'у'],
  ['Ф', 'эф'],
  ['Х', 'ха'],
  ['Ц', 'цэ'],
  ['Ч', 'че'],
  ['Ш', 'ша'],
  ['Щ', 'ща'],
  ['Ъ', `твёрдый${NBSP}знак`],
  ['Ы', 'ы'],
  ['Ь', `мягкий${NBSP}знак`],
  ['Э', 'э'],
  ['Ю', 'ю'],
  ['Я', 'я'],
]);

/**
 * English names of Cyrillic letters: the Ukrainian national romanisation (Cabinet of
 * Ministers resolution No. 55 of 2010, the one used in passports), so Г is "H" and И is "Y";
 * the Russian-only letters Ё Ы Э follow the usual English practice.
 * The soft and hard signs have no romanisation and are named in words.
 */
export const EN_LETTERS: ReadonlyMap<string, string> = new Map([
  ['А', 'A'],
  ['Б', 'B'],
  ['В', 'V'],
  ['Г', 'H'],
  ['Ґ', 'G'],
  ['Д', 'D'],
  ['Е', 'E'],
  ['Є', 'Ye'],
  ['Ж', 'Zh'],
  ['З', 'Z'],
  ['И', 'Y'],
  ['І', 'I'],
  ['Ї', 'Yi'],
  ['Й', 'Y'],
  ['К', 'K'],
  ['Л', 'L'],
  ['М', 'M'],
  ['Н', 'N'],
  ['О', 'O'],
  ['П', 'P'],
  ['Р', 'R'],
  ['С', 'S'],
  ['Т', 'T'],
  ['У', 'U'],
  ['Ф', 'F'],
  ['Х', 'Kh'],
  ['Ц', 'Ts'],
  ['Ч', 'Ch'],
  ['Ш', 'Sh'],
  ['Щ', 'Shch'],
  ['Ь', `soft${NBSP}sign`],
  ['Ю', 'Yu'],
  ['Я', 'Ya'],
  ['Ё', 'Yo'],
  ['Ъ', `hard${NBSP}sign`],
  ['Ы', 'Y'],
  ['Э', 'E'],
]);

/**
 * Latin capitals that look like Cyrillic ones. A prefix typed on a Latin keyboard ('A-123'
 * with a Latin A) is read, in Ukrainian and Russian, as the Cyrillic letter it looks like.
 */
export const LATIN_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['A', 'А'],
  ['B', 'В'],
  ['C', 'С'],
  ['E', 'Е'],
  ['H', 'Н'],
  ['I', 'І'],
  ['K', 'К'],
  ['M', 'М'],
  ['O', 'О'],
  ['P', 'Р'],
  ['T', 'Т'],
  ['X', 'Х'],
]);

/** The prefixes issued in the demo centre. */
export const DEMO_PREFIXES: readonly string[] = [
  'А',
  'Р',
  'Д',
  'П',
  'С',
  'Т',
  'В',
  'Г',
  'Е',
  'Ж',
  'Ю',
  'З',
  'М',
  'Х',
];
