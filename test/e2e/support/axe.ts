/**
 * axe-core run inside the page: every violation of any impact, as readable lines (empty when
 * the page passes). The script is added to the page the first time it is asked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe-core violation on the page as it is now (any impact), as readable lines. */
export const axeViolations = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate('"axe" in globalThis'))) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate('axe.run().then((result) => result.violations)')) as {
    id: string;
    nodes: { target: string[] }[];
  }[];
  return violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
};
