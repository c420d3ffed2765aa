/**
 * A clean restart on the same database: the queue, the desks and the visits in progress
 * come back as they were, sessions stay valid, and the log's epoch is kept so clients catch
 * up with events rather than starting over.
 */
import { type QueueState, deskId, ticketOf, ticketsOf } from '@queue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, KIOSK_TOKEN, type TestServer, okData, rid, startServer, waitFor } from './harness';

describe('restart on the same file', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('keeps waiting tickets, desks, the current visit and the epoch', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const { token: token1 } = await server.login('operator1', '1111');
    const { token: token2 } = await server.login('operator2', '1111');
    const desk1 = await server.connect(token1);
    const desk2 = await server.connect(token2);

    const issueId = rid('issue');
    const issued = [
      await okData(kiosk.emitWithAck('ticket:issue', { requestId: issueId, serviceCode: 'bill-reconcile' })),
    ];
    for (let index = 1; index < 5; index += 1) {
      issued.push(
        await okData(
          kiosk.emitWithAck('ticket:issue', { requestId: rid('issue'), serviceCode: 'bill-reconcile' }),
        ),
      );
    }
    await okData(desk1.emitWithAck('desk:open', { requestId: rid() }));
    const called = await okData(desk1.emitWithAck('visit:call-next', { requestId: rid() }));
    const current = called.ticket;
    if (!current) throw new Error('nobody called');
    await okData(desk1.emitWithAck('visit:start', { requestId: rid(), ticketId: current.id }));
    await okData(desk2.emitWithAck('desk:open', { requestId: rid() }));
    const second = await okData(desk2.emitWithAck('visit:call-next', { requestId: rid() }));
    await okData(
      desk2.emitWithAck('visit:postpone', {
        requestId: rid(),
        ticketId: second.ticket?.id ?? '',
        minutes: 10,
      }),
    );
    await okData(desk2.emitWithAck('desk:pause', { requestId: rid(), reason: 'lunch' }));

    const before = await okData(desk1.emitWithAck('sync:snapshot', {}));
    const stateBefore = JSON.parse(JSON.stringify(server.app.queue.state)) as QueueState;
    expect(
      ticketsOf(stateBefore)
        .map((ticket) => ticket.status)
        .sort(),
    ).toEqual(['postponed', 'serving', 'waiting', 'waiting', 'waiting']);

    // A display that reconnects by itself across the restart.
    const display = await server.connect(DISPLAY_TOKEN, {
      record: true,
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
    });
    let reconnects = 0;
    display.io.on('reconnect', () => {
      reconnects += 1;
    });

    await server.restart();

    // The state read back from the file is the state that was live.
    expect(server.app.queue.state).toEqual(stateBefore);
    expect(server.app.queue.epoch).toBe(before.epoch);

    // Sessions survive: the same tokens connect again.
    const desk1Again = await server.connect(token1, { record: true });
    const desk2Again = await server.connect(token2);
    const kioskAgain = await server.connect(KIOSK_TOKEN);
    const after = await okData(desk1Again.emitWithAck('sync:snapshot', {}));
    expect(after.epoch).toBe(before.epoch);
    expect(after.seq).toBe(before.seq);
    expect(after.queue).toEqual(before.queue);
    expect(after.queue?.desks[deskId('desk-1')]).toMatchObject({
      status: 'open',
      operatorId: 'operator1',
      currentTicketId: current.id,
    });
    expect(after.queue?.desks[deskId('desk-2')]).toMatchObject({ status: 'paused', pauseReason: 'lunch' });
    expect(after.queue && ticketOf(after.queue, current.id)).toMatchObject({
      status: 'serving',
      deskId: 'desk-1',
    });

    // Catching up across the restart gives events, not a snapshot.
    const caughtUp = await okData(
      desk1Again.emitWithAck('sync:since', { epoch: before.epoch, seq: before.seq }),
    );
    expect(caughtUp).toMatchObject({ kind: 'events', events: [], summary: { services: expect.any(Object) } });

    // A request answered before the restart is still answered from memory.
    const retried = await okData(
      kioskAgain.emitWithAck('ticket:issue', { requestId: issueId, serviceCode: 'bill-reconcile' }),
    );
    expect(retried.ticket.id).toBe(issued[0]?.ticket.id);

    // The visit in progress goes on; the queue continues where it stopped.
    const completed = await okData(
      desk1Again.emitWithAck('visit:complete', { requestId: rid(), ticketId: current.id }),
    );
    expect(completed.ticket?.status).toBe('completed');
    const next = await okData(desk1Again.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(next.ticket?.number).toBe('А-003');
    const newTicket = await okData(
      kioskAgain.emitWithAck('ticket:issue', { requestId: rid('issue'), serviceCode: 'bill-reconcile' }),
    );
    expect(newTicket.ticket.number).toBe('А-006');
    expect(await desk2Again.emitWithAck('visit:call-next', { requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'DESK_PAUSED' },
    });

    // The display found its way back on its own and catches up with events.
    await waitFor(() => display.connected && reconnects > 0, 5_000, 'the display to reconnect');
    const sinceRestart = await okData(
      display.emitWithAck('sync:since', { epoch: before.epoch, seq: before.seq }),
    );
    expect(sinceRestart.kind).toBe('events');
    if (sinceRestart.kind !== 'events') throw new Error('expected events');
    expect(sinceRestart.events).toHaveLength(1);
    expect(sinceRestart.events[0]?.event).toMatchObject({
      type: 'ticket:called',
      number: 'А-003',
      ticketId: '',
    });
  });

  it('restarts an empty server without inventing a day or events', async () => {
    const before = server.app.queue.epoch;
    expect(server.app.queue.state.serviceDay).toBeUndefined();
    await server.restart();
    expect(server.app.queue.epoch).toBe(before);
    const display = await server.connect(DISPLAY_TOKEN);
    const snapshot = await okData(display.emitWithAck('sync:snapshot', {}));
    expect(snapshot.seq).toBe(0);
    expect(snapshot.recentCalls).toEqual([]);
  });
});
