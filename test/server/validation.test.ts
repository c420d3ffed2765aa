/**
 * Nothing a client sends can hurt the server: malformed payloads are refused with
 * BAD_REQUEST, callers without a valid token never connect, roles and desks are enforced,
 * the login endpoint rejects bad bodies, and random payloads never crash anything.
 */
import type { ClientEventName, WireErrorCode } from '@queue/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  type RecordingSocket,
  type TestServer,
  okData,
  rid,
  startServer,
} from './harness';
import { ticketOf } from '@queue/core';

/** A socket that can send anything at all, bypassing the typed contract. */
interface RawSocket {
  emitWithAck(name: string, ...args: unknown[]): Promise<unknown>;
  emit(name: string, ...args: unknown[]): unknown;
}
const raw = (socket: RecordingSocket): RawSocket => socket as unknown as RawSocket;

/** Every code a refusal may carry; a Record so that a new code must be listed here. */
const WIRE_CODES: Record<WireErrorCode, true> = {
  UNKNOWN_SERVICE: true,
  UNKNOWN_DESK: true,
  UNKNOWN_TICKET: true,
  DUPLICATE_TICKET: true,
  SITE_CLOSED: true,
  SERVICE_CLOSED: true,
  DAILY_LIMIT_REACHED: true,
  NO_DESK_FOR_SERVICE: true,
  NOT_ON_KIOSK: true,
  ILLEGAL_TRANSITION: true,
  DESK_CLOSED: true,
  DESK_PAUSED: true,
  KEPT_FOR_BOOKING: true,
  DESK_BUSY: true,
  DESK_OCCUPIED: true,
  NOT_AT_THIS_DESK: true,
  QUEUE_EMPTY: true,
  NOT_ELIGIBLE: true,
  NO_SHOW_TOO_EARLY: true,
  OUTCOME_REQUIRED: true,
  UNKNOWN_OUTCOME: true,
  INVALID_ARGUMENT: true,
  BAD_REQUEST: true,
  UNAUTHENTICATED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  RATE_LIMITED: true,
  INTERNAL: true,
  PRINTER_UNAVAILABLE: true,
  CONFIG_INVALID: true,
  CONFIG_CONFLICT: true,
  LOGIN_TAKEN: true,
  OTHER_ORGANISATION: true,
  UNPAIRED_TERMINAL: true,
  REPORTS_PREPARING: true,
  CATALOGUE_STALE: true,
  BOOKING_DISABLED: true,
  SLOT_UNAVAILABLE: true,
  SLOT_FULL: true,
  PERSON_LIMIT: true,
  DAY_LIMIT: true,
  ADDRESS_LIMIT: true,
  PUBLIC_LIMIT: true,
  CHECK_IN_TOO_EARLY: true,
  BOOKING_EXPIRED: true,
  ALREADY_RATED: true,
  UNKNOWN_APPEAL: true,
  NOT_CLASSIFIED: true,
  NOT_ASSIGNED: true,
  NOT_ASSIGNEE: true,
  ALREADY_EXTENDED: true,
  NOT_EXTENDABLE: true,
  TERM_EXPIRED: true,
  NEEDS_SUPERVISOR: true,
  NOT_CLASS_C: true,
  HIGHER_BODY_MISSING: true,
  UNKNOWN_ORGANISATION: true,
};

/** string: a pattern-checked id; free: any 1-64 chars; text: trimmed, non-blank. */
type FieldKind = 'string' | 'free' | 'text' | 'number' | 'boolean' | 'enum' | 'object' | 'array';

interface EventSpec {
  /** A payload the schema accepts, with every optional field filled in. */
  readonly valid: Record<string, unknown>;
  readonly required: readonly string[];
  readonly fields: Readonly<Record<string, FieldKind>>;
}

const TICKET = 'abcdefgh12345678';
const REQUEST = 'request-12345678';
const APPEAL = 'appeal-12345678';

