import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { DEMO_CENTRE } from './demo-centre';
import type { QueueCommand } from './commands';
import type { QueueEvent } from './events';
import { evolveAll } from './evolve';
import { type Instant, addMinutes, deskId, serviceCode, staffId, ticketId } from './ids';
import { type QueueState, emptyState, ticketOf, ticketsOf } from './state';
import { formatTicketNumber, isFinal } from './ticket';
import { KIOSK, KYIV, Scenario, centre, desk, kyiv, localInstant, service, staff } from './testing';

/** Two services share the Cyrillic `А`; a third has its own `Б`. */
const small = centre({
  services: [service('a1', { prefix: 'А' }), service('a2', { prefix: 'А' }), service('b', { prefix: 'Б' })],
  desks: [desk('d1', ['a1', 'a2', 'b']), desk('d2', ['a1', 'b'], 2)],
});

/** The local calendar date, computed independently of calendar.ts. */
const localDate = (at: number): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: KYIV,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));

describe('ticket numbers', () => {
  it('are the prefix, a hyphen and at least three digits', () => {
    expect(formatTicketNumber('А', 23)).toBe('А-023');
    expect(formatTicketNumber('Б', 1)).toBe('Б-001');
    expect(formatTicketNumber('А', 999)).toBe('А-999');
    expect(formatTicketNumber('А', 1234)).toBe('А-1234');
  });

  it('count up from 001 within a day', () => {
    const s = new Scenario(small, kyiv('2025-01-14T09:00'));
    const numbers: string[] = [];
    for (let i = 1; i <= 23; i += 1) {
      numbers.push(s.issue(`t${i}`, 'a1').number);
      s.advance(1);
    }
    expect(numbers[0]).toBe('А-001');
    expect(numbers[9]).toBe('А-010');
    expect(numbers[22]).toBe('А-023');
    expect(s.ticket('t23')).toMatchObject({ prefix: 'А', sequence: 23, serviceDay: '2025-01-14' });
  });

  it('share one sequence between services with the same prefix', () => {
    const s = new Scenario(small, kyiv('2025-01-14T09:00'));
    expect(s.issue('t1', 'a1').number).toBe('А-001');
    expect(s.issue('t2', 'a2').number).toBe('А-002');
    expect(s.issue('t3', 'b').number).toBe('Б-001');
    expect(s.issue('t4', 'a1').number).toBe('А-003');
    expect(s.issue('t5', 'b').number).toBe('Б-002');
    expect(s.state.counters).toEqual({ А: 3, Б: 2 });
    expect(s.state.issuedToday).toEqual({ a1: 2, a2: 1, b: 2 });
  });

  it('share a sequence between demo services with the same letter', () => {
    const s = new Scenario(DEMO_CENTRE, kyiv('2025-01-14T09:00'));
    expect(s.issue('t1', 'bill-reconcile').number).toBe('А-001');
    expect(s.issue('t2', 'bill-payment').number).toBe('А-002');
    expect(s.issue('t3', 'bill-restructure').number).toBe('Р-001');
    expect(s.issue('t4', 'admin-help').number).toBe('Х-001');
    expect(s.issue('t5', 'priority-any', { source: 'reception' }).number).toBe('Х-002');
  });

  it('are not taken back when a visit ends or is transferred', () => {
    const s = new Scenario(small, kyiv('2025-01-14T09:00'));
    s.issue('t1', 'a1');
    s.open('d1');
    s.serveNext('d1');
    s.issue('t2', 'b');
    s.do({ type: 'cancel-ticket', ticketId: ticketId('t2'), reason: 'left' });
    expect(s.issue('t3', 'a2').number).toBe('А-002');
    expect(s.issue('t4', 'b').number).toBe('Б-002');
  });

  it('restart at 001 on a new local day, which starts with day:started', () => {
    const s = new Scenario(small, kyiv('2025-01-14T23:50'));
    s.issue('t1', 'a1');
    s.issue('t2', 'a1');
    s.issue('t3', 'b');
    s.open('d1');
    s.serveNext('d1'); // t1 completed
    s.callNext('d1'); // t2 called, still unfinished
    // Both instants are 14 January in UTC; only the Kyiv day changes.
    s.setTime(kyiv('2025-01-15T00:05'));
    const events = s.do({
      type: 'issue-ticket',
      ticketId: ticketId('n1'),
      serviceCode: serviceCode('a1'),
      source: 'kiosk',
    });
    expect(events.map((event) => event.type)).toEqual(['day:started', 'ticket:issued']);
    const started = events[0];
    if (started?.type !== 'day:started') throw new Error('expected day:started');
    expect(started.serviceDay).toBe('2025-01-15');
    expect(started.actor).toEqual({ kind: 'system' });
    expect(started.at).toBe(kyiv('2025-01-15T00:05'));
    expect([...started.expiredTicketIds].sort()).toEqual(['t2', 't3']);
    expect(s.state.serviceDay).toBe('2025-01-15');
    expect(ticketsOf(s.state).map((ticket) => ticket.id)).toEqual(['n1']);
    expect(s.ticket('n1')).toMatchObject({ number: 'А-001', serviceDay: '2025-01-15' });
    // The desk that was open yesterday is closed for the new day.
    expect(s.desk('d1')).toMatchObject({ status: 'closed', privilegedStreak: 0 });
    expect(s.desk('d1').currentTicketId).toBeUndefined();
    expect(s.issue('n2', 'b').number).toBe('Б-001');
  });

  it('keep counting across UTC midnight when the local day is the same', () => {
    const s = new Scenario(small, kyiv('2025-01-15T01:50')); // 23:50 UTC on the 14th
    s.issue('t1', 'a1');
    s.setTime(kyiv('2025-01-15T02:10')); // 00:10 UTC on the 15th
    const events = s.do({
      type: 'issue-ticket',
      ticketId: ticketId('t2'),
      serviceCode: serviceCode('a1'),
      source: 'kiosk',
    });
    expect(events.map((event) => event.type)).toEqual(['ticket:issued']);
    expect(s.ticket('t2').number).toBe('А-002');
  });

  it('do not start a day when the first command of the day is refused', () => {
    const s = new Scenario(small, kyiv('2025-01-14T20:00'));
    s.issue('t1', 'a1');
    s.setTime(kyiv('2025-01-15T08:00'));
    const decision = s.attempt({ type: 'call-next', deskId: deskId('d1') });
    expect(decision.ok).toBe(false);
    expect(s.state.serviceDay).toBe('2025-01-14');
    expect(ticketOf(s.state, ticketId('t1'))).toBeDefined();
  });

  it('are not reused when a command arrives dated before the current day (clock stepped back)', () => {
    const s = new Scenario(small, kyiv('2025-01-15T00:00'));
    s.issue('t1', 'a1');
    s.issue('t2', 'a1');
    const before = s.state;
    expect(s.refused({ type: 'tick', at: kyiv('2025-01-14T23:59') })).toBe('INVALID_ARGUMENT');
    expect(
      s.refused({
        type: 'issue-ticket',
        at: kyiv('2025-01-14T23:59'),
        ticketId: ticketId('late'),
        serviceCode: serviceCode('a1'),
        source: 'kiosk',
      }),
    ).toBe('INVALID_ARGUMENT');
    expect(s.state).toBe(before);
    s.advance(1);
    expect(s.issue('t3', 'a1').number).toBe('А-003');
  });
});

