import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueCommand } from './commands';
import { decide } from './decide';
import { evolveAll } from './evolve';
import { type Instant, addMinutes, deskId, serviceCode, staffId, ticketId } from './ids';
import { type QueueState, emptyState, ticketOf, ticketsOf } from './state';
import { Scenario, centre, desk, kyiv, service, staff } from './testing';

const START = kyiv('2025-01-14T09:00');
const [d1, d2, d3] = [deskId('d1'), deskId('d2'), deskId('d3')];
const t1 = ticketId('t1');

/** d1 and d5 serve a, d2 and d3 serve b, d4 serves c. */
const hall = centre({
  services: [service('a', { prefix: 'A' }), service('b', { prefix: 'B' }), service('c', { prefix: 'C' })],
  desks: [
    desk('d1', ['a'], 1),
    desk('d2', ['b'], 2),
    desk('d3', ['b'], 3),
    desk('d4', ['c'], 4),
    desk('d5', ['a'], 5),
  ],
});

const openHall = (): Scenario => {
  const s = new Scenario(hall, START);
  for (const id of ['d1', 'd2', 'd3', 'd4', 'd5']) s.open(id);
  return s;
};

describe('transfer', () => {
  it('keeps the arrival time by default, so the visitor goes ahead of later arrivals', () => {
    const s = openHall();
    s.issue('t1', 'a');
    s.advance(5);
    s.issue('t2', 'b');
    s.advance(5);
    s.callNext('d1');
    s.start('d1', 't1').advance(10);
    const events = s.do({
      type: 'transfer',
      deskId: d1,
      ticketId: t1,
      toServiceCode: serviceCode('b'),
      comment: 'meter',
    });
    expect(events[0]).toMatchObject({
      type: 'ticket:transferred',
      keepPlace: true,
      to: { serviceCode: 'b' },
    });
    expect(s.ticket('t1')).toMatchObject({
      status: 'waiting',
      serviceCode: 'b',
      queuedAt: START,
      issuedAt: START,
      callCount: 0,
      transferComment: 'meter',
    });
    for (const key of ['deskId', 'operatorId', 'calledAt', 'servingStartedAt', 'targetDeskId'] as const) {
      expect(s.ticket('t1')[key]).toBeUndefined();
    }
    expect(s.desk('d1').currentTicketId).toBeUndefined();
    expect(s.callNext('d2')).toBe('t1');
    expect(s.callNext('d3')).toBe('t2');
  });

  it('joins at the back with keepPlace: false', () => {
    const s = openHall();
    s.issue('t1', 'a');
    s.advance(5);
    s.issue('t2', 'b');
    s.advance(5);
    s.callNext('d1');
    s.advance(10);
    s.do({ type: 'transfer', deskId: d1, ticketId: t1, toServiceCode: serviceCode('b'), keepPlace: false });
    expect(s.ticket('t1')).toMatchObject({ queuedAt: s.now, issuedAt: START });
    expect(s.callNext('d2')).toBe('t2');
    expect(s.callNext('d3')).toBe('t1');
  });

  it('to a named desk: only that desk may call the visitor', () => {
    const s = openHall();
    s.issue('t1', 'a');
    s.callNext('d1');
    s.do({ type: 'transfer', deskId: d1, ticketId: t1, toServiceCode: serviceCode('b'), toDeskId: d3 });
    expect(s.ticket('t1')).toMatchObject({ serviceCode: 'b', targetDeskId: 'd3' });
    expect(s.refused({ type: 'call-next', deskId: d2 })).toBe('QUEUE_EMPTY');
    expect(s.refused({ type: 'call-ticket', deskId: d2, ticketId: t1, reason: 'x' })).toBe('NOT_ELIGIBLE');
    expect(s.refused({ type: 'call-ticket', deskId: d1, ticketId: t1, reason: 'x' })).toBe('NOT_ELIGIBLE');
    expect(s.callNext('d3')).toBe('t1');
  });

  it('to a named operator: only the desk where that operator works may call the visitor', () => {
    const s = openHall();
    s.issue('t1', 'a');
    s.callNext('d1');
    s.do({
      type: 'transfer',
      deskId: d1,
      ticketId: t1,
      toServiceCode: serviceCode('b'),
      toOperatorId: staffId('op-d3'),
    });
    expect(s.refused({ type: 'call-next', deskId: d2 })).toBe('QUEUE_EMPTY');
    expect(s.callNext('d3')).toBe('t1');
  });

  it('with returnToMe sends the visitor back to the original desk and service afterwards', () => {
    const s = openHall();
    s.issue('t1', 'a');
    s.advance(2);
    s.callNext('d1');
    s.start('d1', 't1').advance(5);
    const events = s.do({
      type: 'transfer',
      deskId: d1,
      ticketId: t1,
      toServiceCode: serviceCode('b'),
      returnToMe: true,
    });
    expect(events[0]).toMatchObject({ returnTo: { serviceCode: 'a', deskId: 'd1', operatorId: 'op-d1' } });
    expect(s.ticket('t1').returnTo).toEqual({ serviceCode: 'a', deskId: 'd1', operatorId: 'op-d1' });

    s.issue('t2', 'a'); // a later visitor for a, who must not be overtaken by the returning one at d5
    const served = s.serveNext('d2', 4);
    expect(served).toBe('t1');
    const completed = s.log.at(-1);
    expect(completed).toMatchObject({
      type: 'ticket:completed',
      next: { serviceCode: 'a', targetDeskId: 'd1', targetOperatorId: 'op-d1' },
    });
    expect(s.ticket('t1')).toMatchObject({
      status: 'waiting',
      serviceCode: 'a',
      targetDeskId: 'd1',
      targetOperatorId: 'op-d1',
      queuedAt: START,
    });
    expect(s.ticket('t1').returnTo).toBeUndefined();
    // Another desk serving a cannot take the returning visitor.
    expect(s.callNext('d5')).toBe('t2');
    expect(s.callNext('d1')).toBe('t1');
    s.start('d1', 't1').complete('d1', 't1');
    expect(s.ticket('t1').status).toBe('completed');
  });

  it('does not return a visitor twice when the other desk sends them straight back', () => {
    const s = openHall();
    s.issue('t1', 'a');
    s.callNext('d1');
    s.do({ type: 'transfer', deskId: d1, ticketId: t1, toServiceCode: serviceCode('b'), returnToMe: true });
    expect(s.callNext('d2')).toBe('t1');
    // Instead of completing, d2 transfers the visitor back to d1 by name.
    s.do({ type: 'transfer', deskId: d2, ticketId: t1, toServiceCode: serviceCode('a'), toDeskId: d1 });
    expect(s.ticket('t1').returnTo).toBeUndefined();
    expect(s.serveNext('d1')).toBe('t1');
    expect(s.ticket('t1').status).toBe('completed');
  });

  it('keeps the return address through a further transfer elsewhere', () => {
    const s = openHall();
    s.issue('t1', 'a');
    s.callNext('d1');
    s.do({ type: 'transfer', deskId: d1, ticketId: t1, toServiceCode: serviceCode('b'), returnToMe: true });
    s.callNext('d2');
    s.do({ type: 'transfer', deskId: d2, ticketId: t1, toServiceCode: serviceCode('c') });
    expect(s.ticket('t1').returnTo).toMatchObject({ serviceCode: 'a', deskId: 'd1' });
    s.serveNext('d4');
    expect(s.ticket('t1')).toMatchObject({ status: 'waiting', serviceCode: 'a', targetDeskId: 'd1' });
  });

  it('is refused for an unknown service or desk, the same desk, or a ticket not in hand', () => {
    const s = openHall();
    s.issue('t1', 'a');
    expect(s.refused({ type: 'transfer', deskId: d1, ticketId: t1, toServiceCode: serviceCode('b') })).toBe(
      'ILLEGAL_TRANSITION',
    );
    s.callNext('d1');
    expect(s.refused({ type: 'transfer', deskId: d1, ticketId: t1, toServiceCode: serviceCode('zzz') })).toBe(
      'UNKNOWN_SERVICE',
    );
    expect(
      s.refused({
        type: 'transfer',
        deskId: d1,
        ticketId: t1,
        toServiceCode: serviceCode('b'),
        toDeskId: deskId('d9'),
      }),
    ).toBe('UNKNOWN_DESK');
    expect(
      s.refused({
        type: 'transfer',
        deskId: d1,
        ticketId: t1,
        toServiceCode: serviceCode('a'),
        toDeskId: d1,
      }),
    ).toBe('INVALID_ARGUMENT');
    expect(s.refused({ type: 'transfer', deskId: d2, ticketId: t1, toServiceCode: serviceCode('b') })).toBe(
      'NOT_AT_THIS_DESK',
    );
  });
});

