/**
 * Setting up a real centre on an empty database: its configuration (checked like any
 * import) and its first administrator, written in one transaction, so a half-done setup never
 * leaves a centre nobody can log in to. Refused once the database has a centre or staff:
 * setup happens once, and the Settings tab does the rest. Shared by `npm run setup` (which
 * opens the file itself, refused while a server holds it) and the server's setup page (which
 * writes through the database the server holds).
 */
import {
  type Centre,
  type FirstCentreInput,
  type PasswordProblem,
  type StaffId,
  firstCentre,
  isValidTimeZone,
  passwordProblem,
} from '@queue/core';
import { AuditStore, ConfigStore, PeopleStore, openDatabase } from '@queue/db';
import { checkCentreDocument } from '@queue/protocol';
import { holdDatabaseLock } from './database-lock';
import { hashSecret } from './secrets';

export interface FirstAdministrator {
  readonly login: string;
  readonly name: string;
  readonly password: string;
}

export interface SetupInput {
  readonly centre: FirstCentreInput;
  readonly admin: FirstAdministrator;
}

type Database = ReturnType<typeof openDatabase>;

/** What is wrong with a setup, by field, so that a page can say it in the user's language. */
export type SetupProblemKey =
  | 'centreNameMissing'
  | 'badTimeZone'
  | 'loginFormat'
  | 'adminNameMissing'
  | `password.${PasswordProblem}`
  | 'configInvalid';

export interface SetupProblem {
  readonly field: 'centreName' | 'timeZone' | 'login' | 'adminName' | 'password' | 'catalogue';
  readonly key: SetupProblemKey;
  /** For `configInvalid`: the configuration's own problems, `path: key` each. */
  readonly details?: readonly string[];
}

/** A setup that cannot be done, with what to do about it. */
export class SetupRefused extends Error {
  constructor(
    message: string,
    readonly problems: readonly SetupProblem[] = [],
  ) {
    super(message);
  }
}

/** The database already holds a centre (or staff): setup is done, or something else is there. */
export class AlreadySetUp extends SetupRefused {}

const LOGIN = /^[A-Za-z0-9._-]{1,64}$/;

const ADVICE: Readonly<Record<SetupProblemKey, string>> = {
  centreNameMissing: 'Give the centre a name.',
  badTimeZone: 'The time zone is not one this machine knows (e.g. Europe/Kyiv).',
  loginFormat: 'The login is 1 to 64 letters, digits, dots, dashes or underscores.',
  adminNameMissing: 'Give the administrator a name.',
  'password.tooShort': 'The password needs at least 10 characters (a few words make a good one).',
  'password.sameAsLogin': 'The password must not be the login.',
  'password.oneCharacter': 'The password must not be one character repeated.',
  'password.common': 'That password is among the first ones guessed; choose another.',
  configInvalid: 'The configuration is not valid:',
};

const OWN_FIELDS = ['site.name', 'site.timeZone', 'site.hours'];

const nameOf = (name: FirstCentreInput['name']): string =>
  typeof name === 'string' ? name : Object.values(name).join('');

/** The configuration a setup would write, or every problem it has. */
const inspectSetup = (
  input: SetupInput,
): { readonly centre?: Centre; readonly problems: readonly SetupProblem[] } => {
  const problems: SetupProblem[] = [];
  if (nameOf(input.centre.name).trim() === '')
    problems.push({ field: 'centreName', key: 'centreNameMissing' });
  const badZone = input.centre.timeZone !== undefined && !isValidTimeZone(input.centre.timeZone);
  if (badZone) problems.push({ field: 'timeZone', key: 'badTimeZone' });
  if (!LOGIN.test(input.admin.login)) problems.push({ field: 'login', key: 'loginFormat' });
  if (input.admin.name.trim() === '') problems.push({ field: 'adminName', key: 'adminNameMissing' });
  const password = passwordProblem(input.admin.password, input.admin.login);
  if (password) problems.push({ field: 'password', key: `password.${password}` });
  // A file's content may be anything JSON: only an object can be a configuration.
  const catalogue: unknown = input.centre.catalogue;
  if (
    typeof catalogue !== 'string' &&
    (typeof catalogue !== 'object' || catalogue === null || Array.isArray(catalogue))
  ) {
    problems.push({ field: 'catalogue', key: 'configInvalid', details: ['(file): not a configuration'] });
    return { problems };
  }
  const checked = checkCentreDocument(firstCentre(input.centre));
  if (!checked.ok) {
    // The name, zone and hours are the setup's own fields, said above or by the form.
    const details = checked.problems
      .filter((entry) => !OWN_FIELDS.some((path) => entry.path.startsWith(path)))
      .map((entry) => `${entry.path}: ${entry.key}`);
    if (details.length > 0) problems.push({ field: 'catalogue', key: 'configInvalid', details });
  }
  return checked.ok && problems.length === 0 ? { centre: checked.centre, problems } : { problems };
};

