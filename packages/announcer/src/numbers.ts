/**
 * Numbers as words, built from clip-sized components: "сто двадцять три" is сто + двадцять +
 * три, "one hundred twenty-three" is one + hundred + twenty-three. Numbers 1-999 are read as
 * cardinals in the nominative, masculine naming form (один, два); other values are read digit
 * by digit ("один два три чотири" for 1234, "нуль" for 0).
 */
import { type Token, numberComponentToken, wordToken } from './clips';
import type { Language } from './types';

/** The largest number read as a whole; longer numbers are read digit by digit. */
export const MAX_SPOKEN_NUMBER = 999;

/** The words of `n` (an integer 1-999), as clip-sized tokens. */
export const numberTokens = (n: number, language: Language): Token[] => {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`Numbers are read from 1 to ${MAX_SPOKEN_NUMBER}, not ${n}`);
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tokens: Token[] = [];
  if (hundreds > 0) {
    if (language === 'en') {
      tokens.push(numberComponentToken(language, hundreds), wordToken(language, 'hundred'));
    } else {
      tokens.push(numberComponentToken(language, hundreds * 100));
    }
  }
  if (rest === 0) return tokens;
  if (rest < 20 || rest % 10 === 0) {
    tokens.push(numberComponentToken(language, rest));
    return tokens;
  }
  const tens = numberComponentToken(language, rest - (rest % 10));
  const units = numberComponentToken(language, rest % 10);
  if (language === 'en') {
    // "twenty-three": one written word, two clips.
    tokens.push({ parts: [...tens.parts, ...units.parts], text: `${tens.text}-${units.text}` });
  } else {
    tokens.push(tens, units);
  }
  return tokens;
};

/** `n` (1-999) in words: numberToWords(342, 'uk') === 'триста сорок два'. */
export const numberToWords = (n: number, language: Language): string =>
  numberTokens(n, language)
    .map((token) => token.text)
    .join(' ');

/**
 * A string of digits as spoken: leading zeros are not read ('007' is "сім"); 1-999 as a
 * number; anything else (0, 1000 and more) digit by digit.
 */
export const digitTokens = (digits: string, language: Language): Token[] => {
  if (!/^\d+$/.test(digits)) throw new Error(`Not a number: '${digits}'`);
  const significant = digits.replace(/^0+/, '');
  if (significant.length > 0 && significant.length <= 3) return numberTokens(Number(significant), language);
  return [...(significant || '0')].map((digit) => numberComponentToken(language, Number(digit)));
};
