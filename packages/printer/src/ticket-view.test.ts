/** A ticket view built from the demo centre: names in the visitor's language. */
import { DEMO_CENTRE, instant, serviceCode, serviceDay, ticketId, type Ticket } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { buildTicketView } from './ticket-view';

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
  priority: { category: 'veteran', confirmed: false },
  itinerary: [],
  callCount: 0,
};
const estimate = { ahead: 2, lowMinutes: 10, highMinutes: 30 };

describe('buildTicketView', () => {
  it('resolves the service, organisation and centre in the chosen language', () => {
    const view = buildTicketView({
      centre: DEMO_CENTRE,
      ticket,
      estimate,
      language: 'uk',
      statusUrl: 'https://q/t/t-1',
    });
    expect(view).toMatchObject({
      language: 'uk',
      number: 'П-005',
      serviceName: 'Реєстрація місця проживання',
      organisationName: 'Паспортний стіл',
      centreName: DEMO_CENTRE.site.name.uk,
      timeZone: 'Europe/Kyiv',
      ahead: 2,
      priority: { category: 'veteran', confirmed: false },
      statusUrl: 'https://q/t/t-1',
    });
    expect(buildTicketView({ centre: DEMO_CENTRE, ticket, estimate, language: 'en' }).serviceName).toBe(
      'Registration of residence',
    );
  });

  it('leaves out what the ticket does not have', () => {
    const { priority: _priority, ...plain } = ticket;
    const view = buildTicketView({ centre: DEMO_CENTRE, ticket: plain, estimate, language: 'ru' });
    expect(view.priority).toBeUndefined();
    expect(view.statusUrl).toBeUndefined();
    expect(view.appointmentAt).toBeUndefined();
  });
});
