/** Vitest setup file: every `fc.assert` of the test file runs with the run's seed. */
import fc from 'fast-check';
import { inject } from 'vitest';
import './property-seed';

const { seed, numRuns } = inject('propertySettings');
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed, ...(numRuns === undefined ? {} : { numRuns }) });
