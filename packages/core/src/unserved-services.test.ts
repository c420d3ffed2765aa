import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { serviceCode, ticketId } from './ids';
import { serviceAvailability } from './kiosk-availability';
import { emptyState } from './state';
import { KIOSK, centre, desk, kyiv, service } from './testing';
import { organisationId } from './ids';
import { isServedByAnyDesk, unservedServices, withServicesGivenToDesks } from './unserved-services';

const WEEKDAYS_9_TO_18 = {
  1: [{ from: '09:00', to: '18:00' }],
  2: [{ from: '09:00', to: '18:00' }],
  3: [{ from: '09:00', to: '18:00' }],
  4: [{ from: '09:00', to: '18:00' }],
  5: [{ from: '09:00', to: '18:00' }],
};
const TUESDAY_NOON = kyiv('2025-01-14T12:00');

describe('unservedServices', () => {
  it('lists the services no desk lists, in catalogue order', () => {
    const c = centre({
      services: [service('a'), service('b'), service('c'), service('d')],
      desks: [desk('d1', ['a']), desk('d2', { c: 2 })],
    });
    expect(unservedServices(c).map((entry) => entry.code)).toEqual(['b', 'd']);
  });

  it('does not count a desk whose weight for the service is zero', () => {
    const c = centre({ services: [service('a')], desks: [desk('d1', { a: 0 })] });
    expect(isServedByAnyDesk(c, service('a'))).toBe(false);
    expect(unservedServices(c)).toHaveLength(1);
  });
});

describe('withServicesGivenToDesks', () => {
  it('gives each service to the desks of its organisation only, with weight 1, keeping the rest', () => {
    const other = organisationId('other');
    const c = centre({
      services: [service('a'), service('b'), service('c', { organisationId: other })],
      desks: [desk('d1', { a: 3, b: 0 }), desk('d2', ['a']), { ...desk('d3', ['a']), organisationId: other }],
    });
    const given = withServicesGivenToDesks(c, unservedServices(c));
    expect(given.desks.map((entry) => entry.services)).toEqual([
      [
        { code: 'a', weight: 3 },
        { code: 'b', weight: 1 },
      ],
      [
        { code: 'a', weight: 1 },
        { code: 'b', weight: 1 },
      ],
      [
        { code: 'a', weight: 1 },
        { code: 'c', weight: 1 },
      ],
    ]);
    expect(unservedServices(given)).toEqual([]);
    expect(given.services).toBe(c.services);
  });

  it('leaves a service whose organisation has no desk unserved', () => {
    const c = centre({
      services: [service('a'), service('x', { organisationId: organisationId('none') })],
      desks: [desk('d1', ['a'])],
    });
    expect(
      unservedServices(withServicesGivenToDesks(c, unservedServices(c))).map((entry) => entry.code),
    ).toEqual(['x']);
  });
});

describe('serviceAvailability at the kiosk', () => {
  it('shows a service no desk serves as unserved even within its hours', () => {
    const c = centre({ services: [service('a'), service('b')], desks: [desk('d1', ['a'])] });
    expect(serviceAvailability(c, service('a'), TUESDAY_NOON)).toBe('open');
    expect(serviceAvailability(c, service('b'), TUESDAY_NOON)).toBe('unserved');
  });

  it('shows a served service outside its hours as closed', () => {
    const late = service('a', { hours: WEEKDAYS_9_TO_18 });
    const c = centre({ services: [late], desks: [desk('d1', ['a'])] });
    expect(serviceAvailability(c, late, kyiv('2025-01-14T19:00'))).toBe('closed');
    expect(serviceAvailability(c, late, kyiv('2025-01-18T12:00'))).toBe('closed'); // Saturday
  });

  it('offers a service as open exactly when the kiosk may be issued its ticket', () => {
    const codes = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.subarray(codes),
        fc.subarray(codes),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 13, max: 19 }),
        (served, withHours, hour, day) => {
          const services = codes.map((code) =>
            service(code, withHours.includes(code) ? { hours: WEEKDAYS_9_TO_18 } : {}),
          );
          const c = centre({
            services,
            desks: served.length > 0 ? [desk('d1', served)] : [],
            site: { hours: { ...WEEKDAYS_9_TO_18, 6: [{ from: '10:00', to: '15:00' }] } },
          });
          const at = kyiv(`2025-01-${day}T${String(hour).padStart(2, '0')}:30`);
          for (const entry of services) {
            const decision = decide(c, emptyState(), {
              type: 'issue-ticket',
              ticketId: ticketId(`t-${entry.code}`),
              serviceCode: serviceCode(entry.code),
              source: 'kiosk',
              at,
              actor: KIOSK,
            });
            expect(serviceAvailability(c, entry, at) === 'open').toBe(decision.ok);
          }
        },
      ),
    );
  });
});
