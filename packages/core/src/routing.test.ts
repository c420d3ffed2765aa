import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Centre, Desk } from './centre';
import { findDesk } from './centre';
import type { QueueCommand } from './commands';
import { decide } from './decide';
import type { QueueEvent } from './events';
import { evolveAll } from './evolve';
import { type Instant, addMinutes, deskId, serviceCode, staffId, ticketId } from './ids';
import { type DeskState, type QueueState, deskStateOf, emptyState, ticketOf, ticketsOf } from './state';
import { type PriorityClaim, type Ticket, isCallable } from './ticket';
import { KIOSK, Scenario, centre, desk, kyiv, service, staff } from './testing';

const START = kyiv('2025-01-14T09:00');
const d1 = deskId('d1');
const VETERAN: PriorityClaim = { category: 'veteran', confirmed: true };

const oneService = (maxPriorityStreak = 2, desks = 1): Centre =>
  centre({
    services: [service('w', { prefix: 'W' })],
    desks: Array.from({ length: desks }, (_, index) => desk(`d${index + 1}`, ['w'], index + 1)),
    policy: { maxPriorityStreak },
  });

const calledIn = (s: Scenario, desk: string, count: number): string[] =>
  Array.from({ length: count }, () => {
    const id = s.serveNext(desk);
    s.advance(1);
    return id;
  });

describe('priority and the streak limit', () => {
  it('calls a priority visitor before an earlier walk-in', () => {
    const s = new Scenario(oneService(), START);
    s.issue('w1', 'w');
    s.advance(5);
    s.issue('p1', 'w', { priority: VETERAN, source: 'reception' });
    s.open('d1');
    const events = s.do({ type: 'call-next', deskId: d1 });
    expect(events[0]).toMatchObject({ type: 'ticket:called', ticketId: 'p1', privileged: true });
    expect(s.desk('d1').privilegedStreak).toBe(1);
  });

  it('lets a waiting walk-in in after two privileged calls in a row', () => {
    const s = new Scenario(oneService(), START);
    s.issue('w1', 'w');
    s.issue('w2', 'w');
    for (let i = 1; i <= 6; i += 1) s.issue(`p${i}`, 'w', { priority: VETERAN });
    s.open('d1');
    expect(calledIn(s, 'd1', 8)).toEqual(['p1', 'p2', 'w1', 'p3', 'p4', 'w2', 'p5', 'p6']);
    const called = s.log.filter((event) => event.type === 'ticket:called');
    expect(called.map((event) => event.type === 'ticket:called' && event.privileged)).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
    ]);
    expect(s.desk('d1').privilegedStreak).toBe(2);
  });

  it('follows the configured streak', () => {
    const s = new Scenario(oneService(1), START);
    s.issue('w1', 'w');
    s.issue('w2', 'w');
    for (let i = 1; i <= 3; i += 1) s.issue(`p${i}`, 'w', { priority: VETERAN });
    s.open('d1');
    expect(calledIn(s, 'd1', 5)).toEqual(['p1', 'w1', 'p2', 'w2', 'p3']);
  });

  it('calls privileged visitors back to back when no walk-in waits', () => {
    const s = new Scenario(oneService(), START);
    for (let i = 1; i <= 4; i += 1) s.issue(`p${i}`, 'w', { priority: VETERAN });
    s.open('d1');
    expect(calledIn(s, 'd1', 3)).toEqual(['p1', 'p2', 'p3']);
    expect(s.desk('d1').privilegedStreak).toBe(3);
    // A walk-in who arrives now goes first.
    s.issue('w1', 'w');
    expect(calledIn(s, 'd1', 2)).toEqual(['w1', 'p4']);
  });

  it('counts the streak per desk and forgets it when the desk closes', () => {
    const s = new Scenario(oneService(2, 2), START);
    s.issue('w1', 'w');
    for (let i = 1; i <= 4; i += 1) s.issue(`p${i}`, 'w', { priority: VETERAN });
    s.open('d1').open('d2');
    expect(calledIn(s, 'd1', 2)).toEqual(['p1', 'p2']);
    expect(calledIn(s, 'd2', 1)).toEqual(['p3']);
    s.do({ type: 'close-desk', deskId: d1 });
    expect(s.desk('d1').privilegedStreak).toBe(0);
    s.open('d1');
    expect(calledIn(s, 'd1', 1)).toEqual(['p4']);
  });
});

