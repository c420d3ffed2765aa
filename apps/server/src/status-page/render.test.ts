import { DEMO_CENTRE, instant, serviceCode, serviceDay, ticketId, type Ticket } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { STATUS_MESSAGES } from './messages';
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
/** Monday 23 November 2026 in Kyiv: 10:05 (open), 20:30 (half an hour before closing), 21:30 (closed). */
const MORNING = instant(Date.UTC(2026, 10, 23, 8, 5));
const EVENING = instant(Date.UTC(2026, 10, 23, 18, 30));
const AFTER_CLOSING = instant(Date.UTC(2026, 10, 23, 19, 30));
const CLOSING = instant(Date.UTC(2026, 10, 23, 19, 0));

describe('the status page wait line', () => {
  it('says no desk is open rather than a call soon when none serving the service is open', () => {
    const body = (capacity: number, language: 'uk' | 'ru' | 'en') =>
      renderTicketBody(DEMO_CENTRE, ticket, { ...nobodyAhead, capacity }, language, false, MORNING);
    expect(body(0, 'en')).toContain('No desk for this service is open right now');
    expect(body(0, 'en')).not.toContain('shortly');
    expect(body(0, 'uk')).toContain('Зараз не працює жодне вікно з цієї послуги');
    expect(body(0, 'ru')).toContain('Сейчас не работает ни одно окно по этой услуге');
    expect(body(1, 'en')).toContain('You will be called shortly');
  });

  it('says the service has closed for today instead of any wait after closing time', () => {
    const estimate = { ...nobodyAhead, capacity: 1 };
    for (const language of ['uk', 'ru', 'en'] as const) {
      const body = renderTicketBody(DEMO_CENTRE, ticket, estimate, language, false, AFTER_CLOSING);
      expect(body).toContain(STATUS_MESSAGES[language].closedForToday);
      expect(body).not.toContain(STATUS_MESSAGES[language].waitSoon);
    }
    const english = renderTicketBody(DEMO_CENTRE, ticket, estimate, 'en', false, AFTER_CLOSING);
    expect(english).toContain('This service has closed for today');
    expect(english).not.toContain('shortly');
    expect(renderTicketBody(DEMO_CENTRE, ticket, estimate, 'uk', false, AFTER_CLOSING)).toContain(
      'Послуга на сьогодні завершила роботу',
    );
  });

  it('warns when the wait may run past closing time', () => {
    const late = { ...nobodyAhead, lowMinutes: 30, highMinutes: 50, capacity: 1, closesBefore: CLOSING };
    const english = renderTicketBody(DEMO_CENTRE, ticket, late, 'en', false, EVENING);
    expect(english).toContain('Wait: 30–50 min');
    expect(english).toContain('The wait may run past closing time (21:00)');
    const { closesBefore: _unused, ...calmEstimate } = late;
    const calm = renderTicketBody(DEMO_CENTRE, ticket, calmEstimate, 'en', false, EVENING);
    expect(calm).not.toContain('closing time');
  });
});

describe('the status page rating and language links', () => {
  const done: Ticket = { ...ticket, status: 'completed' };

  it('asks with five star radios, each named as a score out of five in the page’s language', () => {
    const body = renderTicketBody(DEMO_CENTRE, done, undefined, 'uk', false, MORNING);
    const radios = body.match(/<input type="radio" name="score" value="\d" required>/g) ?? [];
    expect(radios).toHaveLength(5);
    for (const score of [1, 2, 3, 4, 5]) expect(body).toContain(`>${score} з 5</span>`);
    expect(body).toContain('role="radiogroup"');
    expect(renderTicketBody(DEMO_CENTRE, done, undefined, 'en', false, MORNING)).toContain('>4 of 5</span>');
    // Rated already: thanks, and no form.
    expect(renderTicketBody(DEMO_CENTRE, done, undefined, 'uk', true, MORNING)).not.toContain('type="radio"');
  });

  it('names each other language in itself', () => {
    const body = renderTicketBody(DEMO_CENTRE, ticket, undefined, 'uk', false, MORNING);
    expect(body).toContain('<a href="?lang=ru" lang="ru" hreflang="ru">Русский</a>');
    expect(body).toContain('<a href="?lang=en" lang="en" hreflang="en">English</a>');
    expect(body).not.toContain('?lang=uk');
  });
});
