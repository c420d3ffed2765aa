/**
 * Staff screens name colleagues (who sits at which desk, whom to transfer to); devices in the
 * hall never see staff names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, type TestServer, okData, startServer } from './harness';

describe('staff names in snapshots', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('gives staff the names of active colleagues and boards none', async () => {
    const operator = await server.connect((await server.login('operator1', '1111')).token);
    const snapshot = await okData(operator.emitWithAck('sync:snapshot', {}));
    expect(snapshot.staffNames?.['operator6']).toBe('Оператор 6');
    expect(snapshot.staffNames?.['supervisor']).toBe('Керівник зміни');

    const board = await server.connect(DISPLAY_TOKEN);
    const hall = await okData(board.emitWithAck('sync:snapshot', {}));
    expect(hall).not.toHaveProperty('staffNames');
  });
});