describe('itinerary', () => {
  it('serves three services in order and keeps the original place in each queue', () => {
    const s = openHall();
    s.issue('t1', 'a', { itinerary: ['b', 'c'] });
    expect(s.ticket('t1').itinerary).toEqual(['b', 'c']);
    s.advance(1);
    s.issue('b1', 'b'); // arrives after t1 but before t1 reaches b
    s.issue('c1', 'c');

    s.advance(1);
    expect(s.serveNext('d1', 5)).toBe('t1');
    expect(s.log.at(-1)).toMatchObject({ type: 'ticket:completed', next: { serviceCode: 'b' } });
    expect(s.ticket('t1')).toMatchObject({
      status: 'waiting',
      serviceCode: 'b',
      itinerary: ['c'],
      queuedAt: START,
    });

    expect(s.serveNext('d2', 5)).toBe('t1');
    expect(s.ticket('t1')).toMatchObject({
      status: 'waiting',
      serviceCode: 'c',
      itinerary: [],
      queuedAt: START,
    });
    expect(s.callNext('d3')).toBe('b1');

    expect(s.serveNext('d4', 5)).toBe('t1');
    expect(s.log.at(-1)).not.toHaveProperty('next');
    expect(s.ticket('t1')).toMatchObject({
      status: 'completed',
      serviceCode: 'c',
      issuedAt: START,
      queuedAt: START,
    });
    expect(s.callNext('d4')).toBe('c1');
    // The visit length was learned for each step's own service.
    expect(Object.keys(s.state.stats).sort()).toEqual(['a', 'b', 'c']);
  });

  it('continues the itinerary after a return trip', () => {
    const s = openHall();
    s.issue('t1', 'a', { itinerary: ['c'] });
    s.callNext('d1');
    s.do({ type: 'transfer', deskId: d1, ticketId: t1, toServiceCode: serviceCode('b'), returnToMe: true });
    s.serveNext('d2');
    expect(s.ticket('t1')).toMatchObject({ serviceCode: 'a', targetDeskId: 'd1', itinerary: ['c'] });
    s.serveNext('d1');
    expect(s.ticket('t1')).toMatchObject({ serviceCode: 'c', itinerary: [], status: 'waiting' });
    expect(s.ticket('t1').targetDeskId).toBeUndefined();
    s.serveNext('d4');
    expect(s.ticket('t1').status).toBe('completed');
  });

  it('is refused when it names an unknown service', () => {
    const s = openHall();
    expect(
      s.refused({
        type: 'issue-ticket',
        ticketId: t1,
        serviceCode: serviceCode('a'),
        source: 'reception',
        itinerary: [serviceCode('zzz')],
      }),
    ).toBe('UNKNOWN_SERVICE');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the place in the queue survives any route through the hall
// ---------------------------------------------------------------------------------------------

const SERVICES = ['a', 'b', 'c'] as const;
const DESKS = ['d1', 'd2', 'd3', 'd4', 'd5'] as const;

type Move =
  | {
      readonly kind: 'issue';
      readonly service: (typeof SERVICES)[number];
      readonly itinerary: readonly string[];
    }
  | { readonly kind: 'call'; readonly desk: (typeof DESKS)[number] }
  | { readonly kind: 'serve' | 'complete' | 'postpone'; readonly desk: (typeof DESKS)[number] }
  | {
      readonly kind: 'transfer';
      readonly desk: (typeof DESKS)[number];
      readonly to: (typeof SERVICES)[number];
      readonly toDesk?: (typeof DESKS)[number];
      readonly returnToMe: boolean;
      readonly keepPlace?: boolean;
    }
  | { readonly kind: 'tick' };

const moveArb = (withKeepPlace: boolean): fc.Arbitrary<Move> => {
  const anyDesk = fc.constantFrom(...DESKS);
  const anyService = fc.constantFrom(...SERVICES);
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('issue' as const),
        service: anyService,
        itinerary: fc.array(anyService, { maxLength: 2 }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), desk: anyDesk }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constantFrom('serve' as const, 'complete' as const, 'postpone' as const),
        desk: anyDesk,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          kind: fc.constant('transfer' as const),
          desk: anyDesk,
          to: anyService,
          toDesk: anyDesk,
          returnToMe: fc.boolean(),
          keepPlace: withKeepPlace ? fc.boolean() : fc.constant(undefined),
        },
        { requiredKeys: ['kind', 'desk', 'to', 'returnToMe'] },
      ),
    },
    fc.record({ kind: fc.constant('tick' as const) }),
  );
};

