/**
 * A board or kiosk that drops off the network is reported to staff once it has stayed away
 * past the grace period, and cleared when it comes back; a reload inside the grace period
 * raises nothing.
 */
import type { DeviceAlertChange } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, type TestServer, okData, sleep, startServer, waitFor } from './harness';

const GRACE_MS = 300;

describe('device presence alerts', () => {
  let server: TestServer;
  let changes: DeviceAlertChange[];

  beforeEach(async () => {
    server = await startServer({ deviceOfflineAfterMs: GRACE_MS });
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    changes = [];
    supervisor.on('device:alert', (change) => changes.push(change));
  });

  afterEach(async () => {
    await server.close();
  });

  const offline = () => changes.filter((change) => change.alert.kind === 'device-offline');

  it('raises device-offline for a board that stays away, and clears it when it returns', async () => {
    const board = await server.connect(DISPLAY_TOKEN);
    const { principal } = await okData(board.emitWithAck('sync:snapshot', {}));
    if (principal.kind !== 'device') throw new Error('the board is not a device');
    board.close();
    await waitFor(() => offline().length === 1, 5_000);
    expect(offline()[0]).toMatchObject({ active: true, alert: { deviceId: principal.deviceId } });

    await server.connect(DISPLAY_TOKEN);
    await waitFor(() => offline().length === 2, 5_000);
    expect(offline()[1]).toMatchObject({ active: false, alert: { deviceId: principal.deviceId } });
  });

  it('raises nothing for a board that reconnects within the grace period', async () => {
    const board = await server.connect(DISPLAY_TOKEN);
    board.close();
    await sleep(GRACE_MS / 3);
    await server.connect(DISPLAY_TOKEN);
    await sleep(GRACE_MS * 2);
    expect(offline()).toEqual([]);
  });
});
