import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueCommand } from './commands';
import { decide } from './decide';
import type { QueueErrorCode } from './errors';
import { evolveAll } from './evolve';
import { type DeskId, type Instant, addMinutes, deskId, serviceCode, staffId, ticketId } from './ids';
import { type QueueState, emptyState, ticketOf, ticketsOf } from './state';
import { type Ticket, type TicketStatus, isCallable } from './ticket';
import { type CommandInput, KIOSK, Scenario, centre, desk, kyiv, service, staff } from './testing';

const START = kyiv('2025-01-14T09:00');
const d1 = deskId('d1');
const d2 = deskId('d2');
const t1 = ticketId('t1');

const small = centre({
  services: [
    service('a', { prefix: 'A' }),
    service('b', { prefix: 'B' }),
    service('r', {
      prefix: 'R',
      outcomeRequired: true,
      outcomes: [{ code: 'done', name: { uk: 'Так', ru: 'Да', en: 'Done' } }],
    }),
  ],
  desks: [desk('d1', ['a', 'b', 'r']), desk('d2', ['a', 'b', 'r'], 2)],
});

/** A scenario with both desks open and t1 waiting for service a. */
const withWaitingTicket = (): Scenario => {
  const s = new Scenario(small, START);
  s.open('d1').open('d2');
  s.issue('t1', 'a');
  return s;
};

describe('the happy path', () => {
  it('goes waiting → called → serving → completed and frees the desk', () => {
    const s = new Scenario(small, START);
    const issued = s.issue('t1', 'a');
    expect(issued).toMatchObject({ status: 'waiting', callCount: 0, issuedAt: START, queuedAt: START });
    s.advance(1).open('d1');
    expect(s.desk('d1')).toMatchObject({ status: 'open', operatorId: 'op-d1' });

    s.advance(1);
    expect(s.callNext('d1')).toBe('t1');
    expect(s.ticket('t1')).toMatchObject({
      status: 'called',
      deskId: 'd1',
      operatorId: 'op-d1',
      calledAt: addMinutes(START, 2),
      lastCalledAt: addMinutes(START, 2),
      callCount: 1,
    });
    expect(s.desk('d1').currentTicketId).toBe('t1');

    s.advance(1).start('d1', 't1');
    expect(s.ticket('t1')).toMatchObject({ status: 'serving', servingStartedAt: addMinutes(START, 3) });

    s.advance(7);
    s.do({ type: 'complete', deskId: d1, ticketId: t1, outcome: 'resolved', note: 'ok' });
    expect(s.ticket('t1')).toMatchObject({
      status: 'completed',
      finishedAt: addMinutes(START, 10),
      outcome: 'resolved',
      note: 'ok',
    });
    expect(s.desk('d1').currentTicketId).toBeUndefined();
    expect(s.state.stats[serviceCode('a')]).toEqual({ meanServiceMinutes: 7, samples: 1 });

    expect(s.log.map((event) => event.type)).toEqual([
      'day:started',
      'ticket:issued',
      'desk:opened',
      'ticket:called',
      'ticket:serving-started',
      'ticket:completed',
    ]);
  });

  it('stamps every event with the command’s instant and actor', () => {
    const s = new Scenario(small, START);
    const commands: QueueCommand[] = [
      {
        type: 'issue-ticket',
        at: START,
        actor: KIOSK,
        ticketId: t1,
        serviceCode: serviceCode('a'),
        source: 'kiosk',
      },
      {
        type: 'open-desk',
        at: addMinutes(START, 1),
        actor: staff('ann'),
        deskId: d1,
        operatorId: staffId('ann'),
      },
      { type: 'call-next', at: addMinutes(START, 2), actor: staff('ann'), deskId: d1 },
      { type: 'recall', at: addMinutes(START, 3), actor: staff('ann'), deskId: d1, ticketId: t1 },
      { type: 'start-serving', at: addMinutes(START, 4), actor: staff('ann'), deskId: d1, ticketId: t1 },
      {
        type: 'postpone',
        at: addMinutes(START, 5),
        actor: staff('ann'),
        deskId: d1,
        ticketId: t1,
        minutes: 3,
      },
      { type: 'tick', at: addMinutes(START, 9), actor: { kind: 'system' } },
      { type: 'pause-desk', at: addMinutes(START, 10), actor: staff('ann'), deskId: d1, reason: 'break' },
      { type: 'resume-desk', at: addMinutes(START, 11), actor: staff('ann'), deskId: d1 },
      {
        type: 'cancel-ticket',
        at: addMinutes(START, 12),
        actor: staff('boss'),
        ticketId: t1,
        reason: 'left',
      },
      { type: 'close-desk', at: addMinutes(START, 13), actor: staff('ann'), deskId: d1 },
    ];
    for (const command of commands) {
      const events = s.do(command);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.at).toBe(command.at);
        expect(event.actor).toEqual(event.type === 'day:started' ? { kind: 'system' } : command.actor);
      }
    }
    const called = s.log.find((event) => event.type === 'ticket:called');
    expect(called).toMatchObject({ operatorId: 'ann', deskId: 'd1', number: 'A-001', serviceCode: 'a' });
  });
});

