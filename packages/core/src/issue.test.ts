import { describe, expect, it } from 'vitest';
import { isOpenAt } from './calendar';
import { deskWeightFor, findService } from './centre';
import { DEMO_CENTRE } from './demo-centre';
import { serviceCode, ticketId } from './ids';
import type { TicketSource } from './ticket';
import { type CommandInput, KIOSK, Scenario, centre, desk, kyiv, service } from './testing';
import { ticketCount } from './state';

const MONDAY = '2025-01-13';
const TUESDAY = '2025-01-14';

type IssueInput = Extract<CommandInput, { readonly type: 'issue-ticket' }>;

const issue = (id: string, code: string, source: TicketSource = 'kiosk'): IssueInput => ({
  type: 'issue-ticket',
  ticketId: ticketId(id),
  serviceCode: serviceCode(code),
  source,
});

const demoAt = (local: string): Scenario => new Scenario(DEMO_CENTRE, kyiv(local));

describe('issuing a ticket', () => {
  it('creates a waiting ticket stamped with the local service day', () => {
    // 00:30 on Tuesday in Kyiv is still Monday (22:30) in UTC; an all-day centre is open then.
    const allDay = centre({ services: [service('a')], desks: [desk('d1', ['a'])] });
    const s = new Scenario(allDay, kyiv(`${TUESDAY}T00:30`));
    expect(new Date(s.now).toISOString().slice(0, 10)).toBe(MONDAY);
    const events = s.do({
      ...issue('t1', 'a', 'reception'),
      priority: { category: 'pregnancy', confirmed: false },
      note: 'wheelchair',
    });
    expect(events.map((event) => event.type)).toEqual(['day:started', 'ticket:issued']);
    expect(events[1]).toMatchObject({ actor: KIOSK, at: s.now });
    expect(s.ticket('t1')).toEqual({
      id: 't1',
      number: 'A-001',
      prefix: 'A',
      sequence: 1,
      serviceDay: TUESDAY,
      source: 'reception',
      serviceCode: 'a',
      issuedAt: s.now,
      queuedAt: s.now,
      status: 'waiting',
      itinerary: [],
      callCount: 0,
      priority: { category: 'pregnancy', confirmed: false },
      note: 'wheelchair',
    });
  });

  it('refuses a kiosk ticket for a reception-only service, which reception may issue', () => {
    const s = demoAt(`${MONDAY}T10:00`);
    expect(findService(DEMO_CENTRE, serviceCode('priority-any'))?.onKiosk).toBe(false);
    expect(s.refused(issue('t1', 'priority-any', 'kiosk'))).toBe('NOT_ON_KIOSK');
    s.do(issue('t1', 'priority-any', 'reception'));
    expect(s.ticket('t1').number).toBe('Х-001');
    s.do(issue('t2', 'priority-any', 'desk'));
    expect(s.ticket('t2').source).toBe('desk');
  });

  it.each([
    [`${MONDAY}T07:59`, 'SITE_CLOSED'],
    [`${MONDAY}T08:00`, null],
    [`${MONDAY}T20:59`, null],
    [`${MONDAY}T21:00`, 'SITE_CLOSED'],
    ['2025-01-18T08:59', 'SITE_CLOSED'], // Saturday
    ['2025-01-18T09:00', null],
    ['2025-01-19T17:00', 'SITE_CLOSED'], // Sunday
  ])('at %s local: %s', (local, expected) => {
    const s = demoAt(local);
    const decision = s.attempt(issue('t1', 'bill-payment'));
    expect(decision.ok ? null : decision.error.code).toBe(expected);
  });

  it('refuses a service outside its own hours: the police officer on Monday', () => {
    const monday = demoAt(`${MONDAY}T10:00`);
    expect(monday.refused(issue('t1', 'police-officer'))).toBe('SERVICE_CLOSED');
    // Other services are open at the same time.
    monday.do(issue('t2', 'bill-payment'));
    const tuesday = demoAt(`${TUESDAY}T10:00`);
    tuesday.do(issue('t1', 'police-officer'));
    expect(tuesday.ticket('t1').number).toBe('М-001');
    // The site being closed is reported first.
    expect(demoAt(`${MONDAY}T22:00`).refused(issue('t1', 'police-officer'))).toBe('SITE_CLOSED');
  });

  it('refuses on a site holiday', () => {
    const holiday = {
      ...DEMO_CENTRE,
      site: { ...DEMO_CENTRE.site, specialDays: [{ date: MONDAY, hours: [] }] },
    };
    const s = new Scenario(holiday, kyiv(`${MONDAY}T10:00`));
    expect(s.refused(issue('t1', 'bill-payment'))).toBe('SITE_CLOSED');
  });

  it('stops at the daily limit of a service and starts again the next day', () => {
    const limited = centre({
      services: [service('a', { prefix: 'A', dailyLimit: 2 }), service('b', { prefix: 'A' })],
      desks: [desk('d1', ['a', 'b'])],
    });
    const s = new Scenario(limited, kyiv(`${MONDAY}T10:00`));
    s.do(issue('t1', 'a'));
    s.do({ type: 'cancel-ticket', ticketId: ticketId('t1'), reason: 'left' });
    s.do(issue('t2', 'a'));
    // Cancelled tickets still count: the limit is of tickets given out.
    expect(s.refused(issue('t3', 'a'))).toBe('DAILY_LIMIT_REACHED');
    // Another service with the same letter is not limited.
    s.do(issue('t3', 'b'));
    expect(s.ticket('t3').number).toBe('A-003');
    s.setTime(kyiv(`${TUESDAY}T00:01`));
    s.do(issue('t4', 'a'));
    expect(s.ticket('t4').number).toBe('A-001');
  });

  it('refuses a service no desk serves', () => {
    const orphan = centre({ services: [service('a'), service('lonely')], desks: [desk('d1', ['a'])] });
    const s = new Scenario(orphan, kyiv(`${MONDAY}T10:00`));
    expect(s.refused(issue('t1', 'lonely'))).toBe('NO_DESK_FOR_SERVICE');
    const zeroWeight = centre({ services: [service('a')], desks: [desk('d1', { a: 0 })] });
    expect(new Scenario(zeroWeight, kyiv(`${MONDAY}T10:00`)).refused(issue('t1', 'a'))).toBe(
      'NO_DESK_FOR_SERVICE',
    );
  });

  it('refuses an unknown service and a ticket id already taken', () => {
    const s = demoAt(`${MONDAY}T10:00`);
    expect(s.refused(issue('t1', 'no-such-service'))).toBe('UNKNOWN_SERVICE');
    s.do(issue('t1', 'bill-payment'));
    expect(s.refused(issue('t1', 'bill-payment'))).toBe('DUPLICATE_TICKET');
  });
});

