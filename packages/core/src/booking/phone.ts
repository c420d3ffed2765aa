/**
 * Phone numbers as the key of the per-person booking limit. Every way people write one
 * Ukrainian number must come out as the same digits, or the limit is sidestepped by
 * writing `8 (067)…` instead of `+380 67…`.
 */

/** Ukraine's country code and the length of a national number without the trunk `0`. */
const UKRAINE = '380';
const NATIONAL_DIGITS = 9;

/**
 * A phone number as international digits (E.164 without the `+`), or undefined when it is
 * not one. Spaces, dashes, dots and brackets are dropped, and so is a leading `+` or `00`.
 * Ukrainian spellings all become `380` and nine digits: `+380 67…`, `380 67…`, `+38 067…`,
 * `8 067…` (the old trunk prefix), `067…` and the bare `67…`. A number that starts like a
 * Ukrainian one but has the wrong length is refused rather than guessed at.
 */
export const normalizePhone = (raw: string): string | undefined => {
  let digits = raw.trim().replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return undefined;
  const national = ukrainianNational(digits);
  if (national !== undefined) return national === null ? undefined : `${UKRAINE}${national}`;
  return digits.length >= 10 && digits.length <= 15 && !digits.startsWith('0') ? digits : undefined;
};

/**
 * The nine national digits of a Ukrainian spelling; null when it is Ukrainian but malformed;
 * undefined when it is not Ukrainian (another country's number, kept as written).
 */
const ukrainianNational = (digits: string): string | null | undefined => {
  // By length first: nine national digits may themselves begin with 380 or 80.
  const national =
    digits.length === NATIONAL_DIGITS + 3 && digits.startsWith(UKRAINE)
      ? digits.slice(3)
      : digits.length === NATIONAL_DIGITS + 2 && digits.startsWith('80')
        ? digits.slice(2)
        : digits.length === NATIONAL_DIGITS + 1 && digits.startsWith('0')
          ? digits.slice(1)
          : digits.length === NATIONAL_DIGITS
            ? digits
            : digits.startsWith(UKRAINE) || digits.startsWith('0')
              ? null
              : undefined;
  if (national === undefined || national === null) return national;
  return national.startsWith('0') ? null : national;
};
