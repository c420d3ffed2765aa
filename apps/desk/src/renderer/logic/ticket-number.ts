/**
 * What reception types to find a ticket, made into the printed form: `а23`, `A-023` or
 * `а 0023` all become `А-023`. Latin letters that look like the Cyrillic prefixes are taken
 * for them, since the numbers are printed in Cyrillic.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

export const normalizeTicketNumber = (input: string): string => {
  const upper = input
    .trim()
    .toLocaleUpperCase('uk')
    .replace(/[A-Z]/g, (letter) => LOOKALIKES[letter] ?? letter)
    .replace(/\s+/g, '');
  const match = /^(\D+?)-?(\d+)$/.exec(upper);
  if (!match) return upper;
  const [, prefix = '', digits = ''] = match;
  return `${prefix}-${String(Number(digits)).padStart(3, '0')}`;
};
