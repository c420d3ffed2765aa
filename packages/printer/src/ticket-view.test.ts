/** A ticket view built from the demo centre: names in the visitor's language. */
import {
  DEMO_CENTRE,
  type Language,
  instant,
  serviceCode,
  serviceDay,
  ticketId,
  type Ticket,
} from '@queue/core';
import { describe, expect, it } from 'vitest';
import { layoutTicket } from './layout';
import { resolveTemplate } from './template';
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

  it('with no desk for the service open, the wait line says so instead of a call soon', () => {
    const waitLine = (capacity: number, language: Language): string[] =>
      layoutTicket(
        buildTicketView({
          centre: DEMO_CENTRE,
          ticket,
          estimate: { ahead: 0, lowMinutes: 0, highMinutes: 0, capacity },
          language,
        }),
        resolveTemplate({ blocks: ['wait'] }),
      ).flatMap((block) => (block.kind === 'text' ? [block.text] : []));
    expect(waitLine(0, 'en')).toEqual(['No desk for this service is open right now']);
    expect(waitLine(0, 'uk')).toEqual(['Зараз не працює жодне вікно з цієї послуги']);
    expect(waitLine(0, 'ru')).toEqual(['Сейчас не работает ни одно окно по этой услуге']);
    expect(waitLine(1, 'en')).toEqual(['You will be called shortly']);
  });
});
