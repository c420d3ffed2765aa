import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centre, Service } from './centre';
import { isEmptyChange, strandedBy, summariseCentreChange } from './centre-change';
import { CENTRE_BOUNDS, type CentreProblem, isDate, validateCentre } from './centre-validation';
import { DEMO_CENTRE } from './demo-centre';
import { deskId, serviceCode, ticketId } from './ids';
import { emptyState, type QueueState, ticketTableOf } from './state';
import type { Ticket } from './ticket';

const keys = (problems: readonly CentreProblem[]) =>
  problems.map((problem) => `${problem.path}:${problem.key}`);

const withService = (index: number, change: Partial<Service>): Centre => ({
  ...DEMO_CENTRE,
  services: DEMO_CENTRE.services.map((service, at) => (at === index ? { ...service, ...change } : service)),
});

/** One-place mutations of the demo centre and the single problem each must produce. */
const MUTATIONS: readonly [string, (index: number) => Centre, (index: number) => string][] = [
  [
    'empty name',
    (i) => withService(i, { name: { ...DEMO_CENTRE.services[i]!.name, ru: ' ' } }),
    (i) => `services.${i}.name.ru:emptyName`,
  ],
  ['bad prefix', (i) => withService(i, { prefix: 'A1' }), (i) => `services.${i}.prefix:badPrefix`],
  [
    'zero minutes',
    (i) => withService(i, { expectedMinutes: 0 }),
    (i) => `services.${i}.expectedMinutes:notPositive`,
  ],
  [
    'negative standard',
    (i) => withService(i, { waitingStandardMinutes: -5 }),
    (i) => `services.${i}.waitingStandardMinutes:notPositive`,
  ],
  [
    'fractional limit',
    (i) => withService(i, { dailyLimit: 2.5 }),
    (i) => `services.${i}.dailyLimit:notWhole`,
  ],
  [
    'unknown category',
    (i) => withService(i, { categoryId: 'nope' as Service['categoryId'] }),
    (i) => `services.${i}.categoryId:unknownReference`,
  ],
  [
    'unknown organisation',
    (i) => withService(i, { organisationId: 'nope' as Service['organisationId'] }),
    (i) => `services.${i}.organisationId:unknownReference`,
  ],
  [
    'reversed hours',
    (i) => withService(i, { hours: { 1: [{ from: '12:00', to: '09:00' }] } }),
    (i) => `services.${i}.hours.1.0:timeOrder`,
  ],
  [
    'bad time',
    (i) => withService(i, { hours: { 3: [{ from: '25:00', to: '12:00' }] } }),
    (i) => `services.${i}.hours.3.0.from:badTime`,
  ],
];

