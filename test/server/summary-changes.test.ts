/**
 * The waiting summary over real sockets: a board holds the summary from its snapshot and
 * follows the server's changes, each carrying only the services that moved; a board that
 * catches up after a gap gets the summary the next changes apply to. Whatever happens, the
 * board's figures end equal to the server's own summary.
 */
import type { ServiceCode } from '@queue/core';
import type { PublicSummary, SummaryChange } from '@queue/protocol';
import { applySummaryChange } from '@queue/protocol';
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

describe('summary changes', () => {
  let server: TestServer;
  let kiosk: RecordingSocket;
  let desk: RecordingSocket;

  beforeAll(async () => {
    server = await startServer();
    kiosk = await server.connect(KIOSK_TOKEN);
    desk = await server.connect((await server.login('operator1', '1111')).token);
    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
  });
  afterAll(async () => {
    await server.close();
  });

  /** A board that applies what the server sends, as the client package does. */
  const follow = (board: RecordingSocket, start: PublicSummary) => {
    const held = { summary: start, changes: [] as SummaryChange[] };
    board.on('queue:summary', (whole) => (held.summary = whole));
    board.on('queue:summary-change', (change) => {
      held.changes.push(change);
      held.summary = applySummaryChange(held.summary, change);
    });
    return held;
  };
  const serverFigures = (at: PublicSummary['at']) => {
    const { services, desks } = server.app.queue.summary(at);
    return { services, desks };
  };
  const issue = (serviceCode: string) =>
    okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode }));

  it('sends a board only the services that moved, and the board ends with the server’s figures', async () => {
    const board = await server.connect(DISPLAY_TOKEN);
    const snapshot = await okData(board.emitWithAck('sync:snapshot', {}));
    const held = follow(board, snapshot.summary);

    await issue('bill-reconcile');
    await expect.poll(() => held.summary.services['bill-reconcile' as ServiceCode]?.waiting).toBe(1);
    const change = held.changes.at(-1);
    const serviceCount = Object.keys(snapshot.summary.services).length;
    expect(Object.keys(change?.services ?? {})).toContain('bill-reconcile');
    expect(Object.keys(change?.services ?? {}).length).toBeLessThan(serviceCount);
    expect(change).not.toHaveProperty('desks');

    await issue('water-contract');
    await issue('bill-reconcile');
    await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    await okData(desk.emitWithAck('desk:pause', { requestId: rid(), reason: 'break' }));
    await expect.poll(() => held.summary.desks.find((entry) => entry.id === 'desk-1')?.status).toBe('paused');
    expect({ services: held.summary.services, desks: held.summary.desks }).toEqual(
      serverFigures(held.summary.at),
    );
    await okData(desk.emitWithAck('desk:resume', { requestId: rid() }));
    board.disconnect();
  });

  it('gives a board catching up the summary the next changes apply to', async () => {
    const board = await server.connect(DISPLAY_TOKEN);
    const snapshot = await okData(board.emitWithAck('sync:snapshot', {}));
    board.disconnect();
    await issue('ben-subsidy');
    await issue('bill-reconcile');

    const back = await server.connect(DISPLAY_TOKEN);
    const answer = await okData(back.emitWithAck('sync:since', { epoch: snapshot.epoch, seq: snapshot.seq }));
    if (answer.kind !== 'events') throw new Error('expected a catch-up');
    const held = follow(back, answer.summary);
    await issue('ben-subsidy');
    await expect.poll(() => held.changes.length).toBeGreaterThan(0);
    await expect
      .poll(() => held.summary.services['ben-subsidy' as ServiceCode]?.waiting)
      .toBe(serverFigures(held.summary.at).services['ben-subsidy' as ServiceCode]?.waiting);
    expect({ services: held.summary.services, desks: held.summary.desks }).toEqual(
      serverFigures(held.summary.at),
    );
  });
});
