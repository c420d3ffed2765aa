/** Snapshot and catch-up requests, for every kind of client. */
import type { Principal, Snapshot, SyncAnswer } from '@queue/protocol';
import { buildSnapshot, catchUp, isStaff } from '../sync';
import type { HandlerContext, QueueSocket } from './handler';
import { on } from './on';

export const registerSyncHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { queue, store } = context;
  /** Staff also see the device alerts in force and their colleagues' names. */
  const withAlerts = (snapshot: Snapshot, principal: Principal): Snapshot =>
    isStaff(principal)
      ? {
          ...snapshot,
          alerts: context.alerts.list(),
          staffNames: Object.fromEntries(
            context.staff
              .list()
              .filter((entry) => entry.active)
              .map((entry) => [entry.id, entry.name]),
          ),
        }
      : snapshot;
  const answerWithAlerts = (answer: SyncAnswer, principal: Principal): SyncAnswer =>
    answer.kind === 'snapshot'
      ? { kind: 'snapshot', snapshot: withAlerts(answer.snapshot, principal) }
      : answer;

  on(socket, context, 'sync:snapshot', (_payload, principal) => ({
    ok: true,
    data: withAlerts(buildSnapshot(queue, store, principal, context.waitingSummary.latest()), principal),
  }));

  on(socket, context, 'sync:since', (payload, principal) => ({
    ok: true,
    data: answerWithAlerts(
      catchUp(queue, store, principal, payload, context.waitingSummary.latest()),
      principal,
    ),
  }));
};
