/**
 * What the supervisor's monitor shows, computed from the synced state: every desk (open,
 * paused and why, serving whom for how long, closed), every service's queue against its
 * waiting standard, and the device alerts. Pure, so the thresholds are tested.
 */
import type { SyncState } from '@queue/client';
import type { Desk, DeskStatus, LocalizedText, Service, Ticket } from '@queue/core';
import { MS_PER_MINUTE, ticketOf, ticketsOf } from '@queue/core';
import type { DeviceAlert } from '@queue/protocol';

/** A queue is at risk once its longest wait reaches this share of the waiting standard. */
export const AT_RISK_RATIO = 0.8;

export type WaitRisk = 'ok' | 'at-risk' | 'over';

export const waitRisk = (longestWaitMinutes: number, standardMinutes: number): WaitRisk => {
  const standard = Math.max(1, standardMinutes);
  if (longestWaitMinutes >= standard) return 'over';
  if (longestWaitMinutes >= standard * AT_RISK_RATIO) return 'at-risk';
  return 'ok';
};

export interface DeskRow {
  readonly desk: Desk;
  readonly status: DeskStatus;
  readonly pauseReason?: string;
  readonly operatorId?: string;
  /** The visitor called to or served at the desk. */
  readonly ticket?: Ticket;
  /** Minutes since that visitor was called, or since the desk's status last changed. */
  readonly minutes?: number;
}

export interface ServiceRow {
  readonly service: Service;
  readonly waiting: number;
  readonly longestWaitMinutes: number;
  readonly overStandard: number;
  readonly risk: WaitRisk;
  /** Open (not paused) desks serving it now. */
  readonly openDesks: number;
}

export interface MonitorView {
  readonly desks: readonly DeskRow[];
  readonly services: readonly ServiceRow[];
  readonly alerts: readonly DeviceAlert[];
  /** Services whose wait is past or about to pass the standard, worst first. */
  readonly warnings: readonly ServiceRow[];
}

const minutesBetween = (from: number, to: number): number =>
  Math.max(0, Math.floor((to - from) / MS_PER_MINUTE));

const deskRowOf = (desk: Desk, sync: SyncState, now: number): DeskRow => {
  const state = sync.queue?.desks[desk.id];
  const status = state?.status ?? 'closed';
  const ticket = state?.currentTicketId
    ? sync.queue && ticketOf(sync.queue, state.currentTicketId)
    : undefined;
  const since = ticket ? (ticket.calledAt ?? ticket.servingStartedAt) : state?.since;
  return {
    desk,
    status,
    ...(state?.pauseReason && status === 'paused' ? { pauseReason: state.pauseReason } : {}),
    ...(state?.operatorId && status !== 'closed' ? { operatorId: state.operatorId } : {}),
    ...(ticket ? { ticket } : {}),
    ...(since !== undefined && status !== 'closed' ? { minutes: minutesBetween(since, now) } : {}),
  };
};

/** Whether a ticket is in a service's queue now (postponed visitors are away). */
const isQueued = (ticket: Ticket): boolean => ticket.status === 'waiting';

export const monitorViewOf = (sync: SyncState, now: number): MonitorView => {
  const centre = sync.centre;
  if (!centre) return { desks: [], services: [], alerts: sync.alerts ?? [], warnings: [] };
  const desks = [...centre.desks]
    .sort((a, b) => a.number - b.number)
    .map((desk) => deskRowOf(desk, sync, now));
  const queued = (sync.queue ? ticketsOf(sync.queue) : []).filter(isQueued);
  const services = centre.services.map((service): ServiceRow => {
    const waits = queued
      .filter((ticket) => ticket.serviceCode === service.code)
      .map((ticket) => minutesBetween(ticket.queuedAt, now));
    const longestWaitMinutes = waits.length > 0 ? Math.max(...waits) : 0;
    return {
      service,
      waiting: waits.length,
      longestWaitMinutes,
      overStandard: waits.filter((minutes) => minutes >= service.waitingStandardMinutes).length,
      risk: waits.length > 0 ? waitRisk(longestWaitMinutes, service.waitingStandardMinutes) : 'ok',
      openDesks: desks.filter(
        (row) => row.status === 'open' && row.desk.services.some((entry) => entry.code === service.code),
      ).length,
    };
  });
  const ratio = (row: ServiceRow): number =>
    row.longestWaitMinutes / Math.max(1, row.service.waitingStandardMinutes);
  return {
    desks,
    services,
    alerts: sync.alerts ?? [],
    warnings: services.filter((row) => row.risk !== 'ok').sort((a, b) => ratio(b) - ratio(a)),
  };
};

/** Services with a queue or at a desk first, then the rest, each group by name. */
export const servicesToShow = (
  rows: readonly ServiceRow[],
  showAll: boolean,
  localize: (text: LocalizedText) => string,
): ServiceRow[] =>
  rows
    .filter((row) => showAll || row.waiting > 0)
    .sort(
      (a, b) => b.waiting - a.waiting || localize(a.service.name).localeCompare(localize(b.service.name)),
    );
