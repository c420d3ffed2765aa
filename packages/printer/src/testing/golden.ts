/**
 * Golden files for tests: the stored expectation, or, with UPDATE_GOLDEN=1 in the
 * environment, the actual output written in its place. Kept free of the test runner so
 * any test file can use it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = fileURLToPath(new URL('../__golden__/', import.meta.url));

export const updatingGoldens = (): boolean => process.env.UPDATE_GOLDEN === '1';

/** The golden file's bytes; written from `actual` first when updating. */
export const golden = (file: string, actual: Uint8Array): Uint8Array => {
  const path = `${GOLDEN_DIR}${file}`;
  if (updatingGoldens()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return actual;
  }
  if (!existsSync(path))
    throw new Error(`golden file ${path} is missing: run the tests with UPDATE_GOLDEN=1`);
  return new Uint8Array(readFileSync(path));
};
