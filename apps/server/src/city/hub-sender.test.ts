import type { QueueEvent, QueueEventType, Ticket } from '@queue/core';
import { QueueStore, openDatabase } from '@queue/db';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { HubSender, PERSONAL_FIELDS, toWire, withoutPersonalData } from './hub-sender';

const SECRET = 'Personal: Ivanenko, +380 67 000 0000';
const at = 1_764_750_000_000 as QueueEvent['at'];
const actor = { kind: 'staff', staffId: 'operator1' } as unknown as QueueEvent['actor'];
const base = { at, actor };
const ids = {
  ticketId: 't-1' as Ticket['id'],
  deskId: 'desk-1' as Extract<QueueEvent, { type: 'desk:closed' }>['deskId'],
  serviceCode: 'doc-copy' as Ticket['serviceCode'],
};

const ticket = {
  id: ids.ticketId,
  number: 'А-001',
  prefix: 'А',
  sequence: 1,
  serviceDay: '2026-12-03',
  source: 'kiosk',
  serviceCode: ids.serviceCode,
  issuedAt: at,
  queuedAt: at,
  status: 'waiting',
  priority: { category: 'veteran', confirmed: false, reason: SECRET },
  itinerary: [],
  callCount: 0,
  note: SECRET,
  transferComment: SECRET,
} as unknown as Ticket;

/** One event of every type, with every free-text field filled (the Record makes it complete). */
const SAMPLES: Record<QueueEventType, QueueEvent> = {
  'day:started': { ...base, type: 'day:started', serviceDay: ticket.serviceDay, expiredTicketIds: [] },
  'ticket:issued': { ...base, type: 'ticket:issued', ticket },
  'ticket:called': {
    ...base,
    type: 'ticket:called',
    ticketId: ids.ticketId,
    number: 'А-001',
    serviceCode: ids.serviceCode,
    deskId: ids.deskId,
    privileged: false,
    outOfOrderReason: SECRET,
  },
  'ticket:recalled': {
    ...base,
    type: 'ticket:recalled',
    ticketId: ids.ticketId,
    number: 'А-001',
    serviceCode: ids.serviceCode,
    deskId: ids.deskId,
    callCount: 2,
  },
  'ticket:serving-started': {
    ...base,
    type: 'ticket:serving-started',
    ticketId: ids.ticketId,
    deskId: ids.deskId,
  },
  'ticket:completed': {
    ...base,
    type: 'ticket:completed',
    ticketId: ids.ticketId,
    deskId: ids.deskId,
    outcome: 'done',
    note: SECRET,
  },
  'ticket:no-show': { ...base, type: 'ticket:no-show', ticketId: ids.ticketId, deskId: ids.deskId },
  'ticket:transferred': {
    ...base,
    type: 'ticket:transferred',
    ticketId: ids.ticketId,
    deskId: ids.deskId,
    to: { serviceCode: ids.serviceCode },
    comment: SECRET,
    keepPlace: true,
  },
  'ticket:postponed': {
    ...base,
    type: 'ticket:postponed',
    ticketId: ids.ticketId,
    deskId: ids.deskId,
    until: at,
  },
  'ticket:resumed': { ...base, type: 'ticket:resumed', ticketId: ids.ticketId },
  'ticket:cancelled': { ...base, type: 'ticket:cancelled', ticketId: ids.ticketId, reason: SECRET },
  'ticket:service-changed': {
    ...base,
    type: 'ticket:service-changed',
    ticketId: ids.ticketId,
    serviceCode: ids.serviceCode,
    reason: SECRET,
  },
  'ticket:priority-reviewed': {
    ...base,
    type: 'ticket:priority-reviewed',
    ticketId: ids.ticketId,
    deskId: ids.deskId,
    confirmed: true,
  },
  'desk:opened': {
    ...base,
    type: 'desk:opened',
    deskId: ids.deskId,
    operatorId: 'operator1' as Extract<QueueEvent, { type: 'desk:opened' }>['operatorId'],
  },
  'desk:paused': { ...base, type: 'desk:paused', deskId: ids.deskId, reason: SECRET },
  'desk:resumed': { ...base, type: 'desk:resumed', deskId: ids.deskId },
  'desk:closed': { ...base, type: 'desk:closed', deskId: ids.deskId },
};

const valueAt = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

describe('withoutPersonalData', () => {
  it.each(Object.entries(SAMPLES))('%s: every personal field is removed, nothing else', (type, event) => {
    const fields: readonly string[] = PERSONAL_FIELDS[type as keyof typeof PERSONAL_FIELDS] ?? [];
    for (const path of fields) expect(valueAt(event, path), `${type} sample fills ${path}`).toBe(SECRET);
    const stripped = withoutPersonalData(event);
    for (const path of fields) expect(valueAt(stripped, path), path).toBeUndefined();
    expect(JSON.stringify(stripped)).not.toContain('Ivanenko');
    // Everything else stays: removing the listed fields from the original gives the same object.
    const expected = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
    for (const path of fields) {
      const keys = path.split('.');
      const last = keys.pop() as string;
      const parent = (keys.length > 0 ? valueAt(expected, keys.join('.')) : expected) as Record<
        string,
        unknown
      >;
      delete parent[last];
    }
    expect(JSON.parse(JSON.stringify(stripped))).toEqual(expected);
    // The original is not touched.
    for (const path of fields) expect(valueAt(event, path)).toBe(SECRET);
  });

  it('puts the wire form together: seq, type, at, ticket id and the stripped payload', () => {
    expect(toWire({ seq: 7, event: SAMPLES['ticket:completed'] })).toEqual({
      seq: 7,
      type: 'ticket:completed',
      at,
      ticketId: 't-1',
      payload: { ...base, type: 'ticket:completed', ticketId: 't-1', deskId: 'desk-1', outcome: 'done' },
    });
    expect(toWire({ seq: 8, event: SAMPLES['desk:closed'] })).not.toHaveProperty('ticketId');
  });
});

describe('HubSender', () => {
  it('backs off from 1 s doubling to 60 s while the hub cannot be reached, and never throws', async () => {
    const db = openDatabase(':memory:');
    const delays: number[] = [];
    let pending: (() => void) | undefined;
    const sender = new HubSender({
      // Nothing listens on port 1: every request fails at once.
      url: 'http://127.0.0.1:1',
      key: 'k'.repeat(32),
      store: new QueueStore(db),
      db,
      logger: silentLogger,
      timers: {
        after: (ms, task) => {
          delays.push(ms);
          pending = task;
          return () => undefined;
        },
      },
    });
    sender.start();
    for (let attempt = 0; attempt < 9; attempt += 1) {
      const task = pending;
      pending = undefined;
      task?.();
      await sender.sendNow();
    }
    expect(delays).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(() => sender.notify()).not.toThrow();
    expect(sender.state()).toMatchObject({ configured: true, behind: 0, lastAcknowledgedSeq: 0 });
    expect(sender.state().lastError).toMatch(/could not be reached/);
    await sender.stop();
    db.close();
  });
});