/** One entry per client event: the compiler insists that none is missing. */
const EVENTS: Record<ClientEventName, EventSpec> = {
  'sync:snapshot': { valid: {}, required: [], fields: {} },
  'sync:since': {
    valid: { epoch: 'some-epoch', seq: 3 },
    required: ['epoch', 'seq'],
    fields: { epoch: 'free', seq: 'number' },
  },
  'ticket:issue': {
    valid: {
      requestId: REQUEST,
      serviceCode: 'bill-reconcile',
      priority: { category: 'elderly', reason: 'age' },
      itinerary: ['bill-explain'],
      note: 'a note',
      language: 'uk',
      delivery: 'paper',
    },
    required: ['requestId', 'serviceCode'],
    fields: {
      requestId: 'string',
      serviceCode: 'string',
      priority: 'object',
      itinerary: 'array',
      note: 'text',
      language: 'enum',
      delivery: 'enum',
    },
  },
  'ticket:reprint': {
    valid: { requestId: REQUEST, ticketId: TICKET, kioskId: 'kiosk-1', language: 'uk' },
    required: ['requestId', 'ticketId'],
    fields: { requestId: 'string', ticketId: 'string', kioskId: 'string', language: 'enum' },
  },
  'booking:check-in': {
    valid: { requestId: REQUEST, code: 'AB12CD', language: 'uk' },
    required: ['requestId', 'code'],
    fields: { requestId: 'string', code: 'string', language: 'enum' },
  },
  'booking:create': {
    valid: {
      requestId: REQUEST,
      serviceCode: 'doc-residence',
      slotAt: Date.parse('2026-11-25T09:00:00+02:00'),
      name: 'Олена Петренко',
      phone: '+380671234567',
      language: 'uk',
    },
    required: ['requestId', 'serviceCode', 'slotAt', 'name', 'phone'],
    fields: {
      requestId: 'string',
      serviceCode: 'string',
      slotAt: 'number',
      name: 'text',
      phone: 'text',
      language: 'enum',
    },
  },
  'booking:cancel': {
    valid: { requestId: REQUEST, code: 'AB12CD34' },
    required: ['requestId', 'code'],
    fields: { requestId: 'string', code: 'string' },
  },
  'booking:move': {
    valid: { requestId: REQUEST, code: 'AB12CD34', slotAt: Date.parse('2026-11-25T09:20:00+02:00') },
    required: ['requestId', 'code', 'slotAt'],
    fields: { requestId: 'string', code: 'string', slotAt: 'number' },
  },
  'booking:find': { valid: { code: 'AB12CD34' }, required: ['code'], fields: { code: 'string' } },
  'booking:slots': {
    valid: { serviceCode: 'doc-residence', day: '2026-11-25', days: 2 },
    required: ['serviceCode', 'day'],
    fields: { serviceCode: 'string', day: 'string', days: 'number' },
  },
  'booking:bursts': { valid: { windowMinutes: 60 }, required: [], fields: { windowMinutes: 'number' } },
  'booking:cancel-burst': {
    valid: {
      requestId: REQUEST,
      kind: 'address',
      key: '203.0.113.7',
      windowMinutes: 60,
      codes: ['AB12CD34'],
    },
    required: ['requestId', 'kind', 'key', 'codes'],
    fields: { requestId: 'string', kind: 'enum', key: 'free', windowMinutes: 'number', codes: 'array' },
  },
  'kiosk:printer-status': {
    valid: { status: { online: true, coverOpen: false, paperOut: false, paperNearEnd: false } },
    required: ['status'],
    fields: { status: 'object' },
  },
  'kiosk:print-result': {
    valid: { requestId: REQUEST, ticketId: TICKET, ok: false, error: 'paper jam' },
    required: ['requestId', 'ticketId', 'ok'],
    fields: { requestId: 'string', ticketId: 'string', ok: 'boolean', error: 'text' },
  },
  'printer:test-page': {
    valid: { requestId: REQUEST, kioskId: 'kiosk-1' },
    required: ['requestId', 'kioskId'],
    fields: { requestId: 'string', kioskId: 'string' },
  },
  'ticket:cancel': {
    valid: { requestId: REQUEST, ticketId: TICKET, reason: 'left' },
    required: ['requestId', 'ticketId', 'reason'],
    fields: { requestId: 'string', ticketId: 'string', reason: 'text' },
  },
  'ticket:find': { valid: { number: 'А-001' }, required: ['number'], fields: { number: 'text' } },
  'audit:list': {
    valid: { before: 100, limit: 20, action: 'login' },
    required: [],
    fields: { before: 'number', limit: 'number', action: 'string' },
  },
  'device:list-requests': { valid: {}, required: [], fields: {} },
  'device:list': { valid: {}, required: [], fields: {} },
  'device:approve': {
    valid: { code: '123 456', role: 'desk', name: 'Desk 1 terminal', deskId: 'desk-1' },
    required: ['code', 'role', 'name'],
    fields: { code: 'free', role: 'enum', name: 'text', deskId: 'string' },
  },
  'device:reject': { valid: { code: '123456' }, required: ['code'], fields: { code: 'free' } },
  'device:revoke': {
    valid: { deviceId: 'no-such-device' },
    required: ['deviceId'],
    fields: { deviceId: 'string' },
  },
  'device:rename': {
    valid: { deviceId: 'no-such-device', name: 'Kiosk' },
    required: ['deviceId', 'name'],
    fields: { deviceId: 'string', name: 'text' },
  },
  'centre:get': { valid: {}, required: [], fields: {} },
  'centre:replace': {
    // Version 0 is never the one in force: the fuzzing cannot replace the configuration.
    valid: { requestId: REQUEST, baseVersion: 0, centre: {} },
    required: ['requestId', 'baseVersion'],
    fields: { requestId: 'string', baseVersion: 'number' },
  },
  'staff:list': { valid: {}, required: [], fields: {} },
  'staff:save': {
    // An unknown id: refused by the rules, so that the fuzzing changes no account.
    valid: {
      requestId: REQUEST,
      id: 'nobody',
      login: 'nobody',
      name: 'Nobody',
      roles: ['operator'],
      organisationIds: ['centre'],
      deskId: 'desk-1',
      active: true,
      secret: 'secret-1',
    },
    required: ['requestId', 'login', 'name', 'roles', 'organisationIds', 'active'],
    fields: {
      requestId: 'string',
      id: 'string',
      login: 'string',
      name: 'text',
      roles: 'array',
      organisationIds: 'array',
      deskId: 'string',
      active: 'boolean',
      secret: 'text',
    },
  },
  'staff:reset-password': {
    valid: { requestId: REQUEST, id: 'nobody', secret: 'secret-1' },
    required: ['requestId', 'id', 'secret'],
    fields: { requestId: 'string', id: 'string', secret: 'text' },
  },
  'desk:assign-services': {
    valid: { requestId: REQUEST, deskId: 'desk-99', services: [{ code: 'bill-reconcile', weight: 1 }] },
    required: ['requestId', 'deskId', 'services'],
    fields: { requestId: 'string', deskId: 'string', services: 'array' },
  },
  'report:run': {
    valid: { from: '2026-11-01', to: '2026-11-30', groupBy: 'service', organisationId: 'centre' },
    required: ['from', 'to', 'groupBy'],
    fields: { from: 'string', to: 'string', groupBy: 'enum', organisationId: 'free' },
  },
  'report:staffing': {
    valid: { day: '2026-12-03', organisationId: 'centre' },
    required: ['day'],
    fields: { day: 'string', organisationId: 'free' },
  },
  'backup:now': { valid: {}, required: [], fields: {} },
  'hub:status': { valid: {}, required: [], fields: {} },
  'city-catalogue:offer': { valid: { refresh: true }, required: [], fields: { refresh: 'boolean' } },
  'city-catalogue:apply': {
    valid: { requestId: REQUEST, version: 3 },
    required: ['requestId', 'version'],
    fields: { requestId: 'string', version: 'number' },
  },
  'board:update': {
    valid: { requestId: REQUEST, boardId: 'hall', ticker: { uk: 'a', ru: 'b', en: 'c' }, muted: true },
    required: ['requestId', 'boardId'],
    fields: { requestId: 'string', boardId: 'free', ticker: 'object', muted: 'boolean' },
  },
  'ticket:change-service': {
    valid: { requestId: REQUEST, ticketId: TICKET, serviceCode: 'bill-explain', reason: 'wrong tile' },
    required: ['requestId', 'ticketId', 'serviceCode', 'reason'],
    fields: { requestId: 'string', ticketId: 'string', serviceCode: 'string', reason: 'text' },
  },
  'visit:review-priority': {
    valid: { requestId: REQUEST, deskId: 'desk-1', ticketId: TICKET, confirmed: true },
    required: ['requestId', 'ticketId', 'confirmed'],
    fields: { requestId: 'string', deskId: 'string', ticketId: 'string', confirmed: 'boolean' },
  },
  'desk:open': {
    valid: { requestId: REQUEST, deskId: 'desk-1' },
    required: ['requestId'],
    fields: { requestId: 'string', deskId: 'string' },
  },
  'desk:pause': {
    valid: { requestId: REQUEST, deskId: 'desk-1', reason: 'lunch', minutes: 45 },
    required: ['requestId', 'reason'],
    fields: { requestId: 'string', deskId: 'string', reason: 'text', minutes: 'number' },
  },
  'desk:resume': {
    valid: { requestId: REQUEST, deskId: 'desk-1' },
    required: ['requestId'],
    fields: { requestId: 'string', deskId: 'string' },
  },
  'desk:close': {
    valid: { requestId: REQUEST, deskId: 'desk-1' },
    required: ['requestId'],
    fields: { requestId: 'string', deskId: 'string' },
  },
  'visit:call-next': {
    valid: { requestId: REQUEST, deskId: 'desk-1' },
    required: ['requestId'],
    fields: { requestId: 'string', deskId: 'string' },
  },
  'visit:call': {
    valid: { requestId: REQUEST, deskId: 'desk-1', ticketId: TICKET, reason: 'asked' },
    required: ['requestId', 'ticketId', 'reason'],
    fields: { requestId: 'string', deskId: 'string', ticketId: 'string', reason: 'text' },
  },
  'visit:recall': {
    valid: { requestId: REQUEST, deskId: 'desk-1', ticketId: TICKET },
    required: ['requestId', 'ticketId'],
    fields: { requestId: 'string', deskId: 'string', ticketId: 'string' },
  },
  'visit:start': {
    valid: { requestId: REQUEST, deskId: 'desk-1', ticketId: TICKET },
    required: ['requestId', 'ticketId'],
    fields: { requestId: 'string', deskId: 'string', ticketId: 'string' },
  },
  'visit:complete': {
    valid: { requestId: REQUEST, deskId: 'desk-1', ticketId: TICKET, outcome: 'resolved', note: 'done' },
    required: ['requestId', 'ticketId'],
    fields: { requestId: 'string', deskId: 'string', ticketId: 'string', outcome: 'free', note: 'text' },
  },
  'visit:no-show': {
    valid: { requestId: REQUEST, deskId: 'desk-1', ticketId: TICKET },
    required: ['requestId', 'ticketId'],
    fields: { requestId: 'string', deskId: 'string', ticketId: 'string' },
  },
  'visit:transfer': {
    valid: {
      requestId: REQUEST,
      deskId: 'desk-1',
      ticketId: TICKET,
      toServiceCode: 'bill-explain',
      toDeskId: 'desk-2',
      toOperatorId: 'operator2',
      comment: 'see my colleague',
      keepPlace: true,
      returnToMe: false,
    },
    required: ['requestId', 'ticketId', 'toServiceCode'],
    fields: {
      requestId: 'string',
      deskId: 'string',
      ticketId: 'string',
      toServiceCode: 'string',
      toDeskId: 'string',
      toOperatorId: 'string',
      comment: 'text',
      keepPlace: 'boolean',
      returnToMe: 'boolean',
    },
  },
  'visit:postpone': {
    valid: { requestId: REQUEST, deskId: 'desk-1', ticketId: TICKET, minutes: 10 },
    required: ['requestId', 'ticketId', 'minutes'],
    fields: { requestId: 'string', deskId: 'string', ticketId: 'string', minutes: 'number' },
  },
  'appeal:register': {
    valid: {
      requestId: REQUEST,
      channel: 'in-person',
      language: 'uk',
      topic: { organisationId: 'heat', serviceCode: 'heat-recalc' },
      summary: 'No heating',
      text: 'The radiators are cold since Monday.',
      applicant: {
        name: 'Олена Коваль',
        address: 'вул. Садова, 3',
        phone: '+380 67 123 45 67',
        email: 'o@example.com',
      },
      ticketId: TICKET,
      appealClass: 'B',
      receiptKioskId: 'kiosk-1',
    },
    required: ['requestId', 'channel', 'topic', 'summary', 'text', 'applicant'],
    fields: {
      requestId: 'string',
      channel: 'enum',
      language: 'enum',
      topic: 'object',
      summary: 'text',
      text: 'text',
      applicant: 'object',
      ticketId: 'string',
      appealClass: 'enum',
      receiptKioskId: 'string',
    },
  },
  'appeal:classify': {
    valid: { requestId: REQUEST, appealId: APPEAL, appealClass: 'A', topic: { organisationId: 'heat' } },
    required: ['requestId', 'appealId', 'appealClass'],
    fields: { requestId: 'string', appealId: 'string', appealClass: 'enum', topic: 'object' },
  },
  'appeal:assign': {
    valid: { requestId: REQUEST, appealId: APPEAL, organisationId: 'heat', staffId: 'operator1' },
    required: ['requestId', 'appealId', 'organisationId'],
    fields: { requestId: 'string', appealId: 'string', organisationId: 'string', staffId: 'string' },
  },
  'appeal:take': {
    valid: { requestId: REQUEST, appealId: APPEAL },
    required: ['requestId', 'appealId'],
    fields: { requestId: 'string', appealId: 'string' },
  },
  'appeal:extend': {
    valid: { requestId: REQUEST, appealId: APPEAL, reason: 'needs an inspection' },
    required: ['requestId', 'appealId', 'reason'],
    fields: { requestId: 'string', appealId: 'string', reason: 'text' },
  },
  'appeal:forward': {
    valid: { requestId: REQUEST, appealId: APPEAL, body: 'Regional office', note: 'for a decision' },
    required: ['requestId', 'appealId', 'body'],
    fields: { requestId: 'string', appealId: 'string', body: 'text', note: 'text' },
  },
  'appeal:answer': {
    valid: { requestId: REQUEST, appealId: APPEAL, result: 'Recalculated', favour: 'applicant' },
    required: ['requestId', 'appealId', 'result', 'favour'],
    fields: { requestId: 'string', appealId: 'string', result: 'text', favour: 'enum' },
  },
  'appeal:dismiss': {
    valid: { requestId: REQUEST, appealId: APPEAL, ground: 'unreadable', note: 'illegible' },
    required: ['requestId', 'appealId', 'ground'],
    fields: { requestId: 'string', appealId: 'string', ground: 'enum', note: 'text' },
  },
  'appeal:reopen': {
    valid: { requestId: REQUEST, appealId: APPEAL, reason: 'new facts' },
    required: ['requestId', 'appealId', 'reason'],
    fields: { requestId: 'string', appealId: 'string', reason: 'text' },
  },
  'appeal:list': {
    valid: {
      statuses: ['registered'],
      appealClass: 'A',
      organisationId: 'heat',
      assigneeId: 'operator1',
      mine: true,
      urgency: 'overdue',
      dueBy: '2026-12-10',
      from: '2026-12-01',
      to: '2026-12-31',
      search: '2026/1',
      limit: 10,
      offset: 0,
    },
    required: [],
    fields: {
      statuses: 'array',
      appealClass: 'enum',
      organisationId: 'string',
      assigneeId: 'string',
      mine: 'boolean',
      urgency: 'enum',
      dueBy: 'string',
      limit: 'number',
      offset: 'number',
    },
  },
  'appeal:get': { valid: { appealId: APPEAL }, required: ['appealId'], fields: { appealId: 'string' } },
  'appeal:print-receipt': {
    valid: { requestId: REQUEST, appealId: APPEAL, kioskId: 'kiosk-1' },
    required: ['requestId', 'appealId', 'kioskId'],
    fields: { requestId: 'string', appealId: 'string', kioskId: 'string' },
  },
  'appeal:assignees': {
    valid: { organisationId: 'heat' },
    required: ['organisationId'],
    fields: { organisationId: 'string' },
  },
  'appeal:report': {
    valid: { from: '2026-12-01', to: '2026-12-31', dimension: 'organisation', organisationId: 'heat' },
    required: ['from', 'to', 'dimension'],
    fields: { from: 'string', to: 'string', dimension: 'enum', organisationId: 'string' },
  },
  'partner-key:list': { valid: {}, required: [], fields: {} },
  'partner-key:issue': {
    valid: { requestId: REQUEST, name: 'City contact centre' },
    required: ['requestId', 'name'],
    fields: { requestId: 'string', name: 'text' },
  },
  'partner-key:revoke': {
    valid: { requestId: REQUEST, id: 'no-such-key' },
    required: ['requestId', 'id'],
    fields: { requestId: 'string', id: 'string' },
  },
};