describe('booked visits', () => {
  const booked = (s: Scenario, id: string, slot: string): Ticket =>
    s.issue(id, 'w', { source: 'booking', appointmentAt: kyiv(`2025-01-14T${slot}`) });

  it('go before walk-ins once due', () => {
    const s = new Scenario(oneService(), START);
    s.issue('w1', 'w');
    s.advance(5);
    booked(s, 'b1', '09:10');
    s.open('d1');
    s.setTime(kyiv('2025-01-14T09:10'));
    const events = s.do({ type: 'call-next', deskId: d1 });
    expect(events[0]).toMatchObject({ ticketId: 'b1', privileged: true });
  });

  it('do not go before walk-ins while their slot is further ahead than a walk-in’s visit', () => {
    const s = new Scenario(oneService(), START);
    s.issue('w1', 'w');
    s.advance(5);
    booked(s, 'b1', '09:20');
    s.open('d1');
    // The walk-in's 10-minute visit ends at 09:16, before the slot.
    s.setTime(kyiv('2025-01-14T09:06'));
    const events = s.do({ type: 'call-next', deskId: d1 });
    expect(events[0]).toMatchObject({ ticketId: 'w1', privileged: false });
  });

  it('change places with a walk-in whose typical visit would run past their slot', () => {
    const s = new Scenario(oneService(), START);
    s.issue('w1', 'w');
    s.advance(5);
    booked(s, 'b1', '09:10');
    s.open('d1');
    // Calling w1 at 09:06 would keep b1 waiting until about 09:16; b1 goes now, w1 next.
    s.setTime(kyiv('2025-01-14T09:06'));
    const events = s.do({ type: 'call-next', deskId: d1 });
    expect(events[0]).toMatchObject({ ticketId: 'b1', privileged: true });
    s.start('d1', 'b1').complete('d1', 'b1');
    expect(s.callNext('d1')).toBe('w1');
  });

  it('let a walk-in whose visit ends before their slot go first, and use the visit length learned today', () => {
    const two = centre({
      services: [service('w'), service('q', { expectedMinutes: 3 })],
      desks: [desk('d1', ['w', 'q'])],
    });
    const quick = new Scenario(two, START);
    quick.issue('q1', 'q');
    quick.advance(5);
    quick.issue('b1', 'w', { source: 'booking', appointmentAt: kyiv('2025-01-14T09:10') });
    quick.open('d1');
    quick.setTime(kyiv('2025-01-14T09:06'));
    expect(quick.callNext('d1')).toBe('q1');

    // The same quick service, learned today to take 8 minutes: it would run past the slot.
    const learned = new Scenario(two, START);
    learned.state = {
      ...learned.state,
      stats: { [serviceCode('q')]: { meanServiceMinutes: 8, samples: 20 } } as QueueState['stats'],
    };
    learned.issue('q1', 'q');
    learned.advance(5);
    learned.issue('b1', 'w', { source: 'booking', appointmentAt: kyiv('2025-01-14T09:10') });
    learned.open('d1');
    learned.setTime(kyiv('2025-01-14T09:06'));
    expect(learned.callNext('d1')).toBe('b1');
  });

  it('change places within the streak bound: a walk-in still goes after the streak', () => {
    const s = new Scenario(oneService(2), START);
    s.issue('w1', 'w');
    for (let i = 1; i <= 2; i += 1) s.issue(`p${i}`, 'w', { priority: VETERAN, source: 'reception' });
    booked(s, 'b1', '09:05');
    s.open('d1');
    // Two priority calls spend the streak; the early booking does not pass w1 now.
    expect([s.serveNext('d1'), s.serveNext('d1'), s.callNext('d1')]).toEqual(['p1', 'p2', 'w1']);
  });

  it('count as due the policy’s lead time before the slot', () => {
    const lead = centre({
      services: [service('w')],
      desks: [desk('d1', ['w'])],
      policy: { appointmentLeadMinutes: 5 },
    });
    const s = new Scenario(lead, START);
    s.issue('w1', 'w');
    s.advance(1);
    booked(s, 'b1', '09:10');
    s.open('d1');
    s.setTime(kyiv('2025-01-14T09:05'));
    expect(s.callNext('d1')).toBe('b1');
  });

  it('go before priority visitors once as many of those were called in a row as the streak allows', () => {
    const s = new Scenario(oneService(2), START);
    booked(s, 'b1', '09:10');
    booked(s, 'b2', '09:12');
    for (let i = 1; i <= 6; i += 1) s.issue(`p${i}`, 'w', { priority: VETERAN, source: 'reception' });
    s.setTime(kyiv('2025-01-14T09:15'));
    s.open('d1');
    expect(calledIn(s, 'd1', 8)).toEqual(['p1', 'p2', 'b1', 'p3', 'p4', 'b2', 'p5', 'p6']);
    expect(s.desk('d1').priorityStreak).toBe(2);
  });

  it('wait behind at most the streak of priority calls each, however many priority visitors come', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 20 }),
        (streak, bookings, priorityVisitors) => {
          const s = new Scenario(oneService(streak), START);
          for (let i = 0; i < bookings; i += 1) booked(s, `b${i}`, `09:${String(10 + i).padStart(2, '0')}`);
          for (let i = 0; i < priorityVisitors; i += 1) s.issue(`p${i}`, 'w', { priority: VETERAN });
          s.setTime(kyiv('2025-01-14T09:30'));
          s.open('d1');
          const order = calledIn(s, 'd1', bookings + priorityVisitors);
          // The n-th booking (from 0) is called by call (n + 1) × (streak + 1).
          return Array.from({ length: bookings }, (_, n) => order.indexOf(`b${n}`)).every(
            (position, n) => position >= 0 && position < (n + 1) * (streak + 1),
          );
        },
      ),
    );
  });

  it('come after priority visitors, in slot order', () => {
    const s = new Scenario(oneService(5), START);
    booked(s, 'b-late', '09:20');
    booked(s, 'b-early', '09:15');
    s.issue('p1', 'w', { priority: VETERAN });
    s.setTime(kyiv('2025-01-14T09:30'));
    s.open('d1');
    expect(calledIn(s, 'd1', 3)).toEqual(['p1', 'b-early', 'b-late']);
  });
});

