/**
 * One fast-check seed per test run, so that a property that fails in CI fails the same way
 * on a developer's machine. `FC_SEED` is a whole number to replay, `random` for a fresh seed
 * (`npm run test:properties`), or unset for the fixed CI seed; `FC_NUM_RUNS` raises the
 * runs of every property that does not set its own. The global setup resolves the seed once
 * and prints it; each test file's setup applies it to every `fc.assert`.
 */
import { randomInt } from 'node:crypto';

/** The seed of an ordinary run (`npm test`, CI): the same inputs every time. */
export const FIXED_SEED = 20_261_203;

export interface PropertySettings {
  readonly seed: number;
  /** Runs of a property without its own `numRuns`; fast-check's default (100) when absent. */
  readonly numRuns?: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    propertySettings: PropertySettings;
  }
}

const wholeNumber = (name: string, text: string, min: number): number => {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, not "${text}"`);
  }
  return value;
};

/** The run's settings from the environment; a fresh seed is drawn here, once per run. */
export const propertySettingsOf = (env: NodeJS.ProcessEnv): PropertySettings => {
  const seedText = env.FC_SEED?.trim() ?? '';
  // fast-check takes any 32-bit integer; a positive one is easier to copy from a log.
  const seed =
    seedText === ''
      ? FIXED_SEED
      : seedText === 'random'
        ? randomInt(0, 2 ** 31 - 1)
        : wholeNumber('FC_SEED', seedText, -(2 ** 31));
  const runsText = env.FC_NUM_RUNS?.trim() ?? '';
  return runsText === '' ? { seed } : { seed, numRuns: wholeNumber('FC_NUM_RUNS', runsText, 1) };
};
