/**
 * Vitest global setup: resolves the run's fast-check seed once, prints it with the command
 * that replays it, and hands it to every test file (see `property-seed.ts`).
 */
import type { TestProject } from 'vitest/node';
import { propertySettingsOf } from './property-seed';

export default function setup(project: TestProject): void {
  const settings = propertySettingsOf(process.env);
  // A failure at run 824 of 1000 needs as many runs to replay, so the command names both.
  const runs = settings.numRuns === undefined ? '' : ` FC_NUM_RUNS=${settings.numRuns}`;
  console.log(
    `fast-check seed ${settings.seed}; replay a failure with FC_SEED=${settings.seed}${runs} npx vitest run <file>`,
  );
  project.provide('propertySettings', settings);
}
