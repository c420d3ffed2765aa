/**
 * What a client knows of the queue, and how a snapshot or an event changes it. Pure, so the
 * resync rules (never miss an event, never apply one twice) are tested without a socket.
 */
import type { Centre, QueueState } from '@queue/core';
import { evolve } from '@queue/core';
import type {
  CallView,
  DeviceAlert,
  DeviceAlertChange,
  Principal,
  PublicSummary,
  SequencedEvent,
  Snapshot,
  SummaryChange,
} from '@queue/protocol';
import { applySummaryChange, latestCallsPerDesk, toCallView } from '@queue/protocol';

export interface SyncState {
  readonly epoch?: string;
  readonly seq: number;
  readonly principal?: Principal;
  readonly centre?: Centre;
  readonly summary?: PublicSummary;
  /** The day's queue, for staff clients. */
  readonly queue?: QueueState;
  /** Latest calls of every desk (`latestCallsPerDesk`), oldest first. */
  readonly calls: readonly CallView[];
  /** Offset to add to the local clock to get the server's. */
  readonly clockOffsetMs: number;
  /** Devices that need attention, for staff clients. */
  readonly alerts?: readonly DeviceAlert[];
  /** Active staff's names by id (staff clients). */
  readonly staffNames?: Readonly<Record<string, string>>;
}

export const initialSyncState: SyncState = { seq: 0, calls: [], clockOffsetMs: 0 };

export const applySnapshot = (snapshot: Snapshot, localNow: number): SyncState => ({
  epoch: snapshot.epoch,
  seq: snapshot.seq,
  principal: snapshot.principal,
  centre: snapshot.centre,
  summary: snapshot.summary,
  ...(snapshot.queue ? { queue: snapshot.queue } : {}),
  ...(snapshot.alerts ? { alerts: snapshot.alerts } : {}),
  ...(snapshot.staffNames ? { staffNames: snapshot.staffNames } : {}),
  calls: latestCallsPerDesk(snapshot.recentCalls),
  clockOffsetMs: snapshot.serverTime - localNow,
});

/** Apply events in log order, skipping any already applied. Returns the new calls too. */
export const applyEvents = (
  state: SyncState,
  events: readonly SequencedEvent[],
): { state: SyncState; newCalls: CallView[] } => {
  let { seq, queue } = state;
  const newCalls: CallView[] = [];
  for (const sequenced of [...events].sort((a, b) => a.seq - b.seq)) {
    if (sequenced.seq <= seq) continue;
    seq = sequenced.seq;
    if (queue) queue = evolve(queue, sequenced.event);
    const call = toCallView(sequenced);
    if (call) newCalls.push(call);
  }
  return {
    state: {
      ...state,
      seq,
      ...(queue ? { queue } : {}),
      calls: newCalls.length > 0 ? latestCallsPerDesk([...state.calls, ...newCalls]) : state.calls,
    },
    newCalls,
  };
};

export const applySummary = (state: SyncState, summary: PublicSummary): SyncState =>
  !state.summary || summary.at >= state.summary.at ? { ...state, summary } : state;

/** A change applies to the summary the client holds; before its first, the sync brings one. */
export const applyChangeToSummary = (state: SyncState, change: SummaryChange): SyncState =>
  state.summary ? { ...state, summary: applySummaryChange(state.summary, change) } : state;

/** The configuration was changed by an administrator: take it as it is. */
export const applyCentre = (state: SyncState, centre: Centre): SyncState => ({ ...state, centre });

const sameAlert = (a: DeviceAlert, b: DeviceAlert): boolean => a.deviceId === b.deviceId && a.kind === b.kind;

/** A device alert raised (replacing one of the same device and kind) or cleared. */
export const applyAlert = (state: SyncState, change: DeviceAlertChange): SyncState => {
  const others = (state.alerts ?? []).filter((alert) => !sameAlert(alert, change.alert));
  return { ...state, alerts: change.active ? [...others, change.alert] : others };
};