describe('validateCentre', () => {
  it('finds nothing wrong with the demo centre', () => {
    expect(validateCentre(DEMO_CENTRE)).toEqual([]);
  });

  it('reports exactly the one problem a single mutation introduces', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: DEMO_CENTRE.services.length - 1 }),
        fc.integer({ min: 0, max: MUTATIONS.length - 1 }),
        (index, which) => {
          const [, mutate, expected] = MUTATIONS[which]!;
          const problems = validateCentre(mutate(index));
          expect(keys(problems)).toEqual([expected(index)]);
        },
      ),
    );
  });

  it('reports exactly the one problem a single mutation of a desk, board or the site introduces', () => {
    const deskMutations: readonly [(index: number) => Centre, (index: number) => string][] = [
      [
        (i) => ({
          ...DEMO_CENTRE,
          desks: DEMO_CENTRE.desks.map((d, at) => (at === i ? { ...d, number: -1 } : d)),
        }),
        (i) => `desks.${i}.number:notPositive`,
      ],
      [
        (i) => ({
          ...DEMO_CENTRE,
          desks: DEMO_CENTRE.desks.map((d, at) => (at === i ? { ...d, organisationId: 'nope' as never } : d)),
        }),
        (i) => `desks.${i}.organisationId:unknownReference`,
      ],
      [
        (i) => ({
          ...DEMO_CENTRE,
          desks: DEMO_CENTRE.desks.map((d, at) => (at === i ? { ...d, name: { ...d.name, en: '' } } : d)),
        }),
        (i) => `desks.${i}.name.en:emptyName`,
      ],
      [
        (i) => ({
          ...DEMO_CENTRE,
          desks: DEMO_CENTRE.desks.map((d, at) =>
            at === i ? { ...d, services: [...d.services, d.services[0]!] } : d,
          ),
        }),
        (i) => `desks.${i}.services.${DEMO_CENTRE.desks[i]!.services.length}:duplicate`,
      ],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: DEMO_CENTRE.desks.length - 1 }),
        fc.integer({ min: 0, max: deskMutations.length - 1 }),
        (index, which) => {
          const [mutate, expected] = deskMutations[which]!;
          expect(keys(validateCentre(mutate(index)))).toEqual([expected(index)]);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('7:00', '24:00', '08-00', ''),
        (day, bad) => {
          const hours = { ...DEMO_CENTRE.site.hours, [day]: [{ from: bad, to: '18:00' }] };
          const centre = { ...DEMO_CENTRE, site: { ...DEMO_CENTRE.site, hours } };
          expect(keys(validateCentre(centre))).toEqual([`site.hours.${day}.0.from:badTime`]);
        },
      ),
    );
  });

  it('reports a duplicated service code at the second occurrence', () => {
    const copy = { ...DEMO_CENTRE.services[0]!, prefix: 'Я' };
    const centre = { ...DEMO_CENTRE, services: [...DEMO_CENTRE.services, copy] };
    expect(keys(validateCentre(centre))).toEqual([`services.${DEMO_CENTRE.services.length}:duplicate`]);
  });

  it('reports desks that name unknown services or carry non-positive weights', () => {
    const desk = DEMO_CENTRE.desks[0]!;
    const centre: Centre = {
      ...DEMO_CENTRE,
      desks: [
        {
          ...desk,
          services: [
            { code: serviceCode('ghost'), weight: 1 },
            { ...desk.services[0]!, weight: 0 },
          ],
        },
        ...DEMO_CENTRE.desks.slice(1),
      ],
    };
    expect(keys(validateCentre(centre))).toEqual([
      'desks.0.services.0.code:unknownReference',
      'desks.0.services.1.weight:notPositive',
    ]);
  });

  it('reports boards showing unknown desks, bad time zones and impossible dates', () => {
    const centre: Centre = {
      ...DEMO_CENTRE,
      site: {
        ...DEMO_CENTRE.site,
        timeZone: 'Mars/Olympus',
        specialDays: [{ date: '2026-02-30', hours: [] }],
      },
      boards: [{ ...DEMO_CENTRE.boards[0]!, deskIds: [deskId('desk-99')] }],
    };
    expect(keys(validateCentre(centre))).toEqual([
      'site.timeZone:badTimeZone',
      'site.specialDays.0.date:badDate',
      'boards.0.deskIds.0:unknownReference',
    ]);
  });

  it('checks the booking section: known services, a walk-in share below 1, positive counts', () => {
    const booking = { enabled: true, services: ['no-such-service'], walkInShare: 1.5, horizonDays: 0 };
    const problems = validateCentre({ ...DEMO_CENTRE, booking });
    expect(problems.map((problem) => `${problem.path}:${problem.key}`).sort()).toEqual([
      'booking.horizonDays:notPositive',
      'booking.services.0:unknownReference',
      'booking.walkInShare:notShare',
    ]);
    expect(validateCentre({ ...DEMO_CENTRE, booking: { enabled: true, walkInShare: 0 } })).toEqual([]);
  });

  it('refuses numbers beyond sane bounds that would stall the server or make no sense', () => {
    const centre: Centre = {
      ...DEMO_CENTRE,
      services: DEMO_CENTRE.services.map((service, index) =>
        index === 0 ? { ...service, expectedMinutes: 0.01, dailyLimit: 1e9 } : service,
      ),
      desks: DEMO_CENTRE.desks.map((desk, index) =>
        index === 0 ? { ...desk, number: 1e6, services: [{ ...desk.services[0]!, weight: 1e-9 }] } : desk,
      ),
      policy: { ...DEMO_CENTRE.policy, noShowAfterMinutes: 0.001, noShowAfterCalls: 1000 },
      booking: { enabled: true, slotMinutes: 0.001, horizonDays: 100_000, graceMinutes: 1e9 },
    };
    expect(keys(validateCentre(centre)).sort()).toEqual([
      'booking.graceMinutes:outOfRange',
      'booking.horizonDays:outOfRange',
      'booking.slotMinutes:notWhole',
      'desks.0.number:outOfRange',
      'desks.0.services.0.weight:outOfRange',
      'policy.noShowAfterCalls:outOfRange',
      'policy.noShowAfterMinutes:outOfRange',
      'services.0.dailyLimit:outOfRange',
      'services.0.expectedMinutes:outOfRange',
    ]);
    expect(validateCentre({ ...DEMO_CENTRE, booking: { enabled: true, slotMinutes: 1 } })).toContainEqual({
      path: 'booking.slotMinutes',
      key: 'outOfRange',
      params: { value: '1', min: 5, max: 480 },
    });
  });

  it('accepts every number at the edges of its bounds', () => {
    const edges = (pick: 'min' | 'max'): Centre => ({
      ...DEMO_CENTRE,
      services: DEMO_CENTRE.services.map((service, index) =>
        index === 0
          ? {
              ...service,
              expectedMinutes: CENTRE_BOUNDS.expectedMinutes[pick],
              waitingStandardMinutes: CENTRE_BOUNDS.waitingStandardMinutes[pick],
              dailyLimit: CENTRE_BOUNDS.dailyLimit[pick],
            }
          : service,
      ),
      policy: {
        maxPriorityStreak: CENTRE_BOUNDS.maxPriorityStreak[pick],
        noShowAfterMinutes: CENTRE_BOUNDS.noShowAfterMinutes[pick],
        noShowAfterCalls: CENTRE_BOUNDS.noShowAfterCalls[pick],
        maxPostponeMinutes: CENTRE_BOUNDS.maxPostponeMinutes[pick],
        appointmentLeadMinutes: CENTRE_BOUNDS.appointmentLeadMinutes[pick],
      },
      booking: {
        enabled: true,
        slotMinutes: CENTRE_BOUNDS.slotMinutes[pick],
        horizonDays: CENTRE_BOUNDS.horizonDays[pick],
        perPersonPerDay: CENTRE_BOUNDS.perPersonPerDay[pick],
        minLeadMinutes: CENTRE_BOUNDS.minLeadMinutes[pick],
        graceMinutes: CENTRE_BOUNDS.graceMinutes[pick],
        earlyCheckInMinutes: CENTRE_BOUNDS.earlyCheckInMinutes[pick],
      },
    });
    expect(validateCentre(edges('min'))).toEqual([]);
    expect(validateCentre(edges('max'))).toEqual([]);
  });

  it('accepts services sharing a prefix (they share a sequence)', () => {
    expect(validateCentre(withService(1, { prefix: DEMO_CENTRE.services[0]!.prefix }))).toEqual([]);
  });

  it('checks calendar dates exactly', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          expect(isDate(date.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-1-01')).toBe(false);
  });
});