// ---------------------------------------------------------------------------------------------
// The transition table
// ---------------------------------------------------------------------------------------------

type TicketCommandType =
  | 'call-ticket'
  | 'recall'
  | 'start-serving'
  | 'complete'
  | 'mark-no-show'
  | 'transfer'
  | 'postpone'
  | 'cancel-ticket'
  | 'change-service';

const TICKET_COMMANDS: readonly TicketCommandType[] = [
  'call-ticket',
  'recall',
  'start-serving',
  'complete',
  'mark-no-show',
  'transfer',
  'postpone',
  'cancel-ticket',
  'change-service',
];

/** From which statuses each command may move a ticket, and to which. */
const TRANSITIONS: Readonly<
  Record<QueueCommand['type'], Readonly<Partial<Record<TicketStatus, readonly TicketStatus[]>>>>
> = {
  'issue-ticket': {},
  'open-desk': {},
  'pause-desk': {},
  'resume-desk': {},
  'close-desk': {},
  'call-next': { waiting: ['called'], postponed: ['called'] },
  'call-ticket': { waiting: ['called'], postponed: ['called'] },
  recall: { called: ['called'] },
  'start-serving': { called: ['serving'] },
  complete: { serving: ['completed', 'waiting'] },
  'mark-no-show': { called: ['no-show'] },
  transfer: { called: ['waiting'], serving: ['waiting'] },
  postpone: { called: ['postponed'], serving: ['postponed'] },
  'cancel-ticket': {
    waiting: ['cancelled'],
    called: ['cancelled'],
    serving: ['cancelled'],
    postponed: ['cancelled'],
  },
  'change-service': { waiting: ['waiting'], postponed: ['postponed'] },
  'review-priority': { called: ['called'], serving: ['serving'] },
  tick: { postponed: ['waiting'] },
};

const isLegal = (type: QueueCommand['type'], from: TicketStatus, to: TicketStatus): boolean =>
  TRANSITIONS[type][from]?.includes(to) ?? false;

/** Bring t1 into a status, held at desk d1 where that applies. */
const ticketIn = (status: TicketStatus): Scenario => {
  const s = withWaitingTicket();
  if (status === 'waiting') return s;
  s.callNext('d1');
  if (status === 'called') return s.advance(5);
  if (status === 'no-show') {
    s.advance(5).do({ type: 'mark-no-show', deskId: d1, ticketId: t1 });
  } else if (status === 'postponed') {
    s.do({ type: 'postpone', deskId: d1, ticketId: t1, minutes: 30 });
  } else if (status === 'cancelled') {
    s.do({ type: 'cancel-ticket', ticketId: t1, reason: 'left' });
  } else {
    s.start('d1', 't1');
    if (status === 'completed') s.complete('d1', 't1');
  }
  s.advance(5);
  return s;
};

