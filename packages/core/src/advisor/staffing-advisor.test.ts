import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centre, Desk } from '../centre';
import { deskId, organisationId, serviceCode } from '../ids';
import { Scenario, centre, desk, kyiv, service } from '../testing';
import { type StaffingAdvice, adviseStaffing } from './staffing-advisor';

const START = kyiv('2026-11-24T09:00');
const BENEFITS = serviceCode('benefits');

const ofOrganisation = (entry: Desk, organisation: string): Desk => ({
  ...entry,
  organisationId: organisationId(organisation),
});

/**
 * Benefits are served at d1 only; d2 is the social office's other desk (pensions), idle; d3
 * is a closed benefits desk, d4 the water company's desk.
 */
const hall = (): Centre => ({
  ...centre({
    services: [
      service('benefits', { prefix: 'B', expectedMinutes: 15, organisationId: organisationId('social') }),
      service('pensions', { prefix: 'P', expectedMinutes: 10, organisationId: organisationId('social') }),
      service('water', { prefix: 'W', expectedMinutes: 10, organisationId: organisationId('water') }),
    ],
    desks: [
      ofOrganisation(desk('d1', ['benefits'], 1), 'social'),
      ofOrganisation(desk('d2', ['pensions'], 2), 'social'),
      ofOrganisation(desk('d3', ['benefits'], 3), 'social'),
      ofOrganisation(desk('d4', ['water'], 4), 'water'),
    ],
  }),
  organisations: [
    { id: organisationId('social'), name: { uk: 'Соцзахист', ru: 'Соцзащита', en: 'Social' } },
    { id: organisationId('water'), name: { uk: 'Вода', ru: 'Вода', en: 'Water' } },
  ],
});

/** Eight benefits visitors arrived in the last half hour and wait; one desk serves them. */
const overloaded = (site = hall()): Scenario => {
  const s = new Scenario(site, START);
  s.open('d1').open('d2').open('d4');
  for (let i = 0; i < 8; i += 1) {
    s.issue(`b${i}`, 'benefits');
    s.advance(4);
  }
  return s;
};

/** No proposal pushes a service that keeps within its standard over it. */
const keepsTheOthers = (advice: StaffingAdvice): boolean =>
  advice.proposals.every((entry) =>
    advice.outlook.every(
      (row) => row.overStandard || (entry.after[row.code] ?? row.forecastMinutes) <= row.standardMinutes,
    ),
  );