const liveTicket = (code: string): Ticket => ({
  id: ticketId('ticket-0001'),
  number: 'А-001',
  prefix: 'А',
  sequence: 1,
  serviceDay: '2026-11-24' as Ticket['serviceDay'],
  source: 'kiosk',
  serviceCode: serviceCode(code),
  issuedAt: 0 as Ticket['issuedAt'],
  queuedAt: 0 as Ticket['queuedAt'],
  status: 'waiting',
  itinerary: [],
  callCount: 0,
});

describe('summariseCentreChange and strandedBy', () => {
  const removed = DEMO_CENTRE.services[0]!;
  const without: Centre = {
    ...DEMO_CENTRE,
    services: DEMO_CENTRE.services.slice(1),
    desks: DEMO_CENTRE.desks.map((desk) => ({
      ...desk,
      services: desk.services.filter((entry) => entry.code !== removed.code),
    })),
  };

  it('summarises added, removed and changed entities', () => {
    const summary = summariseCentreChange(DEMO_CENTRE, without);
    expect(summary.sections.services).toEqual({ added: [], removed: [removed.code], changed: [] });
    expect(summary.sections.desks?.changed.length).toBeGreaterThan(0);
    expect(summary.site).toBe(false);
    expect(isEmptyChange(summariseCentreChange(DEMO_CENTRE, DEMO_CENTRE))).toBe(true);
  });

  it('refuses to remove a service with live tickets or an open desk, and allows it otherwise', () => {
    const state: QueueState = {
      ...emptyState(),
      ticketTable: ticketTableOf([liveTicket(removed.code)]),
    };
    expect(strandedBy(DEMO_CENTRE, without, state).map((problem) => problem.key)).toEqual(['liveTickets']);
    const done: QueueState = {
      ...emptyState(),
      ticketTable: ticketTableOf([{ ...liveTicket(removed.code), status: 'completed' }]),
    };
    expect(strandedBy(DEMO_CENTRE, without, done)).toEqual([]);
    const desk = DEMO_CENTRE.desks[0]!;
    const open: QueueState = {
      ...emptyState(),
      desks: { [desk.id]: { id: desk.id, status: 'open', privilegedStreak: 0 } },
    };
    const noDesk: Centre = { ...DEMO_CENTRE, desks: DEMO_CENTRE.desks.slice(1) };
    expect(strandedBy(DEMO_CENTRE, noDesk, open)).toEqual([
      { path: 'desks.0', key: 'deskOpen', params: { id: desk.id } },
    ]);
  });
});
