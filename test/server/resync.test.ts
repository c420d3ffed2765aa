/**
 * Catching up after a gap: a display that was away gets exactly the calls it missed, in
 * order; a client whose log position makes no sense gets a fresh snapshot instead.
 */
import type { SequencedEvent } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, KIOSK_TOKEN, type TestServer, okData, rid, startServer, waitFor } from './harness';

describe('resynchronisation', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('replays exactly the calls a display missed while disconnected', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const { token } = await server.login('operator1', '1111');
    const desk = await server.connect(token);
    const display = await server.connect(DISPLAY_TOKEN, { record: true });

    const snapshot = await okData(display.emitWithAck('sync:snapshot', {}));
    let lastSeen = snapshot.seq;
    display.on('queue:event', (entry) => {
      lastSeen = Math.max(lastSeen, entry.seq);
    });

    const numbers: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const issued = await okData(
        kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }),
      );
      numbers.push(issued.ticket.number);
    }
    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));

    const serve = async (): Promise<string> => {
      const called = await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
      const ticket = called.ticket;
      if (!ticket) throw new Error('called nobody');
      await okData(desk.emitWithAck('visit:start', { requestId: rid(), ticketId: ticket.id }));
      await okData(desk.emitWithAck('visit:complete', { requestId: rid(), ticketId: ticket.id }));
      return ticket.number;
    };

    // Two calls while the display is watching.
    const seenLive = [await serve(), await serve()];
    await waitFor(() => display.events.length === 2, 3_000, 'two live calls');
    expect(display.events.map((entry) => entry.event.type)).toEqual(['ticket:called', 'ticket:called']);
    const seqAtDisconnect = lastSeen;
    expect(seqAtDisconnect).toBe(display.events.at(-1)?.seq);

    // A disconnected client drops whatever still arrives for it: nothing reaches `events`.
    display.disconnect();
    const missed = [];
    for (let index = 0; index < 5; index += 1) missed.push(await serve());
    expect([...seenLive, ...missed]).toEqual(numbers.slice(0, 7));
    expect(display.events).toHaveLength(2);

    await new Promise<void>((resolveConnect, reject) => {
      display.once('connect', () => resolveConnect());
      display.once('connect_error', reject);
      display.connect();
    });
    const answer = await okData(
      display.emitWithAck('sync:since', { epoch: snapshot.epoch, seq: seqAtDisconnect }),
    );
    // The answer comes after anything the server sent this connection before it: the missed
    // calls come in the answer only, not as live events (late or replayed on reconnect).
    expect(display.events).toHaveLength(2);
    expect(answer.kind).toBe('events');
    if (answer.kind !== 'events') throw new Error('expected events');
    const replayed: readonly SequencedEvent[] = answer.events;
    expect(replayed).toHaveLength(5);
    expect(replayed.map((entry) => entry.event.type)).toEqual(Array(5).fill('ticket:called'));
    expect(replayed.map((entry) => (entry.event.type === 'ticket:called' ? entry.event.number : ''))).toEqual(
      missed,
    );
    const seqs = replayed.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(Math.min(...seqs)).toBeGreaterThan(seqAtDisconnect);
    for (const { event } of replayed) {
      expect(event).toMatchObject({ ticketId: '', deskId: 'desk-1', actor: { kind: 'system' } });
      expect(event).not.toHaveProperty('operatorId');
    }

    // Caught up: asking again from the last replayed event gives nothing more.
    const again = await okData(
      display.emitWithAck('sync:since', { epoch: snapshot.epoch, seq: Math.max(...seqs) }),
    );
    expect(again).toMatchObject({ kind: 'events', events: [], summary: { services: expect.any(Object) } });

    // Staff catching up from the same point get the whole log: the end of the second visit,
    // then the five missed visits with their calls, starts and completions.
    const staff = await server.connect(token);
    const staffAnswer = await okData(
      staff.emitWithAck('sync:since', { epoch: snapshot.epoch, seq: seqAtDisconnect }),
    );
    if (staffAnswer.kind !== 'events') throw new Error('expected events for staff');
    expect(staffAnswer.events.map((entry) => entry.event.type)).toEqual([
      'ticket:serving-started',
      'ticket:completed',
      ...Array.from({ length: 5 }, () => [
        'ticket:called',
        'ticket:serving-started',
        'ticket:completed',
      ]).flat(),
    ]);
  });

  it('sends a snapshot when the epoch is unknown or the position is ahead of the log', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const { token } = await server.login('operator1', '1111');
    const staff = await server.connect(token);
    const display = await server.connect(DISPLAY_TOKEN);
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }));
    const current = await okData(staff.emitWithAck('sync:snapshot', {}));

    const wrongEpoch = await okData(staff.emitWithAck('sync:since', { epoch: 'not-the-epoch', seq: 1 }));
    expect(wrongEpoch.kind).toBe('snapshot');
    if (wrongEpoch.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(wrongEpoch.snapshot.epoch).toBe(current.epoch);
    expect(wrongEpoch.snapshot.seq).toBe(current.seq);
    expect(wrongEpoch.snapshot.queue).toBeDefined();

    const ahead = await okData(
      staff.emitWithAck('sync:since', { epoch: current.epoch, seq: current.seq + 10 }),
    );
    expect(ahead.kind).toBe('snapshot');

    const displayWrong = await okData(display.emitWithAck('sync:since', { epoch: 'not-the-epoch', seq: 0 }));
    expect(displayWrong.kind).toBe('snapshot');
    if (displayWrong.kind !== 'snapshot') throw new Error('expected a snapshot');
    expect(displayWrong.snapshot).not.toHaveProperty('queue');

    const fromStart = await okData(staff.emitWithAck('sync:since', { epoch: current.epoch, seq: 0 }));
    if (fromStart.kind !== 'events') throw new Error('expected events');
    expect(fromStart.events.map((entry) => entry.event.type)).toEqual(['day:started', 'ticket:issued']);
  });
});
