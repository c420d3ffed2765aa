import {
  DEMO_CENTRE,
  emptyState,
  instant,
  type QueueEvent,
  type ServiceCode,
  serviceCode,
  deskId,
  ticketId,
  ticketOf,
} from '@queue/core';
import type { SequencedEvent, ServiceLoad, Snapshot } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { RECENT_CALLS_PER_DESK } from '@queue/protocol';
import {
  applyChangeToSummary,
  applyEvents,
  applySnapshot,
  applySummary,
  initialSyncState,
} from './sync-state';

const call = (seq: number, number: string, id = `ticket-${seq}`): SequencedEvent => ({
  seq,
  event: {
    type: 'ticket:called',
    at: instant(1_000 * seq),
    actor: { kind: 'system' },
    ticketId: ticketId(id),
    number,
    serviceCode: serviceCode('bill-reconcile'),
    deskId: deskId('desk-1'),
    privileged: false,
  } satisfies QueueEvent,
});

const snapshot = (seq: number): Snapshot => ({
  protocol: 1,
  epoch: 'epoch-1',
  seq,
  serverTime: instant(10_000),
  principal: { kind: 'device', deviceId: 'display-1', role: 'display', name: 'Board' },
  centre: DEMO_CENTRE,
  summary: { at: instant(10_000), services: {}, desks: [] },
  recentCalls: [
    {
      seq: 2,
      kind: 'call',
      number: 'А-002',
      serviceCode: serviceCode('x'),
      deskId: deskId('desk-1'),
      at: instant(2),
    },
  ],
});

describe('sync state', () => {
  it('takes the snapshot as it is, with the clock offset to the server', () => {
    const state = applySnapshot(snapshot(5), 4_000);
    expect(state.seq).toBe(5);
    expect(state.epoch).toBe('epoch-1');
    expect(state.calls.map((entry) => entry.number)).toEqual(['А-002']);
    expect(state.clockOffsetMs).toBe(6_000);
  });

  it('applies each event once, in log order, and reports only new calls', () => {
    const base = applySnapshot(snapshot(5), 0);
    const first = applyEvents(base, [call(7, 'А-007'), call(6, 'А-006'), call(4, 'А-004')]);
    expect(first.newCalls.map((entry) => entry.number)).toEqual(['А-006', 'А-007']);
    expect(first.state.seq).toBe(7);
    const replay = applyEvents(first.state, [call(6, 'А-006'), call(7, 'А-007')]);
    expect(replay.newCalls).toEqual([]);
    expect(replay.state.calls.map((entry) => entry.number)).toEqual(['А-002', 'А-006', 'А-007']);
  });

  it('keeps a bounded list of recent calls per desk', () => {
    const events = Array.from({ length: RECENT_CALLS_PER_DESK + 5 }, (_, index) =>
      call(index + 1, `А-${index + 1}`),
    );
    const { state } = applyEvents(initialSyncState, events);
    expect(state.calls).toHaveLength(RECENT_CALLS_PER_DESK);
    expect(state.calls.at(-1)?.number).toBe(`А-${RECENT_CALLS_PER_DESK + 5}`);
  });

  it('evolves the staff copy of the queue with the same rules as the server', () => {
    const issued: SequencedEvent = {
      seq: 1,
      event: {
        type: 'ticket:issued',
        at: instant(0),
        actor: { kind: 'system' },
        ticket: {
          id: ticketId('ticket-1'),
          number: 'А-001',
          prefix: 'А',
          sequence: 1,
          serviceDay: '2026-11-24' as never,
          source: 'kiosk',
          serviceCode: serviceCode('bill-reconcile'),
          issuedAt: instant(0),
          queuedAt: instant(0),
          status: 'waiting',
          itinerary: [],
          callCount: 0,
        },
      },
    };
    const staff = { ...initialSyncState, queue: emptyState() };
    const { state } = applyEvents(staff, [issued, call(2, 'А-001', 'ticket-1')]);
    expect((state.queue && ticketOf(state.queue, ticketId('ticket-1')))?.status).toBe('called');
    expect(state.queue?.desks[deskId('desk-1')]?.currentTicketId).toBe('ticket-1');
  });

  it('ignores a summary older than the one it has', () => {
    const state = applySummary(initialSyncState, { at: instant(10), services: {}, desks: [] });
    expect(applySummary(state, { at: instant(5), services: {}, desks: [] }).summary?.at).toBe(10);
  });

  it('applies a summary change to the summary it holds, and waits for one before the first', () => {
    const load = (waiting: number) => ({
      waiting,
      longestWaitMinutes: waiting,
      estimate: { ahead: waiting, lowMinutes: 0, highMinutes: 5, expectedMinutes: 2, capacity: 1 },
    });
    const change = { at: instant(20), services: { gas: load(4) } as Record<ServiceCode, ServiceLoad> };
    expect(applyChangeToSummary(initialSyncState, change)).toBe(initialSyncState);
    const held = applySummary(initialSyncState, {
      at: instant(10),
      services: { gas: load(1), water: load(2) } as Record<ServiceCode, ServiceLoad>,
      desks: [{ id: deskId('desk-1'), status: 'open' }],
    });
    expect(applyChangeToSummary(held, change).summary).toEqual({
      at: 20,
      services: { gas: load(4), water: load(2) },
      desks: [{ id: 'desk-1', status: 'open' }],
    });
  });
});