/** Every problem of a setup, empty when it can be written. */
export const setupProblems = (input: SetupInput): readonly SetupProblem[] => inspectSetup(input).problems;

/** The configuration a setup would write, or why it cannot (the first problem, in English). */
export const checkSetup = (input: SetupInput): Centre => {
  const { centre, problems } = inspectSetup(input);
  const first = problems[0];
  if (first || !centre) {
    const details = first?.details ? `\n${first.details.map((line) => `  ${line}`).join('\n')}` : '';
    throw new SetupRefused(`${first ? ADVICE[first.key] : 'Cannot set up.'}${details}`, problems);
  }
  return centre;
};

/** Whether a database can be set up: empty, done, or holding staff but no centre (damaged). */
export type SetupState = 'empty' | 'set-up' | 'staff-without-centre';

export const setupStateOf = (db: Database): SetupState => {
  const hasCentre = new ConfigStore(db).load() !== undefined;
  if (hasCentre) return 'set-up';
  return new PeopleStore(db).countStaff() > 0 ? 'staff-without-centre' : 'empty';
};

/** A desk terminal paired with the setup: the browser that set the centre up from afar. */
export interface SetupTerminal {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: string;
}

/** Where a setup came from, for the audit log. */
export interface SetupOrigin {
  /** The setup page (from the server's machine, or from afar with the one-time code) or `npm run setup`. */
  readonly via: 'page' | 'command';
  readonly address?: string;
}

/**
 * Writes a checked setup into an open database, in one transaction; the password is hashed
 * first, outside it. Refused with `AlreadySetUp` when the database holds a centre or staff.
 * The audit log starts with the setup and the terminal it paired, if any: the first
 * administrator and a desk terminal came into being without anyone logged in.
 */
export const writeSetup = async (
  db: Database,
  input: SetupInput,
  now: number,
  terminal?: SetupTerminal,
  origin: SetupOrigin = { via: 'command' },
): Promise<void> => {
  const centre = checkSetup(input);
  const secretHash = await hashSecret(input.admin.password);
  const config = new ConfigStore(db);
  const people = new PeopleStore(db);
  db.transaction(() => {
    if (config.load() !== undefined || people.countStaff() > 0) {
      throw new AlreadySetUp('This database already holds a centre: use the Settings tab to change it.');
    }
    config.save(centre, now);
    people.addStaff({
      id: input.admin.login.toLowerCase() as StaffId,
      login: input.admin.login,
      name: input.admin.name.trim(),
      roles: ['admin', 'supervisor', 'reception'],
      secretHash,
      active: true,
    });
    const audit = new AuditStore(db);
    const address = origin.address !== undefined ? { address: origin.address } : {};
    audit.append({
      at: now,
      actor: 'setup',
      action: 'setup:completed',
      target: `staff:${input.admin.login.toLowerCase()}`,
      details: {
        via: origin.via,
        centre: centre.site.name,
        catalogue: typeof input.centre.catalogue === 'string' ? input.centre.catalogue : 'file',
      },
      ...address,
    });
    if (terminal) {
      people.addDevice({ id: terminal.id, name: terminal.name, role: 'desk' }, terminal.tokenHash, now);
      audit.append({
        at: now,
        actor: 'setup',
        action: 'device:approve',
        target: `device:${terminal.id}`,
        details: {
          role: 'desk',
          name: terminal.name,
          reason: 'the browser that set the centre up from afar',
        },
        ...address,
      });
    }
  })();
};

/** `npm run setup`: the database file opened and locked for the setup alone. */
export const setUpCentre = async (databaseFile: string, input: SetupInput, now: number): Promise<void> => {
  checkSetup(input);
  const lock = holdDatabaseLock(databaseFile, 'setup');
  const db = openDatabase(databaseFile);
  try {
    await writeSetup(db, input, now);
  } finally {
    db.close();
    lock.release();
  }
};