type Op =
  | { readonly kind: 'issue'; readonly service: 'a1' | 'a2' | 'b'; readonly gap: number }
  | {
      readonly kind: 'desk';
      readonly what: 'open' | 'call' | 'serve' | 'complete';
      readonly desk: 'd1' | 'd2';
      readonly gap: number;
    };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      service: fc.constantFrom('a1' as const, 'a2' as const, 'b' as const),
      gap: fc.integer({ min: -30, max: 180 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('desk' as const),
      what: fc.constantFrom('open' as const, 'call' as const, 'serve' as const, 'complete' as const),
      desk: fc.constantFrom('d1' as const, 'd2' as const),
      gap: fc.integer({ min: -30, max: 180 }),
    }),
  },
);

describe('numbering property', () => {
  it('numbers are unique per (day, prefix), never reused, and restart at 1 each local day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 * 60 }),
        fc.array(opArb, { minLength: 20, maxLength: 60 }),
        (startMinute, ops) => {
          // Start on the Saturday before the spring-forward Sunday, so some runs cross it. Gaps may
          // be negative: the clock sometimes steps back, now and then across midnight.
          let now: Instant = addMinutes(localInstant(KYIV, '2025-03-29T00:00'), startMinute);
          let state: QueueState = emptyState();
          let lastDay: string | undefined;
          let counter = 0;
          /** (day, prefix) -> the sequences issued, in order. */
          const issued = new Map<string, number[]>();
          const seenNumbers = new Set<string>();

          for (const op of ops) {
            now = addMinutes(now, op.gap);
            const desk = deskId(op.kind === 'desk' ? op.desk : 'd1');
            const inHand = state.desks[desk]?.currentTicketId;
            let command: QueueCommand;
            if (op.kind === 'issue') {
              counter += 1;
              command = {
                type: 'issue-ticket',
                at: now,
                actor: KIOSK,
                ticketId: ticketId(`t${counter}`),
                serviceCode: serviceCode(op.service),
                source: 'kiosk',
              };
            } else if (op.what === 'open') {
              command = {
                type: 'open-desk',
                at: now,
                actor: staff(op.desk),
                deskId: desk,
                operatorId: staffId(op.desk),
              };
            } else if (op.what === 'call' || !inHand) {
              command = { type: 'call-next', at: now, actor: staff(op.desk), deskId: desk };
            } else if (op.what === 'serve') {
              command = {
                type: 'start-serving',
                at: now,
                actor: staff(op.desk),
                deskId: desk,
                ticketId: inHand,
              };
            } else {
              command = { type: 'complete', at: now, actor: staff(op.desk), deskId: desk, ticketId: inHand };
            }

            const decision = decide(small, state, command);
            if (!decision.ok) continue;
            const events: readonly QueueEvent[] = decision.value;
            const day = localDate(now);

            // A day:started comes first exactly when the local day changes.
            const started = events.filter((event) => event.type === 'day:started');
            if (day !== lastDay) {
              expect(started).toHaveLength(1);
              const first = events[0];
              if (first?.type !== 'day:started') throw new Error('day:started must come first');
              expect(first.serviceDay).toBe(day);
              const unfinished = ticketsOf(state)
                .filter((ticket) => !isFinal(ticket))
                .map((ticket) => ticket.id)
                .sort();
              expect([...first.expiredTicketIds].sort()).toEqual(unfinished);
            } else {
              expect(started).toHaveLength(0);
            }

            state = evolveAll(state, events);
            lastDay = day;
            expect(state.serviceDay).toBe(day);
            // Yesterday's tickets are gone.
            for (const ticket of ticketsOf(state)) expect(ticket.serviceDay).toBe(day);

            for (const event of events) {
              if (event.type !== 'ticket:issued') continue;
              const { ticket } = event;
              const svc = small.services.find((entry) => entry.code === ticket.serviceCode);
              expect(ticket.prefix).toBe(svc?.prefix);
              expect(ticket.serviceDay).toBe(day);
              expect(ticket.number).toMatch(/^[АБ]-\d{3,}$/);
              expect(ticket.number).toBe(formatTicketNumber(ticket.prefix, ticket.sequence));
              const key = `${day}/${ticket.prefix}`;
              expect(seenNumbers.has(`${day}/${ticket.number}`)).toBe(false);
              seenNumbers.add(`${day}/${ticket.number}`);
              const sequences = issued.get(key) ?? [];
              sequences.push(ticket.sequence);
              issued.set(key, sequences);
            }
          }

          // Per (day, prefix) the sequences are exactly 1, 2, 3, … in issue order.
          for (const sequences of issued.values()) {
            expect(sequences).toEqual(sequences.map((_, index) => index + 1));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