describe('weights and waiting standards', () => {
  const weighted = centre({
    services: [service('a', { prefix: 'A' }), service('b', { prefix: 'B' })],
    desks: [desk('d1', { a: 3, b: 1 })],
  });

  it('prefers the heavier service when waits are equal', () => {
    const s = new Scenario(weighted, START);
    s.issue('b1', 'b');
    s.issue('a1', 'a');
    s.advance(5).open('d1');
    expect(s.callNext('d1')).toBe('a1');
  });

  it('lets a heavier service overtake a modest wait', () => {
    const s = new Scenario(weighted, START);
    s.issue('b1', 'b');
    s.advance(5);
    s.issue('a1', 'a');
    s.advance(5).open('d1');
    // b: 1 × (10 + 1) / 15 against a: 3 × (5 + 1) / 15.
    expect(s.callNext('d1')).toBe('a1');
  });

  it('calls a ticket far past its standard before a fresher one of a heavier service', () => {
    const s = new Scenario(weighted, START);
    s.issue('b1', 'b');
    s.setTime(kyiv('2025-01-14T09:59'));
    s.issue('a1', 'a');
    s.advance(1).open('d1');
    expect(s.callNext('d1')).toBe('b1');
  });

  it('favours the service with the shorter waiting standard at equal weight and wait', () => {
    const standards = centre({
      services: [
        service('slow', { waitingStandardMinutes: 30 }),
        service('fast', { waitingStandardMinutes: 5 }),
      ],
      desks: [desk('d1', ['slow', 'fast'])],
    });
    const s = new Scenario(standards, START);
    s.issue('slow1', 'slow');
    s.issue('fast1', 'fast');
    s.advance(3).open('d1');
    expect(s.callNext('d1')).toBe('fast1');
  });

  it('breaks ties by arrival', () => {
    const s = new Scenario(oneService(), START);
    s.issue('w1', 'w');
    s.issue('w2', 'w');
    s.issue('w3', 'w');
    s.open('d1');
    expect(calledIn(s, 'd1', 3)).toEqual(['w1', 'w2', 'w3']);
  });

  it('offers a desk only its own services', () => {
    const split = centre({
      services: [service('a', { prefix: 'A' }), service('b', { prefix: 'B' })],
      desks: [desk('d1', ['a']), desk('d2', ['b'], 2)],
    });
    const s = new Scenario(split, START);
    s.issue('a1', 'a');
    s.open('d2');
    expect(s.refused({ type: 'call-next', deskId: deskId('d2') })).toBe('QUEUE_EMPTY');
    expect(
      s.refused({ type: 'call-ticket', deskId: deskId('d2'), ticketId: ticketId('a1'), reason: 'x' }),
    ).toBe('NOT_ELIGIBLE');
  });
});

