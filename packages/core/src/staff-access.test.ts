import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { organisationId } from './ids';
import { deskHeldByColleague, mayWorkAtDesk, reportOrganisation } from './staff-access';

const water = { organisationId: organisationId('water') };
const gas = { organisationId: organisationId('gas') };

describe('mayWorkAtDesk', () => {
  it('keeps someone of one organisation to its desks', () => {
    const operator = { roles: ['operator'], organisationIds: ['water'] };
    expect(mayWorkAtDesk(operator, water)).toBe(true);
    expect(mayWorkAtDesk(operator, gas)).toBe(false);
    expect(mayWorkAtDesk({ roles: ['operator', 'reception'], organisationIds: ['water', 'gas'] }, gas)).toBe(
      true,
    );
  });

  it('lets anyone named to no organisation, and any administrator, work anywhere', () => {
    expect(mayWorkAtDesk({ roles: ['operator'], organisationIds: [] }, gas)).toBe(true);
    expect(mayWorkAtDesk({ roles: ['admin'], organisationIds: ['water'] }, gas)).toBe(true);
  });

  it('never lets a non-administrator work at a desk of an organisation not theirs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('water', 'gas', 'heat', 'social'), { minLength: 1 }),
        fc.constantFrom('water', 'gas', 'heat', 'social'),
        fc.subarray(['operator', 'reception', 'supervisor']),
        (organisations, deskOrganisation, roles) => {
          const allowed = mayWorkAtDesk(
            { roles, organisationIds: organisations },
            { organisationId: organisationId(deskOrganisation) },
          );
          expect(allowed).toBe(organisations.includes(deskOrganisation));
        },
      ),
    );
  });
});

describe('reportOrganisation', () => {
  const water = { roles: ['supervisor'], organisationIds: ['water'] };
  const both = { roles: ['supervisor'], organisationIds: ['water', 'gas'] };

  it('gives someone of one organisation that organisation, asked or not', () => {
    expect(reportOrganisation(water, undefined)).toEqual({ organisationId: 'water' });
    expect(reportOrganisation(water, 'water')).toEqual({ organisationId: 'water' });
    expect(reportOrganisation(water, 'gas')).toEqual({ refused: true });
  });

  it('makes someone of several organisations choose one of theirs', () => {
    expect(reportOrganisation(both, undefined)).toEqual({ refused: true });
    expect(reportOrganisation(both, 'gas')).toEqual({ organisationId: 'gas' });
  });

  it('gives administrators and staff of no organisation what they ask for', () => {
    expect(reportOrganisation({ roles: ['admin'], organisationIds: ['water'] }, undefined)).toEqual({
      organisationId: undefined,
    });
    expect(reportOrganisation({ roles: ['supervisor'], organisationIds: [] }, 'gas')).toEqual({
      organisationId: 'gas',
    });
  });
});

describe('deskHeldByColleague', () => {
  const operator = (staffId: string) => ({ staffId, roles: ['operator'] });

  it('bars an operator from a desk another operator has open or paused, and nobody from a closed one', () => {
    expect(deskHeldByColleague({ status: 'open', operatorId: 'op-2' as never }, operator('op-1'))).toBe(
      'op-2',
    );
    expect(deskHeldByColleague({ status: 'paused', operatorId: 'op-2' as never }, operator('op-1'))).toBe(
      'op-2',
    );
    expect(
      deskHeldByColleague({ status: 'open', operatorId: 'op-1' as never }, operator('op-1')),
    ).toBeUndefined();
    expect(deskHeldByColleague({ status: 'closed' }, operator('op-1'))).toBeUndefined();
    expect(deskHeldByColleague(undefined, operator('op-1'))).toBeUndefined();
  });

  it('never bars a supervisor or an administrator, whatever the desk', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('open', 'paused', 'closed' as const),
        fc.option(fc.string(), { nil: undefined }),
        fc.constantFrom(['supervisor'], ['admin'], ['operator', 'supervisor']),
        (status, operatorId, roles) =>
          deskHeldByColleague(
            { status, ...(operatorId ? { operatorId: operatorId as never } : {}) },
            {
              staffId: 'someone',
              roles,
            },
          ) === undefined,
      ),
    );
  });
});
