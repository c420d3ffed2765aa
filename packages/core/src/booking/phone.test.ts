import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

/** Nine national digits of a Ukrainian number: an operator or area code never starts with 0. */
const nationalNumber = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
  )
  .map(([first, rest]) => `${first}${rest.join('')}`);

/** The ways people start a Ukrainian number, from the full international form to none. */
const prefix = fc.constantFrom('+380', '380', '00380', '+38 0', '38 0', '8 0', '80', '0', '');

/** A separator (or none) between any two characters, as people type and forms format. */
const separator = fc.constantFrom('', '', '', ' ', '-', '.', ' - ');

/** One spelling of a national number: prefix, optional brackets around the code, separators. */
const spelling = (national: string) =>
  fc
    .tuple(prefix, fc.boolean(), fc.array(separator, { minLength: 12, maxLength: 12 }))
    .map(([start, bracketed, separators]) => {
      const code = national.slice(0, 2);
      const rest = national.slice(2);
      const trunkInBrackets = bracketed && start.endsWith('0');
      const head = trunkInBrackets
        ? `${start.slice(0, -1)}(0${code})`
        : `${start}${bracketed ? `(${code})` : code}`;
      const tail = [...rest].map((digit, index) => `${digit}${separators[index] ?? ''}`).join('');
      return `${head}${separators[11] ?? ''}${tail}`.trim();
    });

describe('normalizePhone', () => {
  it('reads Ukrainian phone numbers written in the usual ways as one number', () => {
    for (const written of [
      '+38 (067) 123-45-67',
      '+380671234567',
      '380 67 123 45 67',
      '067 123 45 67',
      '(067) 123-45-67',
      '8 (067) 123 45 67',
      '8-067-123-45-67',
      '00380671234567',
      '67 123 45 67',
      '067.123.45.67',
    ]) {
      expect(normalizePhone(written), written).toBe('380671234567');
    }
  });

  it('reads nine national digits as such even when they begin like a country or trunk code', () => {
    // Seed 38615416: national numbers 380 000 000 and 380 794 631.
    expect(normalizePhone('380000000')).toBe('380380000000');
    expect(normalizePhone('+380 380 000 000')).toBe('380380000000');
    expect(normalizePhone('380794631')).toBe('380380794631');
    expect(normalizePhone('380380794631')).toBe('380380794631');
    expect(normalizePhone('800 123 456')).toBe('380800123456');
  });

  it('keeps other countries’ numbers and refuses what is not a number', () => {
    expect(normalizePhone('+48 601 234 567')).toBe('48601234567');
    expect(normalizePhone('+1 (202) 555-0123')).toBe('12025550123');
    for (const wrong of [
      '12ab',
      '',
      '+',
      '123',
      '+380 67 123 45 6',
      '+380 67 123 45 678',
      '0 00 000 00 00',
      '+3800671234567',
    ])
      expect(normalizePhone(wrong), wrong).toBeUndefined();
  });

  it('normalises every spelling of a number to the same digits, and different numbers apart', () => {
    fc.assert(
      fc.property(
        nationalNumber.chain((national) =>
          fc.tuple(fc.constant(national), spelling(national), spelling(national)),
        ),
        ([national, one, other]) => {
          expect(normalizePhone(one)).toBe(`380${national}`);
          expect(normalizePhone(other)).toBe(normalizePhone(one));
        },
      ),
    );
    fc.assert(
      fc.property(nationalNumber, nationalNumber, (one, other) => {
        fc.pre(one !== other);
        expect(normalizePhone(`0${one}`)).not.toBe(normalizePhone(`0${other}`));
      }),
    );
  });

  it('is idempotent: a normalised number reads as itself', () => {
    fc.assert(
      fc.property(nationalNumber.chain(spelling), (written) => {
        const once = normalizePhone(written);
        expect(once).toBeDefined();
        expect(normalizePhone(once ?? '')).toBe(once);
      }),
    );
  });
});
