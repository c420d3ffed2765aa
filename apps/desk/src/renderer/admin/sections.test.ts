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