const commandFor = (type: TicketCommandType): CommandInput => {
  switch (type) {
    case 'call-ticket':
      // From the other desk, so that d1 holding the ticket is not what refuses it.
      return { type, deskId: d2, ticketId: t1, reason: 'asked' };
    case 'transfer':
      return { type, deskId: d1, ticketId: t1, toServiceCode: serviceCode('b') };
    case 'postpone':
      return { type, deskId: d1, ticketId: t1, minutes: 10 };
    case 'cancel-ticket':
      return { type, ticketId: t1, reason: 'left' };
    case 'change-service':
      return { type, ticketId: t1, serviceCode: serviceCode('b'), reason: 'wrong service' };
    default:
      return { type, deskId: d1, ticketId: t1 };
  }
};

const STATUSES: readonly TicketStatus[] = [
  'waiting',
  'called',
  'serving',
  'postponed',
  'completed',
  'no-show',
  'cancelled',
];

describe('the transition table', () => {
  const cases = STATUSES.flatMap((status) => TICKET_COMMANDS.map((type) => [status, type] as const));

  it.each(cases)('a %s ticket and %s', (status, type) => {
    const s = ticketIn(status);
    expect(s.ticket('t1').status).toBe(status);
    // The postponed ticket here is still away (30 minutes), so nobody may call it yet.
    const allowed =
      TRANSITIONS[type][status] !== undefined && !(status === 'postponed' && type === 'call-ticket');
    const before = s.state;
    const decision = s.attempt(commandFor(type));
    if (allowed) {
      expect(decision.ok).toBe(true);
      expect(isLegal(type, status, s.ticket('t1').status)).toBe(true);
    } else {
      expect(decision.ok ? 'accepted' : decision.error.code).toBe('ILLEGAL_TRANSITION');
      expect(s.state).toBe(before);
    }
  });

  it('refuses commands on an unknown ticket', () => {
    const s = withWaitingTicket();
    expect(s.refused({ type: 'start-serving', deskId: d1, ticketId: ticketId('nope') })).toBe(
      'UNKNOWN_TICKET',
    );
    expect(s.refused({ type: 'cancel-ticket', ticketId: ticketId('nope'), reason: 'x' })).toBe(
      'UNKNOWN_TICKET',
    );
    expect(s.refused({ type: 'call-ticket', deskId: d1, ticketId: ticketId('nope'), reason: 'x' })).toBe(
      'UNKNOWN_TICKET',
    );
  });
});

describe('no-show', () => {
  it('is refused within 2 minutes of the call and allowed after', () => {
    const s = withWaitingTicket();
    s.callNext('d1');
    s.advance(1);
    expect(s.refused({ type: 'mark-no-show', deskId: d1, ticketId: t1 })).toBe('NO_SHOW_TOO_EARLY');
    s.advance(0.98);
    expect(s.refused({ type: 'mark-no-show', deskId: d1, ticketId: t1 })).toBe('NO_SHOW_TOO_EARLY');
    s.advance(0.02);
    s.do({ type: 'mark-no-show', deskId: d1, ticketId: t1 });
    expect(s.ticket('t1')).toMatchObject({ status: 'no-show', finishedAt: s.now });
    expect(s.desk('d1').currentTicketId).toBeUndefined();
  });

  it('counts from the last call: a recall restarts the wait', () => {
    const s = withWaitingTicket();
    s.callNext('d1');
    s.advance(1.5).do({ type: 'recall', deskId: d1, ticketId: t1 });
    expect(s.ticket('t1')).toMatchObject({ callCount: 2, lastCalledAt: s.now });
    s.advance(1);
    expect(s.refused({ type: 'mark-no-show', deskId: d1, ticketId: t1 })).toBe('NO_SHOW_TOO_EARLY');
    s.advance(1);
    s.do({ type: 'mark-no-show', deskId: d1, ticketId: t1 });
  });

  it('is allowed at once after the third call', () => {
    const s = withWaitingTicket();
    s.callNext('d1');
    s.advance(0.25).do({ type: 'recall', deskId: d1, ticketId: t1 });
    expect(s.refused({ type: 'mark-no-show', deskId: d1, ticketId: t1 })).toBe('NO_SHOW_TOO_EARLY');
    s.advance(0.25).do({ type: 'recall', deskId: d1, ticketId: t1 });
    expect(s.ticket('t1').callCount).toBe(3);
    s.do({ type: 'mark-no-show', deskId: d1, ticketId: t1 });
    expect(s.ticket('t1').status).toBe('no-show');
  });

  it('cannot be marked for a visitor already being served', () => {
    const s = withWaitingTicket();
    s.callNext('d1');
    s.start('d1', 't1').advance(10);
    expect(s.refused({ type: 'mark-no-show', deskId: d1, ticketId: t1 })).toBe('ILLEGAL_TRANSITION');
  });
});

