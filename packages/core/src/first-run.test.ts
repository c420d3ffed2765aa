import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCentre } from './centre-validation';
import { DEMO_CENTRE } from './demo-centre';
import { MIN_PASSWORD_LENGTH, REFERENCE_CENTRE, firstCentre, passwordProblem } from './first-run';

describe('firstCentre', () => {
  it('gives the reference catalogue the centre’s own name and time zone, without the demo’s kiosks', () => {
    const centre = firstCentre({ name: 'ЦНАП Оболонь', timeZone: 'Europe/Kyiv', catalogue: 'reference' });
    expect(centre.site.name).toEqual({ uk: 'ЦНАП Оболонь', ru: 'ЦНАП Оболонь', en: 'ЦНАП Оболонь' });
    expect(centre.services).toHaveLength(DEMO_CENTRE.services.length);
    expect(centre.services.length).toBeGreaterThanOrEqual(40);
    expect(centre.kiosks).toEqual([]);
    expect(validateCentre(centre)).toEqual([]);
  });

  it('starts empty when asked, and still valid', () => {
    const centre = firstCentre({ name: 'Centre', catalogue: 'empty' });
    expect(centre.services).toEqual([]);
    expect(centre.desks).toEqual([]);
    expect(validateCentre(centre)).toEqual([]);
  });

  it('keeps an imported configuration, naming it as told', () => {
    const imported = { ...REFERENCE_CENTRE, services: REFERENCE_CENTRE.services.slice(0, 3) };
    const name = { uk: 'Центр', ru: 'Центр', en: 'Centre' };
    const centre = firstCentre({ name, catalogue: imported });
    expect(centre.services).toEqual(imported.services);
    expect(centre.site.name).toEqual(name);
  });
});

describe('passwordProblem', () => {
  it('refuses short, login-like, one-character and common passwords', () => {
    expect(passwordProblem('admin', 'admin')).toBe('tooShort');
    expect(passwordProblem('olena.koval', 'Olena.Koval')).toBe('sameAsLogin');
    expect(passwordProblem('aaaaaaaaaaaa', 'admin')).toBe('oneCharacter');
    expect(passwordProblem('Password123', 'admin')).toBe('common');
    expect(passwordProblem('1234567890', 'admin')).toBe('common');
    expect(passwordProblem('кіт-на-даху-2026', 'admin')).toBeUndefined();
  });

  it('never accepts a password shorter than the minimum, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PASSWORD_LENGTH - 1 }), fc.string(), (password, login) =>
        [...password].length < MIN_PASSWORD_LENGTH ? passwordProblem(password, login) === 'tooShort' : true,
      ),
    );
  });
});