const EVENT_NAMES = Object.keys(EVENTS) as ClientEventName[];

const HUGE = 'x'.repeat(100 * 1024);

/** Values of the wrong kind for a field. */
const wrongValues = (kind: FieldKind): unknown[] => {
  const common: unknown[] = [null, [], {}, HUGE, [HUGE]];
  switch (kind) {
    case 'string':
      return [...common, 42, 0, true, '', 'has spaces and ünïcödé!', ['desk-1'], { value: 'x' }];
    case 'free':
      return [...common, 42, true, '', 'y'.repeat(65)];
    case 'text':
      return [...common, 42, true, '', '   ', ['text']];
    case 'number':
      return [...common, '5', -1, 1.5, 1e300, true];
    case 'boolean':
      return [...common, 'true', 1, 0];
    case 'enum':
      return [...common, 'xx', 1, true];
    case 'object':
      return [
        ...common.filter((value) => typeof value !== 'object' || value === null),
        'elderly',
        7,
        { category: 'nope' },
      ];
    case 'array':
      return [null, {}, [HUGE], 'bill-explain', [1, 2], ['Bad Code'], Array.from({ length: 50 }, () => 'a')];
  }
};

interface Case {
  readonly label: string;
  readonly payload: unknown;
}

/** Malformed payloads for one event: whole-payload garbage, then field by field. */
const malformedCases = (spec: EventSpec): Case[] => {
  // A fresh request id per case, so that no case can be answered from an earlier one's memory.
  const valid = (): Record<string, unknown> =>
    'requestId' in spec.valid ? { ...spec.valid, requestId: rid('bad') } : { ...spec.valid };
  const withProto = JSON.parse('{"__proto__":{"admin":true}}') as Record<string, unknown>;
  const cases: Case[] = [
    { label: 'null', payload: null },
    { label: 'array', payload: [] },
    { label: 'array of the valid payload', payload: [valid()] },
    { label: 'string', payload: 'payload' },
    { label: 'number', payload: 42 },
    { label: 'boolean', payload: true },
    { label: 'huge string', payload: HUGE },
    { label: 'extra field', payload: { ...valid(), extra: 1 } },
    { label: 'extra huge field', payload: { ...valid(), padding: HUGE } },
    { label: '__proto__ key', payload: Object.assign(withProto, valid()) },
  ];
  if (spec.required.length > 0) {
    cases.push({ label: 'empty object', payload: {} });
    cases.push({ label: 'missing payload', payload: undefined });
  }
  for (const field of spec.required) {
    const { [field]: _dropped, ...rest } = valid();
    cases.push({ label: `missing ${field}`, payload: rest });
  }
  for (const [field, kind] of Object.entries(spec.fields)) {
    wrongValues(kind).forEach((value, index) => {
      cases.push({ label: `${field} #${index} (${typeof value})`, payload: { ...valid(), [field]: value } });
    });
  }
  return cases;
};

