import { DEMO_CENTRE, validateCentre } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { listSpecs, withEntry, withoutEntry } from './sections';

const localize = (text: { en: string }) => text.en;

describe('configuration sections', () => {
  it('adds a new entry and replaces an edited one in place', () => {
    const specs = listSpecs(DEMO_CENTRE, localize);
    const service = {
      ...specs.services.blank(),
      code: 'dog-licence',
      prefix: 'Д',
      name: { uk: 'Собаки', ru: 'Собаки', en: 'Dogs' },
    };
    const added = withEntry(DEMO_CENTRE, 'services', 'code', service, undefined);
    expect(added.services.at(-1)).toEqual(service);
    expect(validateCentre(added)).toEqual([]);
    const renamed = withEntry(added, 'services', 'code', { ...service, prefix: 'Я' }, 'dog-licence');
    expect(renamed.services).toHaveLength(added.services.length);
    expect(renamed.services.at(-1)?.prefix).toBe('Я');
  });

  it('edits an organisation’s higher body as flat fields and saves it nested, or not at all when blank', () => {
    const { organisations } = listSpecs(DEMO_CENTRE, localize);
    const heat = DEMO_CENTRE.organisations.find((entry) => entry.id === 'heat')!;
    const draft = organisations.toDraft!(heat as never);
    expect(draft).toMatchObject({
      higherBodyName: heat.higherBody?.name,
      higherBodyContact: heat.higherBody?.contact,
    });
    expect(draft).not.toHaveProperty('higherBody');
    expect(organisations.fromDraft!(draft)).toEqual(heat);
    const blank = organisations.fromDraft!({
      ...organisations.blank(),
      id: 'housing',
      name: { uk: 'Ж', ru: 'Ж', en: 'H' },
    });
    expect(blank).toEqual({ id: 'housing', name: { uk: 'Ж', ru: 'Ж', en: 'H' } });
    const saved = withEntry(DEMO_CENTRE, 'organisations', 'id', blank, undefined);
    expect(validateCentre(saved)).toEqual([]);
    // A body named in one language only is refused by the configuration's check, not dropped.
    const partial = organisations.fromDraft!({ ...draft, higherBodyName: { uk: 'Орган', ru: '', en: '' } });
    const problems = validateCentre(withEntry(DEMO_CENTRE, 'organisations', 'id', partial, 'heat'));
    expect(problems.map((problem) => problem.key)).toContain('emptyName');
  });

  it('drops the references to a deleted service or desk, so the rest stays valid', () => {
    const code = DEMO_CENTRE.desks[0]!.services[0]!.code;
    const noService = withoutEntry(DEMO_CENTRE, 'services', 'code', code);
    expect(noService.desks.some((desk) => desk.services.some((entry) => entry.code === code))).toBe(false);
    expect(validateCentre(noService)).toEqual([]);
    const noDesk = withoutEntry(DEMO_CENTRE, 'desks', 'id', 'desk-1');
    expect(noDesk.boards.some((board) => board.deskIds.includes('desk-1' as never))).toBe(false);
    expect(validateCentre(noDesk)).toEqual([]);
  });

  it('gives new entries that are invalid only for what the administrator must fill in', () => {
    const specs = listSpecs(DEMO_CENTRE, localize);
    const withBlank = withEntry(DEMO_CENTRE, 'desks', 'id', specs.desks.blank(), undefined);
    const keys = validateCentre(withBlank).map((problem) => problem.key);
    expect(new Set(keys)).toEqual(new Set(['emptyName']));
  });
});
