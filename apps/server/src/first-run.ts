/**
 * Setting up a real centre on an empty database: its configuration (checked like any
 * import) and its first administrator, written in one transaction, so a half-done setup never
 * leaves a centre nobody can log in to. Refused while a server holds the file and once the
 * database has a centre or staff: setup happens once, and the Settings tab does the rest.
 */
import { type Centre, type FirstCentreInput, type StaffId, firstCentre, passwordProblem } from '@queue/core';
import { ConfigStore, PeopleStore, openDatabase } from '@queue/db';
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

/** A setup that cannot be done, with what to do about it. */
export class SetupRefused extends Error {}

const LOGIN = /^[A-Za-z0-9._-]{1,64}$/;

/** The configuration and administrator a setup would write, or why it cannot. */
export const checkSetup = (input: SetupInput): Centre => {
  if (!LOGIN.test(input.admin.login)) {
    throw new SetupRefused('The login is 1 to 64 letters, digits, dots, dashes or underscores.');
  }
  if (input.admin.name.trim() === '') throw new SetupRefused('Give the administrator a name.');
  const problem = passwordProblem(input.admin.password, input.admin.login);
  if (problem) throw new SetupRefused(PASSWORD_ADVICE[problem]);
  const checked = checkCentreDocument(firstCentre(input.centre));
  if (!checked.ok) {
    const list = checked.problems.map((entry) => `  ${entry.path}: ${entry.key}`).join('\n');
    throw new SetupRefused(`The configuration is not valid:\n${list}`);
  }
  return checked.centre;
};

const PASSWORD_ADVICE = {
  tooShort: 'The password needs at least 10 characters (a few words make a good one).',
  sameAsLogin: 'The password must not be the login.',
  oneCharacter: 'The password must not be one character repeated.',
  common: 'That password is among the first ones guessed; choose another.',
} as const;

export const setUpCentre = async (databaseFile: string, input: SetupInput, now: number): Promise<void> => {
  const centre = checkSetup(input);
  const secretHash = await hashSecret(input.admin.password);
  const lock = holdDatabaseLock(databaseFile, 'setup');
  const db = openDatabase(databaseFile);
  try {
    const config = new ConfigStore(db);
    const people = new PeopleStore(db);
    db.transaction(() => {
      if (config.load() !== undefined || people.countStaff() > 0) {
        throw new SetupRefused('This database already holds a centre: use the Settings tab to change it.');
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
    })();
  } finally {
    db.close();
    lock.release();
  }
};