const expectWellFormed = (answer: unknown): void => {
  expect(answer).toBeTypeOf('object');
  const ack = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ack.ok === true) {
    expect(ack).toHaveProperty('data');
    return;
  }
  expect(ack.ok).toBe(false);
  expect(Object.keys(WIRE_CODES)).toContain(ack.error?.code);
  expect(ack.error?.message).toBeTypeOf('string');
  expect((ack.error?.message as string).length).toBeGreaterThan(0);
  // A refusal must not echo a client's 100 KB back at it.
  expect((ack.error?.message as string).length).toBeLessThan(2_000);
};

describe('input validation and access control', () => {
  let server: TestServer;
  let admin: RecordingSocket;
  let kiosk: RecordingSocket;

  beforeAll(async () => {
    server = await startServer();
    const { token } = await server.login('admin', 'admin', 'desk-1');
    admin = await server.connect(token);
    kiosk = await server.connect(KIOSK_TOKEN);
  });

  afterAll(async () => {
    await server.close();
  });

  it.each(EVENT_NAMES)('refuses malformed %s payloads with BAD_REQUEST', async (name) => {
    const spec = EVENTS[name];
    const cases = malformedCases(spec);
    expect(cases.length).toBeGreaterThan(8);
    for (const { label, payload } of cases) {
      const answer =
        payload === undefined
          ? await raw(admin).emitWithAck(name)
          : await raw(admin).emitWithAck(name, payload);
      expect(answer, `${name}: ${label}`).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expectWellFormed(answer);
    }
    // Still serving after all that.
    const snapshot = await okData(admin.emitWithAck('sync:snapshot', {}));
    expect(snapshot.principal).toMatchObject({ kind: 'staff', staffId: 'admin' });
  });

  it('accepts each valid payload far enough to reach the rules', async () => {
    for (const name of EVENT_NAMES) {
      const answer = (await raw(admin).emitWithAck(name, {
        ...EVENTS[name].valid,
        ...requestIdFor(name),
      })) as {
        ok: boolean;
        error?: { code: string };
      };
      expectWellFormed(answer);
      if (!answer.ok) expect(answer.error?.code, name).not.toBe('BAD_REQUEST');
    }
  });

  it('survives garbage without acknowledgements, unknown events and extra arguments', async () => {
    const socket = raw(admin);
    socket.emit('ticket:issue', null);
    socket.emit('ticket:issue');
    socket.emit('no-such-event', { a: 1 }, () => undefined);
    socket.emit('visit:call-next', HUGE);
    const extra = await socket.emitWithAck('sync:snapshot', {}, 'surplus', 3);
    expectWellFormed(extra);
    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
    );
    expect(issued.ticket.number).toMatch(/^А-\d{3}$/);
  });

  it('fuzzes every event with random payloads', { timeout: 60_000 }, async () => {
    const validish = (spec: EventSpec): fc.Arbitrary<Record<string, unknown>> =>
      fc.record(
        Object.fromEntries(
          Object.entries(spec.valid).map(([field, value]) => [
            field,
            fc.oneof(
              fc.constant(value),
              field === 'requestId' ? fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) : fc.constant(value),
              fc.anything({ maxDepth: 2 }),
            ),
          ]),
        ),
        { requiredKeys: [] },
      );
    for (const name of EVENT_NAMES) {
      const payloads = fc.oneof(fc.anything({ maxDepth: 3 }), validish(EVENTS[name]));
      await fc.assert(
        fc.asyncProperty(payloads, fc.boolean(), async (payload, asKiosk) => {
          const socket = raw(asKiosk ? kiosk : admin);
          expectWellFormed(await socket.emitWithAck(name, payload));
        }),
        { numRuns: 50 },
      );
    }
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
    );
    expect(issued.ticket.status).toBe('waiting');
  });

  describe('authentication', () => {
    const connectError = async (token: string | undefined): Promise<Error & { data?: unknown }> => {
      try {
        await server.connect(token);
      } catch (error) {
        return error as Error & { data?: unknown };
      }
      throw new Error('connected without a valid token');
    };

    it('refuses sockets without a token or with a bad one', async () => {
      const connectedBefore = server.app.io.sockets.sockets.size;
      for (const token of [
        undefined,
        '',
        'short',
        'x'.repeat(40),
        'x'.repeat(300),
        KIOSK_TOKEN.toUpperCase(),
      ]) {
        const error = await connectError(token);
        expect(error.message).toBe('UNAUTHENTICATED');
        expect(error.data).toEqual({ code: 'UNAUTHENTICATED' });
      }
      for (const auth of [{ token: 42 }, { token: null }, { token: ['demo-kiosk-1-token-change-me'] }]) {
        const error = await new Promise<Error>((resolveError, reject) => {
          const socket = server.connect(undefined, { auth });
          socket.then(() => reject(new Error('connected')), resolveError);
        });
        expect(error.message).toBe('UNAUTHENTICATED');
      }
      // None of them got as far as a connection on the server.
      expect(server.app.io.sockets.sockets.size).toBe(connectedBefore);
    });

    it('refuses a session after logout and after it expires', async () => {
      const { token } = await server.login('operator3', '1111');
      const first = await server.connect(token);
      expect(first.connected).toBe(true);
      await fetch(`${server.url}/api/session`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      expect((await connectError(token)).message).toBe('UNAUTHENTICATED');

      const { token: later } = await server.login('operator4', '1111');
      server.clock.advanceMinutes(14 * 60 + 1);
      try {
        expect((await connectError(later)).message).toBe('UNAUTHENTICATED');
      } finally {
        server.clock.advanceMinutes(-(14 * 60 + 1));
      }
    });
  });

  describe('roles and desks', () => {
    it('keeps devices to their own commands', async () => {
      const display = await server.connect(DISPLAY_TOKEN);
      const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
      expect(await kiosk.emitWithAck('visit:call-next', { requestId: rid() })).toMatchObject(forbidden);
      expect(await kiosk.emitWithAck('desk:open', { requestId: rid(), deskId: 'desk-1' })).toMatchObject(
        forbidden,
      );
      expect(await kiosk.emitWithAck('ticket:find', { number: 'А-001' })).toMatchObject(forbidden);
      expect(
        await kiosk.emitWithAck('ticket:cancel', { requestId: rid(), ticketId: TICKET, reason: 'no' }),
      ).toMatchObject(forbidden);
      expect(
        await kiosk.emitWithAck('ticket:issue', {
          requestId: rid(),
          serviceCode: 'bill-reconcile',
          note: 'vip',
        }),
      ).toMatchObject(forbidden);
      expect(
        await kiosk.emitWithAck('ticket:issue', {
          requestId: rid(),
          serviceCode: 'bill-reconcile',
          itinerary: ['bill-explain'],
        }),
      ).toMatchObject(forbidden);
      expect(
        await display.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
      ).toMatchObject(forbidden);
      expect(await display.emitWithAck('visit:call-next', { requestId: rid() })).toMatchObject(forbidden);
      // A kiosk cannot issue services reserved for reception.
      expect(
        await kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'priority-any' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_ON_KIOSK' } });
    });

    it('keeps operators to their own desk and its visitors', async () => {
      const { token: token1 } = await server.login('operator1', '1111');
      const { token: token2 } = await server.login('operator2', '1111');
      const operator1 = await server.connect(token1);
      const operator2 = await server.connect(token2);

      const issued = await okData(
        kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-explain' }),
      );
      expect(
        await operator1.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(
        await operator1.emitWithAck('ticket:cancel', {
          requestId: rid(),
          ticketId: issued.ticket.id,
          reason: 'x',
        }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      // Desk 1 is the admin's in this file's session; operator 2 takes desk 2.
      await okData(operator2.emitWithAck('desk:open', { requestId: rid() }));
      const deskQueue = await okData(
        operator2.emitWithAck('visit:call', {
          requestId: rid(),
          ticketId: issued.ticket.id,
          reason: 'test',
        }),
      );
      expect(deskQueue.ticket?.deskId).toBe('desk-2');

      const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
      for (const [name, payload] of [
        ['visit:start', { ticketId: issued.ticket.id }],
        ['visit:recall', { ticketId: issued.ticket.id }],
        ['visit:complete', { ticketId: issued.ticket.id }],
        ['visit:no-show', { ticketId: issued.ticket.id }],
        ['visit:postpone', { ticketId: issued.ticket.id, minutes: 5 }],
        ['visit:transfer', { ticketId: issued.ticket.id, toServiceCode: 'bill-reconcile' }],
        ['visit:call-next', {}],
        ['desk:pause', { reason: 'coffee' }],
        ['desk:close', {}],
      ] as const) {
        const answer = await raw(operator1).emitWithAck(name, {
          requestId: rid(),
          deskId: 'desk-2',
          ...payload,
        });
        expect(answer, name).toMatchObject(forbidden);
      }

      const notHere = { ok: false, error: { code: 'NOT_AT_THIS_DESK' } };
      for (const [name, payload] of [
        ['visit:start', { ticketId: issued.ticket.id }],
        ['visit:recall', { ticketId: issued.ticket.id }],
        ['visit:complete', { ticketId: issued.ticket.id }],
        ['visit:no-show', { ticketId: issued.ticket.id }],
        ['visit:postpone', { ticketId: issued.ticket.id, minutes: 5 }],
        ['visit:transfer', { ticketId: issued.ticket.id, toServiceCode: 'bill-reconcile' }],
      ] as const) {
        const answer = await raw(operator1).emitWithAck(name, { requestId: rid(), ...payload });
        expect(answer, name).toMatchObject(notHere);
        const named = await raw(operator1).emitWithAck(name, {
          requestId: rid(),
          deskId: 'desk-1',
          ...payload,
        });
        expect(named, `${name} naming its own desk`).toMatchObject(notHere);
      }

      // The visit is untouched at desk 2.
      expect(ticketOf(server.app.queue.state, issued.ticket.id)).toMatchObject({
        status: 'called',
        deskId: 'desk-2',
      });
      const started = await okData(
        operator2.emitWithAck('visit:start', { requestId: rid(), ticketId: issued.ticket.id }),
      );
      expect(started.ticket?.status).toBe('serving');
    });
  });

  describe('login endpoint', () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });

    it('answers 400 to a body that is not JSON or not a login', async () => {
      for (const body of [
        '{not json',
        '',
        'null',
        '[]',
        '"admin"',
        '{"login":"admin"}',
        '{"login":1,"secret":2}',
      ]) {
        const response = await post(body);
        expect(response.status, body).toBe(400);
        const answer = (await response.json()) as { ok: boolean; error: { code: string } };
        expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      }
      const unknownDesk = await post(JSON.stringify({ login: 'admin', secret: 'admin', deskId: 'desk-99' }));
      expect(unknownDesk.status).toBe(400);
    });

    it('answers 401 to a wrong password or an unknown login', async () => {
      for (const body of [
        { login: 'operator1', secret: '1112' },
        { login: 'admin', secret: 'ADMIN' },
        { login: 'nobody', secret: '1111' },
      ]) {
        const response = await post(JSON.stringify(body));
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      }
    });

    it('answers 413 to a 20 KB body and keeps serving', async () => {
      const body = JSON.stringify({ login: 'admin', secret: 'x'.repeat(20 * 1024) });
      const response = await post(body);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      const after = await post(JSON.stringify({ login: 'operator5', secret: '1111' }));
      expect(after.status).toBe(200);
    });

    it('answers 413 to a large body sent in pieces', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(4 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 64) return controller.close();
          sent += 1;
          controller.enqueue(chunk);
        },
      });
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
    });
  });
});

/** Fresh request ids for the mutating events, so the valid-payload run is not answered from memory. */
const requestIdFor = (name: ClientEventName): Record<string, string> =>
  'requestId' in EVENTS[name].valid ? { requestId: rid() } : {};