/** Play moves through a hall with every desk open; returns each step's state and instant. */
const play = (
  moves: readonly Move[],
  check: (before: QueueState, after: QueueState, at: Instant) => void,
): void => {
  let state: QueueState = emptyState();
  let now: Instant = START;
  let counter = 0;
  const apply = (command: QueueCommand): void => {
    const decision = decide(hall, state, command);
    if (!decision.ok) return;
    const next = evolveAll(state, decision.value);
    check(state, next, command.at);
    state = next;
  };
  for (const id of DESKS) {
    apply({
      type: 'open-desk',
      at: now,
      actor: staff(id),
      deskId: deskId(id),
      operatorId: staffId(`op-${id}`),
    });
  }
  for (const move of moves) {
    now = addMinutes(now, 1);
    const base = { at: now, actor: staff('x') };
    if (move.kind === 'issue') {
      counter += 1;
      apply({
        ...base,
        type: 'issue-ticket',
        ticketId: ticketId(`t${counter}`),
        serviceCode: serviceCode(move.service),
        source: 'reception',
        itinerary: move.itinerary.map(serviceCode),
      });
      continue;
    }
    if (move.kind === 'tick') {
      apply({ ...base, type: 'tick' });
      continue;
    }
    const desk = deskId(move.desk);
    const held = state.desks[desk]?.currentTicketId;
    if (move.kind === 'call' || !held) {
      apply({ ...base, type: 'call-next', deskId: desk });
    } else if (move.kind === 'serve') {
      apply({ ...base, type: 'start-serving', deskId: desk, ticketId: held });
    } else if (move.kind === 'complete') {
      apply({ ...base, type: 'start-serving', deskId: desk, ticketId: held });
      apply({ ...base, type: 'complete', deskId: desk, ticketId: held });
    } else if (move.kind === 'postpone') {
      apply({ ...base, type: 'postpone', deskId: desk, ticketId: held, minutes: 2 });
    } else if (move.kind === 'transfer') {
      apply({
        ...base,
        type: 'transfer',
        deskId: desk,
        ticketId: held,
        toServiceCode: serviceCode(move.to),
        ...(move.toDesk !== undefined ? { toDeskId: deskId(move.toDesk) } : {}),
        returnToMe: move.returnToMe,
        ...(move.keepPlace !== undefined ? { keepPlace: move.keepPlace } : {}),
      });
    }
  }
};

