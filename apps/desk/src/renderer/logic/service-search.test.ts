import { describe, expect, it } from 'vitest';
import { centre } from './fixtures';
import { flatten, groupServices } from './service-search';

describe('service search', () => {
  it('groups every service by organisation when nothing is typed', () => {
    const groups = groupServices(centre, '');
    expect(flatten(groups)).toHaveLength(centre.services.length);
    expect(groups[0]?.organisation.id).toBe('centre');
    expect(groups.find((group) => group.organisation.id === 'passport')?.services.map((s) => s.code)).toEqual(
      ['doc-residence', 'doc-deregister'],
    );
  });

  it('finds by any word of the name in any language, the code, the category or the organisation', () => {
    expect(flatten(groupServices(centre, 'субсид')).map((s) => s.code)).toEqual([
      'ben-subsidy',
      'ben-privilege',
    ]);
    expect(flatten(groupServices(centre, 'житлова субсидія')).map((s) => s.code)).toEqual(['ben-subsidy']);
    expect(flatten(groupServices(centre, 'HOUSING subsidy')).map((s) => s.code)).toEqual(['ben-subsidy']);
    expect(flatten(groupServices(centre, 'water-meter')).map((s) => s.code)).toEqual(['water-meter']);
    expect(flatten(groupServices(centre, 'водоканал договір')).map((s) => s.code)).toEqual([
      'water-contract',
    ]);
    expect(flatten(groupServices(centre, "роз'яснення")).map((s) => s.code)).toEqual(['bill-explain']);
    expect(groupServices(centre, 'паспортний').map((g) => g.organisation.id)).toEqual(['passport']);
  });

  it('drops groups left empty by the filter or by the caller', () => {
    expect(groupServices(centre, 'nothing-like-this')).toEqual([]);
    const offKiosk = groupServices(centre, '', (service) => !service.onKiosk);
    expect(flatten(offKiosk).map((s) => s.code)).toEqual(['priority-any']);
  });
});