describe('adviseStaffing', () => {
  it('proposes nothing while every service keeps within its standard', () => {
    const s = new Scenario(hall(), START);
    s.open('d1').open('d2');
    s.issue('b1', 'benefits');
    const advice = adviseStaffing(hall(), s.state, s.now);
    expect(advice.outlook.map((row) => row.code)).toEqual([BENEFITS]);
    expect(advice.outlook[0]?.overStandard).toBe(false);
    expect(advice.proposals).toEqual([]);
  });

  it('finds a single-desk service over its standard and the changes that bring it back', () => {
    const s = overloaded();
    const advice = adviseStaffing(hall(), s.state, s.now);
    const benefits = advice.outlook.find((row) => row.code === BENEFITS);
    expect(benefits?.overStandard).toBe(true);
    expect(benefits?.forecastMinutes).toBeGreaterThan(60);
    const kinds = advice.proposals.map((entry) => `${entry.proposal.kind} ${entry.proposal.deskId}`);
    // The idle pensions desk of the same office can take benefits; the closed benefits desk can open.
    expect(kinds).toContain('add-service d2');
    expect(kinds).toContain('open-desk d3');
    // Never the water company's desk: its staff may not serve benefits.
    expect(kinds).not.toContain('add-service d4');
    for (const entry of advice.proposals) {
      expect(entry.after[BENEFITS]).toBeLessThan(entry.before[BENEFITS] ?? 0);
    }
    // Giving an open desk a service is a smaller change than calling someone in to open one.
    expect(advice.proposals[0]?.proposal).toMatchObject({ kind: 'add-service', deskId: 'd2' });
    const add = advice.proposals[0]?.proposal;
    expect(add?.kind === 'add-service' && add.services).toEqual([
      { code: 'pensions', weight: 1 },
      { code: 'benefits', weight: 1 },
    ]);
  });

  it('ends a break before anything else when that is enough', () => {
    const s = overloaded();
    s.open('d3').do({ type: 'pause-desk', deskId: deskId('d3'), reason: 'break' });
    const advice = adviseStaffing(hall(), s.state, s.now);
    expect(advice.proposals[0]).toMatchObject({ proposal: { kind: 'end-break', deskId: 'd3' } });
    expect(advice.proposals.some((entry) => entry.proposal.kind === 'open-desk')).toBe(false);
  });

  it('opens a closed desk only if someone free may work there', () => {
    const s = overloaded();
    const waterOnly = [{ roles: ['operator'], organisationIds: ['water'] }];
    const kinds = (freeStaff?: typeof waterOnly) =>
      adviseStaffing(hall(), s.state, s.now, freeStaff ? { freeStaff } : {}).proposals.map(
        (entry) => entry.proposal.kind,
      );
    expect(kinds()).toContain('open-desk');
    expect(kinds(waterOnly)).not.toContain('open-desk');
    expect(kinds([{ roles: ['operator'], organisationIds: ['social'] }])).toContain('open-desk');
  });

  it('never proposes a change that helps one service by pushing another over its standard', () => {
    const site = hall();
    const s = overloaded(site);
    // Pensions is busy too: taking d2's time for benefits would push it over.
    for (let i = 0; i < 2; i += 1) s.issue(`p${i}`, 'pensions');
    const advice = adviseStaffing(site, s.state, s.now);
    const pensions = advice.outlook.find((row) => row.code === 'pensions');
    expect(pensions?.overStandard).toBe(false);
    expect(advice.proposals.length).toBeGreaterThan(0);
    expect(advice.proposals.map((entry) => entry.proposal.kind)).not.toContain('add-service');
    expect(keepsTheOthers(advice)).toBe(true);
  });

  it('only ever proposes what lowers the forecast over the standards, for any hall (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('open', 'closed', 'paused'), { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom('benefits', 'pensions', 'water'), { maxLength: 30 }),
        (statuses, arrivals) => {
          const site = hall();
          const s = new Scenario(site, START);
          statuses.forEach((status, index) => {
            const id = `d${index + 1}`;
            if (status === 'closed') return;
            s.open(id);
            if (status === 'paused') s.do({ type: 'pause-desk', deskId: deskId(id), reason: 'break' });
          });
          arrivals.forEach((code, index) => {
            s.issue(`t${index}`, code);
            s.advance(1);
          });
          const advice = adviseStaffing(site, s.state, s.now);
          const over = advice.outlook.filter((row) => row.overStandard);
          if (over.length === 0) expect(advice.proposals).toEqual([]);
          for (const entry of advice.proposals) {
            const desk = site.desks.find((candidate) => candidate.id === entry.proposal.deskId);
            expect(desk).toBeDefined();
            const status = statuses[site.desks.indexOf(desk as Desk)];
            if (entry.proposal.kind === 'end-break') expect(status).toBe('paused');
            if (entry.proposal.kind === 'open-desk') expect(status).toBe('closed');
            const { proposal } = entry;
            if (proposal.kind === 'add-service') {
              expect(status).toBe('open');
              const added = site.services.find((candidate) => candidate.code === proposal.serviceCode);
              expect(added?.organisationId).toBe(desk?.organisationId);
            }
            expect(keepsTheOthers(advice)).toBe(true);
            // Something over its standard gets a better forecast.
            expect(over.some((row) => (entry.after[row.code] ?? Infinity) < row.forecastMinutes)).toBe(true);
          }
        },
      ),
    );
  });
});
