/**
 * Tells staff when a kiosk or a board drops off the network: a paired device whose last
 * connection closed and did not come back within a grace period raises `device-offline`;
 * its return clears it. The grace period rides over a reload, a Wi-Fi hiccup or a server
 * restart's reconnect storm, so staff are only told about screens that are really dark.
 */
import type { AlertCenter } from './alerts';

export const OFFLINE_AFTER_MS = 60_000;

export class DevicePresence {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly alerts: AlertCenter,
    /** Whether the device is still paired: a revoked one is gone on purpose, not offline. */
    private readonly isPaired: (deviceId: string) => boolean,
    /** Whether the device has a live connection now (one of several may have closed). */
    private readonly isOnline: (deviceId: string) => boolean,
    private readonly offlineAfterMs: number = OFFLINE_AFTER_MS,
  ) {}

  connected(deviceId: string): void {
    const timer = this.timers.get(deviceId);
    if (timer) clearTimeout(timer);
    this.timers.delete(deviceId);
    this.alerts.clear(deviceId, ['device-offline']);
  }

  disconnected(deviceId: string, name: string): void {
    if (this.closed || this.isOnline(deviceId) || this.timers.has(deviceId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(deviceId);
      if (this.isOnline(deviceId) || !this.isPaired(deviceId)) return;
      this.alerts.raise(deviceId, 'device-offline', `${name} has been offline since it disconnected.`);
    }, this.offlineAfterMs);
    timer.unref();
    this.timers.set(deviceId, timer);
  }

  /** The server is shutting down: its own disconnects are not devices going dark. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