describe('transfer properties', () => {
  it('with the default keepPlace, queuedAt always equals issuedAt', () => {
    let transfers = 0;
    fc.assert(
      fc.property(fc.array(moveArb(false), { minLength: 30, maxLength: 80 }), (moves) => {
        play(moves, (before, after) => {
          for (const ticket of ticketsOf(after)) {
            expect(ticket.queuedAt).toBe(ticket.issuedAt);
            const was = ticketOf(before, ticket.id);
            if (was) expect(ticket.issuedAt).toBe(was.issuedAt);
            if (was && was.serviceCode !== ticket.serviceCode && ticket.status === 'waiting') transfers += 1;
          }
        });
      }),
      { numRuns: 100 },
    );
    // The property must have exercised real moves between services.
    expect(transfers).toBeGreaterThan(100);
  });

  it('queuedAt is never before issuedAt nor after now, and only moves on a keepPlace: false transfer', () => {
    fc.assert(
      fc.property(fc.array(moveArb(true), { minLength: 30, maxLength: 80 }), (moves) => {
        play(moves, (before, after, at) => {
          for (const ticket of ticketsOf(after)) {
            expect(ticket.queuedAt).toBeGreaterThanOrEqual(ticket.issuedAt);
            expect(ticket.queuedAt).toBeLessThanOrEqual(at);
            const was = ticketOf(before, ticket.id);
            if (was && was.queuedAt !== ticket.queuedAt) {
              // Only a transfer that gives up the place moves the visitor to the back.
              expect(ticket.queuedAt).toBe(at);
              expect(ticket.status).toBe('waiting');
            }
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