describe('postpone', () => {
  it('steps away, then a tick after the time resumes the ticket at the same desk', () => {
    const s = withWaitingTicket();
    s.advance(3);
    s.callNext('d1');
    s.do({ type: 'postpone', deskId: d1, ticketId: t1, minutes: 10 });
    expect(s.ticket('t1')).toMatchObject({
      status: 'postponed',
      postponedUntil: addMinutes(s.now, 10),
      targetDeskId: 'd1',
      queuedAt: START,
    });
    expect(s.ticket('t1').deskId).toBeUndefined();
    expect(s.desk('d1').currentTicketId).toBeUndefined();

    s.advance(5);
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('QUEUE_EMPTY');
    expect(s.refused({ type: 'call-ticket', deskId: d1, ticketId: t1, reason: 'back' })).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(s.do({ type: 'tick' })).toEqual([]);

    s.advance(5);
    const events = s.do({ type: 'tick' });
    expect(events).toEqual([
      { type: 'ticket:resumed', ticketId: 't1', at: s.now, actor: { kind: 'system' } },
    ]);
    expect(s.ticket('t1').status).toBe('waiting');
    expect(s.ticket('t1').postponedUntil).toBeUndefined();
    // Only the desk that postponed may call the visitor back.
    expect(s.refused({ type: 'call-ticket', deskId: d2, ticketId: t1, reason: 'x' })).toBe('NOT_ELIGIBLE');
    expect(s.refused({ type: 'call-next', deskId: d2 })).toBe('QUEUE_EMPTY');
    expect(s.callNext('d1')).toBe('t1');
    expect(s.ticket('t1')).toMatchObject({ status: 'called', callCount: 1 });
  });

  it('can be called once the time is up, even before a tick', () => {
    const s = withWaitingTicket();
    s.callNext('d1');
    s.do({ type: 'postpone', deskId: d1, ticketId: t1, minutes: 2 });
    s.advance(2);
    expect(s.callNext('d1')).toBe('t1');
    expect(s.ticket('t1').postponedUntil).toBeUndefined();
  });

  it('is refused for 0 minutes or longer than the policy allows', () => {
    const s = withWaitingTicket();
    s.callNext('d1');
    expect(s.refused({ type: 'postpone', deskId: d1, ticketId: t1, minutes: 0 })).toBe('INVALID_ARGUMENT');
    expect(s.refused({ type: 'postpone', deskId: d1, ticketId: t1, minutes: 121 })).toBe('INVALID_ARGUMENT');
    expect(s.refused({ type: 'postpone', deskId: d1, ticketId: t1, minutes: Number.NaN })).toBe(
      'INVALID_ARGUMENT',
    );
    s.do({ type: 'postpone', deskId: d1, ticketId: t1, minutes: 120 });
  });
});

describe('cancel', () => {
  it('cancels a waiting ticket', () => {
    const s = withWaitingTicket();
    const events = s.do({ type: 'cancel-ticket', ticketId: t1, reason: 'changed mind' });
    expect(events[0]).toMatchObject({ type: 'ticket:cancelled', reason: 'changed mind' });
    expect(events[0]).not.toHaveProperty('deskId');
    expect(s.ticket('t1')).toMatchObject({ status: 'cancelled', finishedAt: s.now });
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('QUEUE_EMPTY');
  });

  it('cancels a called ticket and frees its desk', () => {
    const s = withWaitingTicket();
    s.issue('t2', 'a');
    s.callNext('d1');
    const events = s.do({ type: 'cancel-ticket', ticketId: t1, reason: 'left' });
    expect(events[0]).toMatchObject({ type: 'ticket:cancelled', deskId: 'd1' });
    expect(s.desk('d1').currentTicketId).toBeUndefined();
    expect(s.callNext('d1')).toBe('t2');
  });

  it('cannot cancel twice', () => {
    const s = withWaitingTicket();
    s.do({ type: 'cancel-ticket', ticketId: t1, reason: 'left' });
    expect(s.refused({ type: 'cancel-ticket', ticketId: t1, reason: 'left' })).toBe('ILLEGAL_TRANSITION');
  });
});

