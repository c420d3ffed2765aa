/**
 * Boards are edited live: a supervisor changes the running line and every screen gets the
 * new configuration at once; nobody else may, and the change survives a restart.
 */
import type { Centre } from '@queue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, KIOSK_TOKEN, type TestServer, okData, rid, startServer, waitFor } from './harness';

const TICKER = { uk: 'Сьогодні до 18:00', ru: 'Сегодня до 18:00', en: 'Open until 18:00 today' };

describe('board configuration', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('pushes a new running line to every screen and keeps it after a restart', async () => {
    const { token } = await server.login('supervisor', '2222');
    const supervisor = await server.connect(token);
    const display = await server.connect(DISPLAY_TOKEN);
    const received: Centre[] = [];
    display.on('centre:updated', (centre) => received.push(centre));

    const board = await okData(
      supervisor.emitWithAck('board:update', {
        requestId: rid(),
        boardId: 'hall',
        ticker: TICKER,
        muted: true,
      }),
    );
    expect(board).toMatchObject({ id: 'hall', ticker: TICKER, muted: true });
    await waitFor(() => received.length === 1);
    expect(received[0]?.boards.find((entry) => entry.id === 'hall')?.ticker).toEqual(TICKER);

    await server.restart();
    const again = await server.connect(DISPLAY_TOKEN);
    const snapshot = await okData(again.emitWithAck('sync:snapshot', {}));
    expect(snapshot.centre.boards.find((entry) => entry.id === 'hall')).toMatchObject({
      ticker: TICKER,
      muted: true,
    });
  });

  it('refuses operators, kiosks and unknown boards', async () => {
    const { token } = await server.login('operator1', '1111');
    const operator = await server.connect(token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    const change = { boardId: 'hall', ticker: TICKER };
    expect((await operator.emitWithAck('board:update', { requestId: rid(), ...change })).ok).toBe(false);
    const fromKiosk = await kiosk.emitWithAck('board:update', { requestId: rid(), ...change });
    expect(fromKiosk.ok ? 'ok' : fromKiosk.error.code).toBe('FORBIDDEN');
    const unknown = await admin.emitWithAck('board:update', {
      requestId: rid(),
      boardId: 'nope',
      ticker: TICKER,
    });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
  });

  it('keeps a quiet desk’s latest call in a new board’s snapshot after a busy spell elsewhere', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    for (let index = 0; index < 30; index += 1) {
      await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }));
    }
    const quiet = await server.connect((await server.login('operator1', '1111')).token);
    const busy = await server.connect((await server.login('operator2', '1111')).token);
    await okData(quiet.emitWithAck('desk:open', { requestId: rid() }));
    const quietCall = await okData(quiet.emitWithAck('visit:call-next', { requestId: rid() }));
    await okData(busy.emitWithAck('desk:open', { requestId: rid() }));
    for (let index = 0; index < 25; index += 1) {
      const { ticket } = await okData(busy.emitWithAck('visit:call-next', { requestId: rid() }));
      const visit = { requestId: rid(), ticketId: ticket?.id ?? '' };
      await okData(busy.emitWithAck('visit:start', visit));
      await okData(busy.emitWithAck('visit:complete', { ...visit, requestId: rid() }));
    }

    const display = await server.connect(DISPLAY_TOKEN);
    const snapshot = await okData(display.emitWithAck('sync:snapshot', {}));
    const quietCalls = snapshot.recentCalls.filter((call) => call.deskId === 'desk-1');
    expect(quietCalls.map((call) => call.number)).toEqual([quietCall.ticket?.number]);
    expect(snapshot.recentCalls.filter((call) => call.deskId === 'desk-2')).toHaveLength(12);
  });
});