describe('the demo centre', () => {
  const services = DEMO_CENTRE.services;
  const desks = DEMO_CENTRE.desks;

  it('has 40 services and 13 desks with unique codes, ids and numbers', () => {
    expect(services).toHaveLength(40);
    expect(desks).toHaveLength(13);
    expect(new Set(services.map((entry) => entry.code)).size).toBe(40);
    expect(new Set(desks.map((entry) => entry.id)).size).toBe(13);
    expect(new Set(desks.map((entry) => entry.number)).size).toBe(13);
  });

  it('serves every kiosk service (indeed every service) at some desk', () => {
    const kioskServices = services.filter((entry) => entry.onKiosk);
    expect(kioskServices.length).toBeGreaterThan(30);
    for (const entry of services) {
      const servedBy = desks.filter((candidate) => deskWeightFor(candidate, entry.code) > 0);
      expect(servedBy.length, entry.code).toBeGreaterThan(0);
    }
  });

  it('refers only to services, organisations and categories it defines', () => {
    const organisations = new Set(DEMO_CENTRE.organisations.map((entry) => entry.id));
    const categories = new Set(DEMO_CENTRE.categories.map((entry) => entry.id));
    for (const entry of services) {
      expect(organisations.has(entry.organisationId), entry.code).toBe(true);
      expect(categories.has(entry.categoryId), entry.code).toBe(true);
      expect(entry.prefix).toMatch(/^\p{Lu}$/u);
      expect(entry.expectedMinutes).toBeGreaterThan(0);
      for (const language of ['uk', 'ru', 'en'] as const)
        expect(entry.name[language].length).toBeGreaterThan(0);
    }
    for (const entry of desks) {
      expect(organisations.has(entry.organisationId), entry.id).toBe(true);
      for (const served of entry.services) {
        expect(findService(DEMO_CENTRE, served.code), `${entry.id} → ${served.code}`).toBeDefined();
        expect(served.weight).toBeGreaterThan(0);
      }
    }
  });

  it('keeps the site in Kyiv with its weekday and weekend hours', () => {
    expect(DEMO_CENTRE.site.timeZone).toBe('Europe/Kyiv');
    expect(DEMO_CENTRE.site.hours[1]).toEqual([{ from: '08:00', to: '21:00' }]);
    expect(DEMO_CENTRE.site.hours[7]).toEqual([{ from: '09:00', to: '17:00' }]);
    expect(DEMO_CENTRE.policy.maxPriorityStreak).toBe(2);
  });

  it('can issue every kiosk service from a kiosk on a Tuesday morning', () => {
    const s = demoAt(`${TUESDAY}T10:00`);
    services
      .filter((entry) => entry.onKiosk)
      .forEach((entry, index) => {
        expect(isOpenAt(DEMO_CENTRE.site, entry.hours, s.now)).toBe(true);
        s.do(issue(`t${index}`, entry.code));
      });
    expect(ticketCount(s.state)).toBe(services.filter((entry) => entry.onKiosk).length);
  });
});
