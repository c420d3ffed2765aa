import { deskId, serviceCode } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { centre, ticketOf } from './fixtures';
import { hasMoreSteps, itineraryOf } from './itinerary';

describe('itinerary display', () => {
  it('lists the current service, then the services still ahead in order', () => {
    const ticket = ticketOf({
      serviceCode: serviceCode('bill-reconcile'),
      itinerary: [serviceCode('doc-residence'), serviceCode('ben-subsidy')],
    });
    const steps = itineraryOf(ticket, centre);
    expect(steps.map((entry) => [entry.kind, entry.code])).toEqual([
      ['current', 'bill-reconcile'],
      ['next', 'doc-residence'],
      ['next', 'ben-subsidy'],
    ]);
    expect(steps[1]?.name?.uk).toBe('Реєстрація місця проживання');
    expect(hasMoreSteps(ticket)).toBe(true);
  });

  it('puts the return to the asking desk before the rest of the route', () => {
    const ticket = ticketOf({
      serviceCode: serviceCode('ben-subsidy'),
      itinerary: [serviceCode('doc-residence')],
      returnTo: { serviceCode: serviceCode('bill-reconcile'), deskId: deskId('desk-1') },
    });
    const steps = itineraryOf(ticket, centre);
    expect(steps.map((entry) => entry.kind)).toEqual(['current', 'return', 'next']);
    expect(steps[1]?.deskName?.uk).toBe('Вікно 1');
  });

  it('shows a single-service visit as one step, and unknown services by code', () => {
    expect(hasMoreSteps(ticketOf())).toBe(false);
    const steps = itineraryOf(ticketOf({ itinerary: [serviceCode('gone')] }), centre);
    expect(steps[1]).toEqual({ kind: 'next', code: 'gone' });
  });
});
