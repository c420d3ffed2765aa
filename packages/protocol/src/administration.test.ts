import { DEMO_CENTRE } from '@queue/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCentreDocument } from './administration';

describe('checkCentreDocument', () => {
  it('accepts the demo centre after a round trip through JSON', () => {
    const checked = checkCentreDocument(JSON.parse(JSON.stringify(DEMO_CENTRE)));
    expect(checked).toEqual({ ok: true, centre: DEMO_CENTRE });
  });

  it('never throws on arbitrary JSON and always explains a refusal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything({ maxDepth: 3 })), (value) => {
        const checked = checkCentreDocument(value);
        if (!checked.ok) expect(checked.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when the demo centre is damaged at a random place', () => {
    const paths = (value: unknown, prefix: string[] = []): string[][] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, entry]) => [
            [...prefix, key],
            ...paths(entry, [...prefix, key]),
          ])
        : [];
    const all = paths(DEMO_CENTRE);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.jsonValue(), (path, replacement) => {
        const copy = JSON.parse(JSON.stringify(DEMO_CENTRE)) as Record<string, unknown>;
        let node: Record<string, unknown> = copy;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
        node[path.at(-1)!] = replacement;
        const checked = checkCentreDocument(copy);
        if (!checked.ok) {
          for (const problem of checked.problems) expect(typeof problem.path).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});
