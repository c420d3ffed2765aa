import { DEMO_CENTRE } from '@queue/core';
import { checkCentreDocument } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { editList } from './list-edit';
import { blankOutcome, outcomeProblems, outcomesOf } from './outcomes';
import { listSpecs, withEntry } from './sections';

const named = (code: string, en: string) => ({ code, name: { uk: `${en} uk`, ru: `${en} ru`, en } });

describe('a service’s outcomes as the administrator edits them', () => {
  it('is edited in Settings by the outcomes editor, not as JSON', () => {
    const specs = listSpecs(DEMO_CENTRE, (text) => text.en);
    const kinds = Object.values(specs).flatMap((spec) => spec.fields.map((field) => field.kind as string));
    expect(kinds).not.toContain('json');
    expect(specs.services.fields.find((field) => field.key === 'outcomes')?.kind).toBe('outcomes');
    expect(specs.kiosks.fields.find((field) => field.key === 'printer')?.kind).toBe('printer');
  });

  it('tells an empty code, a code the configuration refuses, a repeated code and an empty name', () => {
    const outcomes = [
      named('done', 'Done'),
      { code: '', name: { uk: 'Так', ru: 'Да', en: '' } },
      named('Done!', 'Loud'),
      named('done', 'Again'),
    ];
    expect(outcomeProblems(outcomes)).toEqual([
      { index: 1, kind: 'emptyCode' },
      { index: 1, kind: 'emptyName', language: 'en' },
      { index: 2, kind: 'badCode', code: 'Done!' },
      { index: 3, kind: 'duplicate', code: 'done', first: 0 },
    ]);
    expect(outcomeProblems([blankOutcome()]).map((problem) => problem.kind)).toEqual([
      'emptyCode',
      'emptyName',
      'emptyName',
      'emptyName',
    ]);
  });

  it('gives a list without problems that the server’s check accepts, in the order edited', () => {
    const service = DEMO_CENTRE.services[0]!;
    let outcomes = outcomesOf(service.outcomes);
    outcomes = editList(outcomes, { kind: 'add', item: named('referred', 'Referred') });
    outcomes = editList(outcomes, { kind: 'move', index: outcomes.length - 1, by: -1 });
    outcomes = editList(outcomes, { kind: 'remove', index: 0 });
    expect(outcomeProblems(outcomes)).toEqual([]);
    const centre = withEntry(
      DEMO_CENTRE,
      'services',
      'code',
      { ...service, outcomes } as never,
      service.code,
    );
    const checked = checkCentreDocument(centre);
    expect(checked.ok).toBe(true);
    const saved = checked.ok
      ? checked.centre.services.find((entry) => entry.code === service.code)
      : undefined;
    expect(saved?.outcomes.map((outcome) => outcome.code)).toEqual(outcomes.map((outcome) => outcome.code));
    expect(saved?.outcomes.at(-2)?.code).toBe('referred');
  });

  it('reads a missing list as none, and fills a name missing a language', () => {
    expect(outcomesOf(undefined)).toEqual([]);
    expect(outcomesOf([{ code: 'x', name: { uk: 'Х' } }])).toEqual([
      { code: 'x', name: { uk: 'Х', ru: '', en: '' } },
    ]);
  });
});
