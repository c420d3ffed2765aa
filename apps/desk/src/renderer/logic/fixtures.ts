/** Tickets and a small queue for the unit tests of the view logic. */
import {
  DEMO_CENTRE,
  type QueueState,
  type Ticket,
  emptyState,
  instant,
  serviceCode,
  serviceDay,
  ticketId,
  ticketTableOf,
} from '@queue/core';

export const centre = DEMO_CENTRE;

/** 10:00 in Kyiv on a Tuesday. */
export const T0 = Date.parse('2026-11-24T10:00:00+02:00');

let sequence = 0;

export const ticketOf = (overrides: Partial<Ticket> = {}): Ticket => {
  sequence += 1;
  return {
    id: ticketId(`ticket-${sequence}`),
    number: `А-${String(sequence).padStart(3, '0')}`,
    prefix: 'А',
    sequence,
    serviceDay: serviceDay('2026-11-24'),
    source: 'kiosk',
    serviceCode: serviceCode('bill-reconcile'),
    issuedAt: instant(T0),
    queuedAt: instant(T0),
    status: 'waiting',
    itinerary: [],
    callCount: 0,
    ...overrides,
  };
};

export const queueOf = (tickets: readonly Ticket[], base: QueueState = emptyState()): QueueState => ({
  ...base,
  serviceDay: serviceDay('2026-11-24'),
  ticketTable: ticketTableOf(tickets),
});
