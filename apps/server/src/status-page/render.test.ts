import { DEMO_CENTRE, instant, serviceCode, serviceDay, ticketId, type Ticket } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { renderTicketBody } from './render';

const ticket: Ticket = {
  id: ticketId('t-1'),
  number: 'П-005',
  prefix: 'П',
  sequence: 5,
  serviceDay: serviceDay('2026-11-23'),
  source: 'kiosk',
  serviceCode: serviceCode('bill-reconcile'),
  issuedAt: instant(Date.UTC(2026, 10, 23, 8, 5)),
  queuedAt: instant(Date.UTC(2026, 10, 23, 8, 5)),
  status: 'waiting',
  itinerary: [],
  callCount: 0,
};
const nobodyAhead = { ahead: 0, lowMinutes: 0, highMinutes: 0, expectedMinutes: 0 };

describe('the status page wait line', () => {
  it('says no desk is open rather than a call soon when none serving the service is open', () => {
    const body = (capacity: number, language: 'uk' | 'ru' | 'en') =>
      renderTicketBody(DEMO_CENTRE, ticket, { ...nobodyAhead, capacity }, language, false);
    expect(body(0, 'en')).toContain('No desk for this service is open right now');
    expect(body(0, 'en')).not.toContain('shortly');
    expect(body(0, 'uk')).toContain('Зараз не працює жодне вікно з цієї послуги');
    expect(body(0, 'ru')).toContain('Сейчас не работает ни одно окно по этой услуге');
    expect(body(1, 'en')).toContain('You will be called shortly');
  });
});
