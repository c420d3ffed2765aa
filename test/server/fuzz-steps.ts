/**
 * The traffic of the invariant fuzz test (fuzz-invariants.test.ts) as fast-check arbitraries:
 * commands from the usual sender most of the time and from anyone now and then, with the
 * ticket taken from the sender's desk, from those the server acknowledged, or made up; one
 * field in six replaced by garbage or a 200 KB string; whole garbage payloads; clock moves.
 */
import fc from 'fast-check';

export const ACTORS = ['kiosk', 'op1', 'op2', 'op3', 'reception', 'display'] as const;
export type ActorName = (typeof ACTORS)[number];
export const DESK_OF: Partial<Record<ActorName, string>> = { op1: 'desk-1', op2: 'desk-2', op3: 'desk-3' };

const DESK_STAFF = ['op1', 'op2', 'op3'] as const;
const ISSUERS = ['kiosk', 'reception'] as const;

interface EventShape {
  /** Fields beyond requestId and ticketId; the required ones are always present. */
  readonly fields: readonly string[];
  readonly required?: readonly string[];
  /** How often the event comes up, and who usually sends it (anyone may, now and then). */
  readonly weight: number;
  readonly usual: readonly ActorName[];
}

const EVENTS: Record<string, EventShape> = {
  'ticket:issue': {
    fields: ['serviceCode', 'note', 'delivery'],
    required: ['serviceCode'],
    weight: 8,
    usual: ISSUERS,
  },
  'ticket:cancel': { fields: ['reason'], required: ['reason'], weight: 1, usual: ['reception'] },
  'ticket:change-service': {
    fields: ['serviceCode', 'reason'],
    required: ['serviceCode', 'reason'],
    weight: 1,
    usual: ['reception'],
  },
  'ticket:find': { fields: ['number'], required: ['number'], weight: 1, usual: DESK_STAFF },
  'ticket:reprint': { fields: [], weight: 1, usual: ['reception'] },
  'desk:open': { fields: ['deskId'], weight: 2, usual: DESK_STAFF },
  'desk:pause': {
    fields: ['deskId', 'reason', 'minutes'],
    required: ['reason'],
    weight: 1,
    usual: DESK_STAFF,
  },
  'desk:resume': { fields: ['deskId'], weight: 1, usual: DESK_STAFF },
  'desk:close': { fields: ['deskId'], weight: 1, usual: DESK_STAFF },
  'visit:call-next': { fields: ['deskId'], weight: 5, usual: DESK_STAFF },
  'visit:call': { fields: ['deskId', 'reason'], required: ['reason'], weight: 1, usual: DESK_STAFF },
  'visit:recall': { fields: ['deskId'], weight: 1, usual: DESK_STAFF },
  'visit:start': { fields: ['deskId'], weight: 3, usual: DESK_STAFF },
  'visit:complete': { fields: ['deskId', 'outcome', 'note'], weight: 3, usual: DESK_STAFF },
  'visit:no-show': { fields: ['deskId'], weight: 1, usual: DESK_STAFF },
  'visit:transfer': {
    fields: ['deskId', 'toServiceCode', 'comment'],
    required: ['toServiceCode'],
    weight: 2,
    usual: DESK_STAFF,
  },
  'visit:postpone': { fields: ['deskId', 'minutes'], required: ['minutes'], weight: 1, usual: DESK_STAFF },
  'visit:review-priority': {
    fields: ['deskId', 'confirmed'],
    required: ['confirmed'],
    weight: 1,
    usual: DESK_STAFF,
  },
  'board:update': { fields: ['boardId', 'muted'], required: ['boardId'], weight: 1, usual: ['reception'] },
  'sync:snapshot': { fields: [], weight: 1, usual: ['display'] },
  'sync:since': { fields: ['epoch', 'seq'], required: ['epoch', 'seq'], weight: 1, usual: ['display'] },
  'audit:list': { fields: ['limit'], weight: 1, usual: DESK_STAFF },
};
export const ON_TICKET = new Set([
  'ticket:cancel',
  'ticket:change-service',
  'ticket:reprint',
  'visit:call',
  'visit:recall',
  'visit:start',
  'visit:complete',
  'visit:no-show',
  'visit:transfer',
  'visit:postpone',
  'visit:review-priority',
]);
export const NO_REQUEST_ID = new Set(['ticket:find', 'sync:snapshot', 'sync:since', 'audit:list']);

/** Up to 200 KB: one such string per message stays under the server's 256 KB message limit. */
const huge = fc.integer({ min: 1_000, max: 200 * 1024 }).map((length) => 'x'.repeat(length));
const service = fc.constantFrom(
  'bill-explain',
  'bill-reconcile',
  'doc-copy',
  'priority-any',
  'no-such-service',
);
const text = fc.oneof(fc.constant('a reason'), fc.string({ minLength: 1, maxLength: 40 }));
const FIELD: Record<string, fc.Arbitrary<unknown>> = {
  serviceCode: service,
  toServiceCode: service,
  deskId: fc.constantFrom('desk-1', 'desk-2', 'desk-3', 'desk-4', 'desk-99'),
  reason: text,
  note: text,
  comment: text,
  outcome: fc.constantFrom('resolved', 'consulted', 'bogus'),
  delivery: fc.constantFrom('paper', 'screen'),
  number: fc.constantFrom('А-001', 'А-002', 'Б-001', 'nope'),
  minutes: fc.integer({ min: -5, max: 300 }),
  confirmed: fc.boolean(),
  boardId: fc.constantFrom('hall', 'nope'),
  muted: fc.boolean(),
  epoch: fc.constantFrom('stale-epoch', 'x'),
  seq: fc.nat(500),
  limit: fc.integer({ min: 1, max: 200 }),
};

/**
 * Which ticket a step names: the one at the sender's desk, one the server acknowledged (by
 * index), a random well-formed id, or garbage.
 */
const ticketRef = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ current: true }) },
  { weight: 4, arbitrary: fc.record({ known: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ id: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }) },
  { weight: 1, arbitrary: fc.record({ id: fc.anything({ maxDepth: 1 }) }) },
);

const command = (event: string, shape: EventShape) =>
  fc.record({
    kind: fc.constant('command' as const),
    actor: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...shape.usual) }, fc.constantFrom(...ACTORS)),
    event: fc.constant(event),
    fields: fc.record(
      Object.fromEntries(
        shape.fields.filter((key) => key !== 'deskId').map((key) => [key, FIELD[key] ?? fc.anything()]),
      ),
      { requiredKeys: [...(shape.required ?? [])] },
    ),
    /** Now and then a desk is named: the sender's own, another, or one that does not exist. */
    desk: shape.fields.includes('deskId')
      ? fc.oneof(
          { weight: 5, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: FIELD.deskId ?? fc.constant(null) },
        )
      : fc.constant(null),
    ticket: ticketRef,
    /** Replace one field with a value of any type, or a 200 KB string. */
    corrupt: fc.oneof(
      { weight: 5, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom('requestId', 'ticketId', ...shape.fields),
          fc.oneof(fc.anything({ maxDepth: 2 }), huge),
        ),
      },
    ),
  });

export const step = fc.oneof(
  ...Object.entries(EVENTS).map(([event, shape]) => ({
    weight: shape.weight,
    arbitrary: command(event, shape),
  })),
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      actor: fc.constantFrom(...ACTORS),
      event: fc.constantFrom(...Object.keys(EVENTS)),
      payload: fc.oneof(fc.anything({ maxDepth: 3 }), huge),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('clock' as const), minutes: fc.integer({ min: 0, max: 3 }) }),
  },
);
export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
