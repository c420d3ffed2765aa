/**
 * A board or kiosk that drops off the network is reported to staff once it has stayed away
 * past the grace period, and cleared when it comes back; a reload inside the grace period
 * raises nothing. The grace periods run on timers the test fires itself, after the server
 * has taken each disconnect and reconnect: nothing depends on how fast a reconnect is.
 */
import type { DeviceAlertChange } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../support/manual-timers';
import {
  type ClientSocket,
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  type TestServer,
  okData,
  startServer,
  waitFor,
} from './harness';

const SETTLED = { timeout: 5_000, interval: 10 };

describe('device presence alerts', () => {
  let server: TestServer;
  let timers: ManualTimers;
  let admin: ClientSocket;
  let changes: DeviceAlertChange[];

  beforeEach(async () => {
    timers = new ManualTimers();
    server = await startServer({ timers });
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    admin = await server.connect((await server.login('admin', 'admin')).token);
    changes = [];
    supervisor.on('device:alert', (change) => changes.push(change));
  });

  afterEach(async () => {
    await server.close();
  });

  const offline = () => changes.filter((change) => change.alert.kind === 'device-offline');

  const deviceIdOf = async (device: ClientSocket): Promise<string> => {
    const { principal } = await okData(device.emitWithAck('sync:snapshot', {}));
    if (principal.kind !== 'device') throw new Error('not a device');
    return principal.deviceId;
  };

  /** Whether the server counts the device as connected: it has taken its (dis)connects so far. */
  const online = async (deviceId: string): Promise<boolean> =>
    (await okData(admin.emitWithAck('device:list', {}))).some(
      (device) => device.id === deviceId && device.online,
    );

  it('raises device-offline for a board that stays away, and clears it when it returns', async () => {
    const board = await server.connect(DISPLAY_TOKEN);
    const deviceId = await deviceIdOf(board);
    board.close();
    await expect.poll(() => online(deviceId), SETTLED).toBe(false);
    expect(offline()).toEqual([]);
    timers.fire();
    await waitFor(() => offline().length === 1, 5_000, 'the alert');
    expect(offline()[0]).toMatchObject({ active: true, alert: { deviceId } });

    await server.connect(DISPLAY_TOKEN);
    await waitFor(() => offline().length === 2, 5_000, 'the alert cleared');
    expect(offline()[1]).toMatchObject({ active: false, alert: { deviceId } });
  });

  it('raises nothing for a board that reconnects within the grace period', async () => {
    const board = await server.connect(DISPLAY_TOKEN);
    const boardId = await deviceIdOf(board);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const kioskId = await deviceIdOf(kiosk);
    board.close();
    await expect.poll(() => online(boardId), SETTLED).toBe(false);
    expect(timers.waiting).toBe(1);
    // Back before its grace period is up: the period is cancelled, not merely outwaited.
    await server.connect(DISPLAY_TOKEN);
    await expect.poll(() => online(boardId), SETTLED).toBe(true);
    expect(timers.waiting).toBe(0);

    // The kiosk's alert is the sign that the board's would have arrived by now.
    kiosk.close();
    await expect.poll(() => online(kioskId), SETTLED).toBe(false);
    timers.fire();
    await waitFor(() => offline().length > 0, 5_000, "the kiosk's alert");
    expect(offline()).toEqual([
      expect.objectContaining({ active: true, alert: expect.objectContaining({ deviceId: kioskId }) }),
    ]);
  });
});
