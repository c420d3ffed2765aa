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
});