describe('desks', () => {
  it('must be open to call', () => {
    const s = new Scenario(small, START);
    s.issue('t1', 'a');
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('DESK_CLOSED');
    expect(s.refused({ type: 'call-ticket', deskId: d1, ticketId: t1, reason: 'x' })).toBe('DESK_CLOSED');
    expect(s.refused({ type: 'pause-desk', deskId: d1, reason: 'x' })).toBe('DESK_CLOSED');
    expect(s.refused({ type: 'resume-desk', deskId: d1 })).toBe('DESK_CLOSED');
    expect(s.refused({ type: 'call-next', deskId: deskId('d9') })).toBe('UNKNOWN_DESK');
  });

  it('cannot call while paused', () => {
    const s = withWaitingTicket();
    s.do({ type: 'pause-desk', deskId: d1, reason: 'lunch' });
    expect(s.desk('d1')).toMatchObject({ status: 'paused', pauseReason: 'lunch' });
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('DESK_PAUSED');
    expect(s.refused({ type: 'call-ticket', deskId: d1, ticketId: t1, reason: 'x' })).toBe('DESK_PAUSED');
    s.do({ type: 'resume-desk', deskId: d1 });
    expect(s.desk('d1').pauseReason).toBeUndefined();
    expect(s.callNext('d1')).toBe('t1');
  });

  it('cannot call while a visitor is in hand, nor close', () => {
    const s = withWaitingTicket();
    s.issue('t2', 'a');
    s.callNext('d1');
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('DESK_BUSY');
    expect(s.refused({ type: 'call-ticket', deskId: d1, ticketId: ticketId('t2'), reason: 'x' })).toBe(
      'DESK_BUSY',
    );
    expect(s.refused({ type: 'close-desk', deskId: d1 })).toBe('DESK_BUSY');
    s.start('d1', 't1');
    expect(s.refused({ type: 'call-next', deskId: d1 })).toBe('DESK_BUSY');
    s.complete('d1', 't1');
    s.do({ type: 'close-desk', deskId: d1 });
    expect(s.desk('d1').status).toBe('closed');
  });

  it('belongs to one operator at a time', () => {
    const s = withWaitingTicket();
    expect(s.refused({ type: 'open-desk', deskId: d1, operatorId: staffId('someone-else') })).toBe(
      'DESK_OCCUPIED',
    );
    expect(s.do({ type: 'open-desk', deskId: d1, operatorId: staffId('op-d1') })).toEqual([]);
  });

  it('cannot act on a visitor held at another desk', () => {
    const s = withWaitingTicket();
    s.callNext('d1');
    const others: CommandInput[] = [
      { type: 'recall', deskId: d2, ticketId: t1 },
      { type: 'start-serving', deskId: d2, ticketId: t1 },
      { type: 'mark-no-show', deskId: d2, ticketId: t1 },
      { type: 'transfer', deskId: d2, ticketId: t1, toServiceCode: serviceCode('b') },
      { type: 'postpone', deskId: d2, ticketId: t1, minutes: 5 },
    ];
    s.advance(5);
    for (const command of others) expect(s.refused(command)).toBe('NOT_AT_THIS_DESK');
    s.start('d1', 't1');
    expect(s.refused({ type: 'complete', deskId: d2, ticketId: t1 })).toBe('NOT_AT_THIS_DESK');
  });

  it('requires an outcome where the service asks for one', () => {
    const s = withWaitingTicket();
    s.issue('r1', 'r');
    s.do({ type: 'call-ticket', deskId: d2, ticketId: ticketId('r1'), reason: 'test' });
    s.start('d2', 'r1');
    expect(s.refused({ type: 'complete', deskId: d2, ticketId: ticketId('r1') })).toBe('OUTCOME_REQUIRED');
    expect(s.refused({ type: 'complete', deskId: d2, ticketId: ticketId('r1'), outcome: 'nope' })).toBe(
      'UNKNOWN_OUTCOME',
    );
    s.do({ type: 'complete', deskId: d2, ticketId: ticketId('r1'), outcome: 'done' });
    expect(s.ticket('r1')).toMatchObject({ status: 'completed', outcome: 'done' });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random command sequences only ever make legal moves
// ---------------------------------------------------------------------------------------------

const TICKET_POOL = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'] as const;
const DESK_POOL = ['d1', 'd2'] as const;

/** A ticket by id, or `held`: whatever the commanding desk has in hand when the step runs. */
type TicketRef = (typeof TICKET_POOL)[number] | 'held';

/** A generated step: a command with a ticket reference still to resolve, and the minutes before it. */
interface GenStep {
  readonly input: Omit<CommandInput, 'ticketId'> & { readonly ticketId?: TicketRef };
  readonly gap: number;
}

const anyTicket = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<TicketRef>(...TICKET_POOL) },
  { weight: 3, arbitrary: fc.constant<TicketRef>('held') },
);
const anyDesk = fc.constantFrom(...DESK_POOL).map(deskId);
const anyService = fc.constantFrom('a', 'b').map(serviceCode);

const inputArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('issue-ticket' as const),
      ticketId: fc.constantFrom<TicketRef>(...TICKET_POOL),
      serviceCode: anyService,
      source: fc.constant('kiosk' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('open-desk' as const),
      deskId: anyDesk,
      operatorId: fc.constantFrom('x', 'y').map(staffId),
    }),
  },
  fc.record({ type: fc.constant('pause-desk' as const), deskId: anyDesk, reason: fc.constant('break') }),
  fc.record({ type: fc.constant('resume-desk' as const), deskId: anyDesk }),
  fc.record({ type: fc.constant('close-desk' as const), deskId: anyDesk }),
  { weight: 5, arbitrary: fc.record({ type: fc.constant('call-next' as const), deskId: anyDesk }) },
  fc.record({
    type: fc.constant('call-ticket' as const),
    deskId: anyDesk,
    ticketId: anyTicket,
    reason: fc.constant('why'),
  }),
  fc.record({ type: fc.constant('recall' as const), deskId: anyDesk, ticketId: anyTicket }),
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('start-serving' as const),
      deskId: anyDesk,
      ticketId: anyTicket,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ type: fc.constant('complete' as const), deskId: anyDesk, ticketId: anyTicket }),
  },
  fc.record({ type: fc.constant('mark-no-show' as const), deskId: anyDesk, ticketId: anyTicket }),
  fc.record({
    type: fc.constant('transfer' as const),
    deskId: anyDesk,
    ticketId: anyTicket,
    toServiceCode: anyService,
    keepPlace: fc.boolean(),
    returnToMe: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('postpone' as const),
    deskId: anyDesk,
    ticketId: anyTicket,
    minutes: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({
    type: fc.constant('cancel-ticket' as const),
    ticketId: anyTicket,
    reason: fc.constant('gone'),
  }),
  fc.record({ type: fc.constant('tick' as const) }),
);

const stepArb: fc.Arbitrary<GenStep> = fc.record({
  input: inputArb as fc.Arbitrary<GenStep['input']>,
  gap: fc.integer({ min: 0, max: 3 }),
});

/** Turn a generated step into a command against the current state. */
const resolve = (step: GenStep, state: QueueState, at: Instant): QueueCommand => {
  const { ticketId: ref, ...rest } = step.input;
  const own = (rest as { readonly deskId?: DeskId }).deskId;
  const held =
    own !== undefined
      ? state.desks[own]?.currentTicketId
      : Object.values(state.desks).find((entry) => entry.currentTicketId)?.currentTicketId;
  const resolved =
    ref === undefined ? {} : { ticketId: ref === 'held' ? (held ?? ticketId('t0')) : ticketId(ref) };
  return { ...rest, ...resolved, at, actor: staff('someone') } as QueueCommand;
};

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

/** The ticket a command names, if any. */
const subjectOf = (command: QueueCommand): string | undefined =>
  'ticketId' in command ? command.ticketId : undefined;

const KNOWN_CODES: readonly QueueErrorCode[] = [
  'UNKNOWN_TICKET',
  'DUPLICATE_TICKET',
  'ILLEGAL_TRANSITION',
  'DESK_CLOSED',
  'DESK_PAUSED',
  'DESK_BUSY',
  'DESK_OCCUPIED',
  'NOT_AT_THIS_DESK',
  'QUEUE_EMPTY',
  'NOT_ELIGIBLE',
  'NO_SHOW_TOO_EARLY',
  'INVALID_ARGUMENT',
];

/** Desks and tickets agree: a ticket in hand is the current ticket of exactly its desk. */
const expectConsistentHands = (state: QueueState): void => {
  const inHand = new Map<string, string>();
  for (const deskState of Object.values(state.desks)) {
    if (deskState.currentTicketId === undefined) continue;
    expect(inHand.has(deskState.currentTicketId)).toBe(false);
    inHand.set(deskState.currentTicketId, deskState.id);
    expect(deskState.status).not.toBe('closed');
  }
  for (const ticket of ticketsOf(state)) {
    if (ticket.status === 'called' || ticket.status === 'serving') {
      expect(inHand.get(ticket.id)).toBe(ticket.deskId);
    } else {
      expect(inHand.has(ticket.id)).toBe(false);
    }
  }
};

describe('lifecycle property', () => {
  it('accepted commands make only legal moves; refused ones change nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 50, maxLength: 100 }), (steps) => {
        let state: QueueState = emptyState();
        let now: Instant = START;
        for (const step of steps) {
          now = addMinutes(now, step.gap);
          const before = deepFreeze(state);
          const command = resolve(step, before, now);
          const snapshot = JSON.stringify(before);
          const decision = decide(small, before, command);
          expect(JSON.stringify(before)).toBe(snapshot);

          const subject = subjectOf(command);
          const subjectBefore: Ticket | undefined = subject ? ticketOf(before, ticketId(subject)) : undefined;

          if (!decision.ok) {
            expect(KNOWN_CODES).toContain(decision.error.code);
            if (decision.error.code === 'ILLEGAL_TRANSITION' && subjectBefore) {
              // The table agrees that this move is not allowed.
              const from = subjectBefore.status;
              const callable =
                command.type === 'call-ticket' ? isCallable(subjectBefore, now) : from !== 'postponed';
              expect(TRANSITIONS[command.type][from] !== undefined && callable).toBe(false);
            }
            continue;
          }

          state = evolveAll(before, decision.value);
          expectConsistentHands(state);
          for (const id of new Set([
            ...ticketsOf(before).map((ticket) => ticket.id),
            ...ticketsOf(state).map((ticket) => ticket.id),
          ])) {
            const was = ticketOf(before, ticketId(id));
            const is = ticketOf(state, ticketId(id));
            if (!is) throw new Error(`ticket ${id} vanished within a day`);
            if (!was) {
              expect(command.type).toBe('issue-ticket');
              expect(is.status).toBe('waiting');
              continue;
            }
            if (was.status === is.status && command.type !== 'recall') {
              if (id !== subject && command.type !== 'call-next') expect(is).toBe(was);
              continue;
            }
            if (command.type === 'recall' && id !== subject) {
              expect(is).toBe(was);
              continue;
            }
            // Only the named ticket moves, except for call-next (the picked one) and tick.
            if (command.type !== 'call-next' && command.type !== 'tick') expect(id).toBe(subject);
            expect(
              isLegal(command.type, was.status, is.status),
              `${command.type}: ${was.status} → ${is.status}`,
            ).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
