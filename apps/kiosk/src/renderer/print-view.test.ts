/**
 * The ticket the kiosk sends its own printer (through the shell) carries what the server's
 * ticket view carries, so a ticket printed by the kiosk reads as one the server printed:
 * in particular that no desk is open, instead of "you will be called shortly".
 */
import { DEMO_CENTRE, type Ticket, instant, serviceCode, serviceDay, ticketId } from '@queue/core';
import { buildTicketView } from '@queue/printer';
import type { IssuedTicket } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { ticketPrintView } from './print-view';

const ticket: Ticket = {
  id: ticketId('t-1'),
  number: 'П-005',
  prefix: 'П',
  sequence: 5,
  serviceDay: serviceDay('2026-11-23'),
  source: 'kiosk',
  serviceCode: serviceCode('doc-residence'),
  issuedAt: instant(Date.UTC(2026, 10, 23, 12, 5)),
  queuedAt: instant(Date.UTC(2026, 10, 23, 12, 5)),
  status: 'waiting',
  itinerary: [],
  callCount: 0,
};

const issued = (capacity: number): IssuedTicket => ({
  ticket,
  estimate: { ahead: 0, lowMinutes: 0, highMinutes: 0, expectedMinutes: 0, capacity },
  statusPath: '/t/t-1',
});

describe('ticketPrintView', () => {
  it.each([0, 1])('is the server ticket view (desks open: %i)', (capacity) => {
    const url = 'https://q.example/t/t-1';
    const view = ticketPrintView(DEMO_CENTRE, issued(capacity), 'uk', url);
    const { estimate } = issued(capacity);
    expect(view).toEqual(
      buildTicketView({ centre: DEMO_CENTRE, ticket, estimate, language: 'uk', statusUrl: url }),
    );
    expect(view.noDeskOpen).toBe(capacity === 0 ? true : undefined);
  });
});