describe('calling out of order and paused desks', () => {
  it('records the reason of an out-of-order call in the event', () => {
    const s = new Scenario(oneService(), START);
    s.issue('w1', 'w');
    s.issue('w2', 'w');
    s.issue('p1', 'w', { priority: VETERAN });
    s.open('d1');
    const events = s.do({
      type: 'call-ticket',
      deskId: d1,
      ticketId: ticketId('w2'),
      reason: 'documents ready',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ticket:called',
      ticketId: 'w2',
      number: 'W-002',
      deskId: 'd1',
      operatorId: 'op-d1',
      privileged: false,
      outOfOrderReason: 'documents ready',
    });
    expect(s.ticket('w2').status).toBe('called');
    s.start('d1', 'w2').complete('d1', 'w2');
    const priority = s.do({ type: 'call-ticket', deskId: d1, ticketId: ticketId('p1'), reason: 'elderly' });
    expect(priority[0]).toMatchObject({ privileged: true });
    expect(s.desk('d1').privilegedStreak).toBe(1);
  });

  it('gives a paused desk nobody, while others keep calling', () => {
    const s = new Scenario(oneService(2, 2), START);
    s.issue('w1', 'w');
    s.open('d1').open('d2');
    s.do({ type: 'pause-desk', deskId: d1, reason: 'break' });
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('DESK_PAUSED');
    expect(s.callNext('d2')).toBe('w1');
  });

  it('says so when nobody waits', () => {
    const s = new Scenario(oneService(), START);
    s.open('d1');
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('QUEUE_EMPTY');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: walk-ins are never starved by a flood of privileged visitors
// ---------------------------------------------------------------------------------------------

describe('starvation property', () => {
  it('calls any walk-in within (maxPriorityStreak + 1) × (walk-ins ahead + 1) calls per desk', () => {
    fc.assert(
      fc.property(
        fc.record({
          streak: fc.integer({ min: 1, max: 3 }),
          desks: fc.integer({ min: 1, max: 3 }),
          ahead: fc.integer({ min: 0, max: 6 }),
          initialPriority: fc.integer({ min: 0, max: 6 }),
          floodPerCall: fc.integer({ min: 1, max: 3 }),
          bookedShare: fc.double({ min: 0, max: 1, noNaN: true }),
          lateWalkIns: fc.boolean(),
          seed: fc.integer(),
        }),
        ({ streak, desks, ahead, initialPriority, floodPerCall, bookedShare, lateWalkIns, seed }) => {
          const c = oneService(streak, desks);
          let state: QueueState = emptyState();
          let now: Instant = START;
          let counter = 0;
          let rng = seed;
          const random = (): number => {
            rng = (Math.imul(rng, 1103515245) + 12345) | 0;
            return ((rng >>> 8) & 0xffff) / 0x10000;
          };
          const apply = (command: QueueCommand): readonly QueueEvent[] => {
            const decision = decide(c, state, command);
            if (!decision.ok) throw new Error(`${command.type}: ${decision.error.code}`);
            state = evolveAll(state, decision.value);
            return decision.value;
          };
          const issuePrivileged = (): void => {
            counter += 1;
            const booking = random() < bookedShare;
            apply({
              type: 'issue-ticket',
              at: now,
              actor: KIOSK,
              ticketId: ticketId(`p${counter}`),
              serviceCode: serviceCode('w'),
              source: booking ? 'booking' : 'reception',
              ...(booking ? { appointmentAt: now } : { priority: VETERAN }),
            });
          };
          const issueWalkIn = (id: string): void => {
            apply({
              type: 'issue-ticket',
              at: now,
              actor: KIOSK,
              ticketId: ticketId(id),
              serviceCode: serviceCode('w'),
              source: 'kiosk',
            });
          };

          for (let i = 0; i < ahead; i += 1) {
            issueWalkIn(`ahead${i}`);
            now = addMinutes(now, 1);
          }
          issueWalkIn('target');
          for (let i = 0; i < initialPriority; i += 1) issuePrivileged();
          const deskIds = Array.from({ length: desks }, (_, index) => deskId(`d${index + 1}`));
          for (const id of deskIds)
            apply({ type: 'open-desk', at: now, actor: staff(id), deskId: id, operatorId: staffId(id) });

          const bound = (streak + 1) * (ahead + 1);
          for (let round = 1; round <= bound; round += 1) {
            now = addMinutes(now, 1);
            if (lateWalkIns) issueWalkIn(`late${round}`);
            // Desks take turns in a random order within the round.
            const order = [...deskIds].sort(() => random() - 0.5);
            for (const id of order) {
              for (let i = 0; i < floodPerCall; i += 1) issuePrivileged();
              const events = apply({ type: 'call-next', at: now, actor: staff(id), deskId: id });
              const called = events.find((event) => event.type === 'ticket:called');
              if (called?.type !== 'ticket:called') throw new Error('nobody called');
              if (called.ticketId === ticketId('target')) return;
              apply({
                type: 'start-serving',
                at: now,
                actor: staff(id),
                deskId: id,
                ticketId: called.ticketId,
              });
              apply({ type: 'complete', at: now, actor: staff(id), deskId: id, ticketId: called.ticketId });
            }
          }
          throw new Error(`target not called within ${bound} rounds`);
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Property: several desks in random interleavings never share a visitor
// ---------------------------------------------------------------------------------------------

const hall = centre({
  services: [service('a', { prefix: 'A' }), service('b', { prefix: 'B', waitingStandardMinutes: 5 })],
  desks: [desk('d1', { a: 3, b: 1 }, 1), desk('d2', ['b'], 2), desk('d3', ['a', 'b'], 3)],
});
const HALL_DESKS = ['d1', 'd2', 'd3'] as const;

type Action =
  | {
      readonly kind: 'issue';
      readonly service: 'a' | 'b';
      readonly priority: boolean;
      readonly booked: boolean;
    }
  | {
      readonly kind: 'call-next' | 'finish' | 'postpone' | 'pause' | 'resume' | 'open' | 'close';
      readonly desk: number;
    }
  | { readonly kind: 'call-ticket'; readonly desk: number; readonly ticket: number }
  | {
      readonly kind: 'transfer';
      readonly desk: number;
      readonly to: 'a' | 'b';
      readonly toDesk: number | null;
    }
  | { readonly kind: 'cancel'; readonly ticket: number }
  | { readonly kind: 'tick' };

const actionArb: fc.Arbitrary<Action> = (() => {
  const deskIndex = fc.integer({ min: 0, max: HALL_DESKS.length - 1 });
  const anyService = fc.constantFrom('a' as const, 'b' as const);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('issue' as const),
        service: anyService,
        priority: fc.boolean(),
        booked: fc.boolean(),
      }),
    },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('call-next' as const), desk: deskIndex }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('finish' as const), desk: deskIndex }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom(
          'postpone' as const,
          'pause' as const,
          'resume' as const,
          'open' as const,
          'close' as const,
        ),
        desk: deskIndex,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('call-ticket' as const),
        desk: deskIndex,
        ticket: fc.nat(40),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('transfer' as const),
        desk: deskIndex,
        to: anyService,
        toDesk: fc.option(deskIndex),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), ticket: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'tick' as const }) },
  );
})();

/** Whether a desk may take a ticket, by the rule written out independently of routing.ts. */
/** Independent model of who may call a ticket: named desks and operators only while on duty. */
const eligible = (d: Desk, deskState: DeskState, ticket: Ticket, state: QueueState): boolean => {
  const serves = d.services.some((entry) => entry.code === ticket.serviceCode && entry.weight > 0);
  const desks = Object.values(state.desks);
  const operatorOnDuty = desks.some(
    (desk) => desk.status !== 'closed' && desk.operatorId === ticket.targetOperatorId,
  );
  const targetDeskOpen = desks.some((desk) => desk.id === ticket.targetDeskId && desk.status !== 'closed');
  const operatorOk =
    ticket.targetOperatorId === undefined ||
    ticket.targetOperatorId === deskState.operatorId ||
    (!operatorOnDuty && serves);
  const deskOk =
    ticket.targetDeskId === undefined ? serves : ticket.targetDeskId === d.id || (!targetDeskOpen && serves);
  return operatorOk && deskOk;
};

describe('no double calls property', () => {
  it('every call is of a callable, eligible ticket at a free open desk; no ticket is at two desks', () => {
    let calls = 0;
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 40, maxLength: 100 }), (actions) => {
        let state: QueueState = emptyState();
        let now: Instant = START;
        let counter = 0;
        const apply = (command: QueueCommand): void => {
          const decision = decide(hall, state, command);
          if (!decision.ok) return;
          for (const event of decision.value) {
            if (event.type !== 'ticket:called') continue;
            calls += 1;
            const ticket = ticketOf(state, event.ticketId);
            const deskState = deskStateOf(state, event.deskId);
            const deskConfig = findDesk(hall, event.deskId);
            if (!ticket || !deskConfig) throw new Error('called an unknown ticket or desk');
            expect(isCallable(ticket, event.at)).toBe(true);
            expect(deskState.status).toBe('open');
            expect(deskState.currentTicketId).toBeUndefined();
            expect(eligible(deskConfig, deskState, ticket, state)).toBe(true);
            if (command.type === 'call-next') {
              // The streak limit: a privileged pick over a waiting walk-in only while the streak allows.
              const walkInWaiting = ticketsOf(state).some(
                (other) =>
                  isCallable(other, event.at) &&
                  eligible(deskConfig, deskState, other, state) &&
                  other.priority === undefined &&
                  (other.appointmentAt === undefined || other.appointmentAt > event.at),
              );
              if (event.privileged && walkInWaiting) {
                expect(deskState.privilegedStreak).toBeLessThan(hall.policy.maxPriorityStreak);
              }
            }
          }
          state = evolveAll(state, decision.value);
          // Each ticket is in at most one desk's hands, and in hand exactly when called or serving.
          const holders = new Map<string, string>();
          for (const deskState of Object.values(state.desks)) {
            const held = deskState.currentTicketId;
            if (held === undefined) continue;
            expect(holders.get(held)).toBeUndefined();
            holders.set(held, deskState.id);
          }
          for (const ticket of ticketsOf(state)) {
            const inHand = ticket.status === 'called' || ticket.status === 'serving';
            expect(holders.get(ticket.id)).toBe(inHand ? ticket.deskId : undefined);
          }
        };

        for (const id of HALL_DESKS) {
          apply({
            type: 'open-desk',
            at: now,
            actor: staff(id),
            deskId: deskId(id),
            operatorId: staffId(`op-${id}`),
          });
        }
        for (const action of actions) {
          now = addMinutes(now, 1);
          if (action.kind === 'issue') {
            counter += 1;
            apply({
              type: 'issue-ticket',
              at: now,
              actor: KIOSK,
              ticketId: ticketId(`t${counter}`),
              serviceCode: serviceCode(action.service),
              source: action.booked ? 'booking' : 'kiosk',
              ...(action.priority ? { priority: VETERAN } : {}),
              ...(action.booked ? { appointmentAt: addMinutes(now, 3) } : {}),
            });
            continue;
          }
          if (action.kind === 'tick') {
            apply({ type: 'tick', at: now, actor: { kind: 'system' } });
            continue;
          }
          if (action.kind === 'cancel') {
            apply({
              type: 'cancel-ticket',
              at: now,
              actor: staff('boss'),
              ticketId: ticketId(`t${action.ticket}`),
              reason: 'x',
            });
            continue;
          }
          const id = deskId(HALL_DESKS[action.desk] ?? 'd1');
          const base = { at: now, actor: staff(id), deskId: id };
          const held = state.desks[id]?.currentTicketId;
          switch (action.kind) {
            case 'call-next':
              apply({ ...base, type: 'call-next' });
              break;
            case 'call-ticket':
              apply({
                ...base,
                type: 'call-ticket',
                ticketId: ticketId(`t${action.ticket}`),
                reason: 'asked',
              });
              break;
            case 'finish':
              if (held) {
                apply({ ...base, type: 'start-serving', ticketId: held });
                apply({ ...base, type: 'complete', ticketId: held });
              }
              break;
            case 'postpone':
              if (held) apply({ ...base, type: 'postpone', ticketId: held, minutes: 2 });
              break;
            case 'transfer':
              if (held) {
                const toDesk = action.toDesk === null ? undefined : HALL_DESKS[action.toDesk];
                apply({
                  ...base,
                  type: 'transfer',
                  ticketId: held,
                  toServiceCode: serviceCode(action.to),
                  ...(toDesk ? { toDeskId: deskId(toDesk) } : {}),
                });
              }
              break;
            case 'pause':
              apply({ ...base, type: 'pause-desk', reason: 'break' });
              break;
            case 'resume':
              apply({ ...base, type: 'resume-desk' });
              break;
            case 'open':
              apply({ ...base, type: 'open-desk', operatorId: staffId(`op-${id}`) });
              break;
            case 'close':
              apply({ ...base, type: 'close-desk' });
              break;
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(calls).toBeGreaterThan(500);
  });
});
