/**
 * First-run setup without the demo, for a real centre (docs/deployment.md):
 *
 *   npm run setup -- --name "ЦНАП Оболонь" --catalogue reference \
 *     --admin-login olena --admin-name "Олена Коваль" [--admin-password-file FILE]
 *
 * `--catalogue` is `reference` (the 40 services of the reference catalogue), `empty`, or a
 * configuration file exported from another centre's Settings tab (`--config FILE`).
 * The password is read from the file, or else from standard input (typed, without echo, at
 * a terminal; piped in a script); never from the command line, where `ps` would show it.
 * The database is QUEUE_DB's; the server must be stopped (or not yet started).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Centre, StartingCatalogue } from '@queue/core';
import { readEnvironment } from './environment';
import { DatabaseInUseError } from './database-lock';
import { SetupRefused, setUpCentre } from './first-run';

const USAGE =
  'Usage: npm run setup -- --name NAME (--catalogue reference|empty | --config FILE) ' +
  '--admin-login LOGIN --admin-name NAME [--admin-password-file FILE] [--time-zone ZONE]';

/** A line from standard input; at a terminal it is asked for and not echoed. */
const readPassword = async (): Promise<string> => {
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: quiet, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) process.stderr.write('Password for the first administrator: ');
  for await (const line of lines) {
    lines.close();
    if (process.stdin.isTTY) process.stderr.write('\n');
    return line;
  }
  throw new SetupRefused('No password was given (a file with --admin-password-file, or standard input).');
};

const catalogueFrom = (values: { catalogue?: string; config?: string }): StartingCatalogue => {
  if (values.config) {
    try {
      return JSON.parse(readFileSync(resolve(values.config), 'utf8')) as Centre;
    } catch (error) {
      throw new SetupRefused(`Cannot read ${values.config}: ${error instanceof Error ? error.message : ''}`);
    }
  }
  if (values.catalogue === 'reference' || values.catalogue === 'empty') return values.catalogue;
  throw new SetupRefused(`Choose --catalogue reference or empty, or --config FILE.\n${USAGE}`);
};

const run = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      'time-zone': { type: 'string' },
      catalogue: { type: 'string' },
      config: { type: 'string' },
      'admin-login': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password-file': { type: 'string' },
    },
  });
  const name = values.name?.trim();
  const login = values['admin-login'];
  const adminName = values['admin-name'];
  if (!name || !login || !adminName) throw new SetupRefused(USAGE);
  const catalogue = catalogueFrom(values);
  const passwordFile = values['admin-password-file'];
  const password = passwordFile
    ? readFileSync(resolve(passwordFile), 'utf8').replace(/\r?\n$/, '')
    : await readPassword();
  const databaseFile = resolve(readEnvironment(process.env).databaseFile);
  await setUpCentre(
    databaseFile,
    {
      centre: { name, catalogue, ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}) },
      admin: { login, name: adminName, password },
    },
    Date.now(),
  );
  process.stdout.write(
    `The centre "${name}" is set up in ${databaseFile}; ${login} can log in to the desk app as its administrator.\n`,
  );
};

run().catch((error: unknown) => {
  const known = error instanceof SetupRefused || error instanceof DatabaseInUseError;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nNothing was set up.\n`);
  process.exit(known ? 2 : 1);
});
