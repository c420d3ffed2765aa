/**
 * Device alerts kept in memory: a kiosk's printer out of paper, its cover open, a ticket that
 * did not print. One alert per device and kind; raising it again changes nothing, clearing
 * it tells staff it is fixed. Alerts describe the present, so a restart starting with none
 * is right: the next status check raises what is still wrong.
 */
import type { Instant } from '@queue/core';
import type { DeviceAlert, DeviceAlertChange, DeviceAlertKind } from '@queue/protocol';
import type { Logger } from './logger';

export type AlertListener = (change: DeviceAlertChange) => void;

const keyOf = (deviceId: string, kind: DeviceAlertKind): string => `${deviceId}\u0000${kind}`;

export class AlertCenter {
  private readonly alerts = new Map<string, DeviceAlert>();
  private readonly listeners = new Set<AlertListener>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Instant,
  ) {}

  onChange(listener: AlertListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The alerts in force, oldest first. */
  list(): DeviceAlert[] {
    return [...this.alerts.values()].sort((a, b) => a.since - b.since);
  }

  has(deviceId: string, kind: DeviceAlertKind): boolean {
    return this.alerts.has(keyOf(deviceId, kind));
  }

  /** Raise an alert; an alert already raised keeps its start unless it names another ticket. */
  raise(
    deviceId: string,
    kind: DeviceAlertKind,
    message: string,
    ticket?: { readonly id: string; readonly number: string },
  ): void {
    const key = keyOf(deviceId, kind);
    const existing = this.alerts.get(key);
    if (existing && existing.ticketId === ticket?.id) return;
    const alert: DeviceAlert = {
      deviceId,
      kind,
      since: existing?.since ?? this.now(),
      message,
      ...(ticket ? { ticketId: ticket.id, ticketNumber: ticket.number } : {}),
    };
    this.alerts.set(key, alert);
    this.logger.warn('device alert', { deviceId, kind, message, ticket: ticket?.number });
    this.emit({ alert, active: true });
  }

  /** Clear the named kinds for a device (all of its alerts when none are named). */
  clear(deviceId: string, kinds?: readonly DeviceAlertKind[]): void {
    for (const [key, alert] of this.alerts) {
      if (alert.deviceId !== deviceId || (kinds && !kinds.includes(alert.kind))) continue;
      this.alerts.delete(key);
      this.logger.info('device alert cleared', { deviceId, kind: alert.kind });
      this.emit({ alert, active: false });
    }
  }

  private emit(change: DeviceAlertChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
