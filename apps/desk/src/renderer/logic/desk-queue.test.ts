import { type Desk, closedDesk, deskId, instant, serviceCode } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { deskQueueOf } from './desk-queue';
import { T0, centre, queueOf, ticketOf } from './fixtures';

const MIN = 60_000;
const desk1 = centre.desks.find((desk) => desk.id === 'desk-1') as Desk;
const state1 = { ...closedDesk(deskId('desk-1')), status: 'open' as const };

describe('the queue of one desk', () => {
  const old = ticketOf({ queuedAt: instant(T0 - 20 * MIN) });
  const fresh = ticketOf({ queuedAt: instant(T0 - MIN) });
  const docs = ticketOf({ serviceCode: serviceCode('doc-nodebt'), queuedAt: instant(T0 - 2 * MIN) });
  const priority = ticketOf({
    queuedAt: instant(T0),
    priority: { category: 'disability', confirmed: false },
  });
  const elsewhere = ticketOf({ serviceCode: serviceCode('ben-subsidy') });
  const away = ticketOf({
    status: 'postponed',
    targetDeskId: deskId('desk-1'),
    postponedUntil: instant(T0 + 5 * MIN),
  });
  const queue = queueOf([old, fresh, docs, priority, elsewhere, away]);

  it('counts waiting visitors and the longest wait per service, flagging waits past the standard', () => {
    const { rows } = deskQueueOf(centre, queue, desk1, state1, T0);
    expect(rows).toHaveLength(desk1.services.length);
    const reconcile = rows.find((row) => row.code === 'bill-reconcile');
    expect(reconcile).toMatchObject({ waiting: 3, longestWaitMs: 20 * MIN, overStandard: true });
    expect(rows.find((row) => row.code === 'doc-nodebt')).toMatchObject({ waiting: 1, overStandard: false });
    expect(rows.find((row) => row.code === 'bill-payment')).toMatchObject({ waiting: 0, longestWaitMs: 0 });
  });

  it('lists callable tickets, priority first, then by urgency, without other desks’ services', () => {
    const { waiting } = deskQueueOf(centre, queue, desk1, state1, T0);
    expect(waiting.map((entry) => entry.ticket.id)).toEqual([priority.id, old.id, fresh.id, docs.id]);
    expect(waiting[0]?.kind).toBe('priority');
    expect(waiting.find((entry) => entry.ticket.id === old.id)?.overStandard).toBe(true);
    expect(waiting.find((entry) => entry.ticket.id === fresh.id)?.overStandard).toBe(false);
  });

  it('keeps stepped-away visitors in a pool with the time left, until they are due', () => {
    expect(deskQueueOf(centre, queue, desk1, state1, T0).postponed).toEqual([
      { ticket: away, remainingMs: 5 * MIN },
    ]);
    const later = deskQueueOf(centre, queue, desk1, state1, T0 + 5 * MIN);
    expect(later.postponed).toEqual([]);
    expect(later.waiting.map((entry) => entry.ticket.id)).toContain(away.id);
  });
});
