/**
 * Tells staff when a kiosk or a board drops off the network: a paired device whose last
 * connection closed and did not come back within a grace period raises `device-offline`;
 * its return clears it. The grace period rides over a reload, a Wi-Fi hiccup or a server
 * restart's reconnect storm, so staff are only told about screens that are really dark.
 */
import type { AlertCenter } from './alerts';
import { type Timers, realTimers } from './timers';

export const OFFLINE_AFTER_MS = 60_000;

export class DevicePresence {
  /** The pending grace periods' cancels, by device. */
  private readonly timers = new Map<string, () => void>();
  private closed = false;

  constructor(
    private readonly alerts: AlertCenter,
    /** Whether the device is still paired: a revoked one is gone on purpose, not offline. */
    private readonly isPaired: (deviceId: string) => boolean,
    /** Whether the device has a live connection now (one of several may have closed). */
    private readonly isOnline: (deviceId: string) => boolean,
    private readonly offlineAfterMs: number = OFFLINE_AFTER_MS,
    private readonly clock: Timers = realTimers,
  ) {}

  connected(deviceId: string): void {
    this.timers.get(deviceId)?.();
    this.timers.delete(deviceId);
    this.alerts.clear(deviceId, ['device-offline']);
  }

  disconnected(deviceId: string, name: string): void {
    if (this.closed || this.isOnline(deviceId) || this.timers.has(deviceId)) return;
    const cancel = this.clock.after(this.offlineAfterMs, () => {
      this.timers.delete(deviceId);
      if (this.isOnline(deviceId) || !this.isPaired(deviceId)) return;
      this.alerts.raise(deviceId, 'device-offline', `${name} has been offline since it disconnected.`);
    });
    this.timers.set(deviceId, cancel);
  }

  /** The server is shutting down: its own disconnects are not devices going dark. */
  close(): void {
    this.closed = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }
}
