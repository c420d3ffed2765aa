/**
 * A board or kiosk that drops off the network is reported to staff once it has stayed away
 * past the grace period, and cleared when it comes back; a reload inside the grace period
 * raises nothing.
 */
import type { DeviceAlertChange } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ClientSocket,
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  type TestServer,
  okData,
  startServer,
  waitFor,
} from './harness';

/** Long beside the few milliseconds a reconnect takes here, short enough to wait out once. */
const GRACE_MS = 1_000;
const SETTLED = { timeout: 5_000, interval: 10 };

describe('device presence alerts', () => {
  let server: TestServer;
  let admin: ClientSocket;
  let changes: DeviceAlertChange[];

  beforeEach(async () => {
    server = await startServer({ deviceOfflineAfterMs: GRACE_MS });
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
    await waitFor(() => offline().length === 1, 5_000);
    expect(offline()[0]).toMatchObject({ active: true, alert: { deviceId } });

    await server.connect(DISPLAY_TOKEN);
    await waitFor(() => offline().length === 2, 5_000);
    expect(offline()[1]).toMatchObject({ active: false, alert: { deviceId } });
  });

  it('raises nothing for a board that reconnects within the grace period', async () => {
    const board = await server.connect(DISPLAY_TOKEN);
    const boardId = await deviceIdOf(board);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const kioskId = await deviceIdOf(kiosk);
    board.close();
    // The server has taken the disconnect, so the board's grace period runs; then it is back.
    await expect.poll(() => online(boardId), SETTLED).toBe(false);
    await server.connect(DISPLAY_TOKEN);
    await expect.poll(() => online(boardId), SETTLED).toBe(true);

    // The kiosk's grace period starts after the board's: had the board's not been cancelled,
    // its alert would have come first. The kiosk's alert is the sign that nothing else comes.
    kiosk.close();
    await waitFor(() => offline().length > 0, 5_000, "the kiosk's alert");
    expect(offline()).toEqual([
      expect.objectContaining({ active: true, alert: expect.objectContaining({ deviceId: kioskId }) }),
    ]);
  });
});
