/**
 * A real centre's first configuration, without the demo: its name, time zone and hours over
 * a starting catalogue, which is the reference one (the demo's 40 services, organisations,
 * desks and hall board, with no kiosks, staff or device tokens: those are paired and created
 * by the centre), an exported configuration, or nothing. And the rule a first
 * administrator's password must meet, since there is no default to fall back on.
 */
import { type Centre, DEFAULT_POLICY, type LocalizedText, type WeeklyHours } from './centre';
import { DEMO_CENTRE } from './demo-centre';

export type StartingCatalogue = 'reference' | 'empty' | Centre;

export interface FirstCentreInput {
  /** The centre's name, in one language for all three or in each. */
  readonly name: string | LocalizedText;
  readonly timeZone?: string;
  readonly hours?: WeeklyHours;
  readonly catalogue: StartingCatalogue;
}

/** The demo centre's catalogue, without anything that belongs to one installation. */
export const REFERENCE_CENTRE: Centre = {
  ...DEMO_CENTRE,
  kiosks: [],
  boards: DEMO_CENTRE.boards.filter((board) => board.id === 'hall'),
};

const EMPTY_CENTRE: Centre = {
  site: { ...DEMO_CENTRE.site, specialDays: [] },
  organisations: [],
  categories: [],
  services: [],
  desks: [],
  boards: [],
  kiosks: [],
  policy: DEFAULT_POLICY,
};

export const firstCentre = (input: FirstCentreInput): Centre => {
  const base =
    input.catalogue === 'reference'
      ? REFERENCE_CENTRE
      : input.catalogue === 'empty'
        ? EMPTY_CENTRE
        : input.catalogue;
  const name =
    typeof input.name === 'string' ? { uk: input.name, ru: input.name, en: input.name } : input.name;
  return {
    ...base,
    site: {
      ...base.site,
      name,
      ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      ...(input.hours ? { hours: input.hours } : {}),
    },
  };
};

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'tooShort' | 'sameAsLogin' | 'oneCharacter' | 'common';

/** Passwords guessed first; a longer list is no substitute for the length rule. */
const COMMON = new Set([
  'password',
  'password1',
  'qwerty',
  'qwertyuiop',
  'administrator',
  '1234567890',
  '0123456789',
  '9876543210',
  'adminadmin',
  'йцукенгшщз',
  'пароль',
]);

/** What is wrong with a first administrator's password, or undefined when it will do. */
export const passwordProblem = (password: string, login: string): PasswordProblem | undefined => {
  const folded = password.trim().toLowerCase();
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (folded === login.trim().toLowerCase()) return 'sameAsLogin';
  if (new Set(folded).size === 1) return 'oneCharacter';
  if (COMMON.has(folded) || COMMON.has(folded.replace(/\d+$/, ''))) return 'common';
  return undefined;
};
