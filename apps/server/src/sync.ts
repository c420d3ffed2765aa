/**
 * Snapshots and catch-up for clients that connect or reconnect. Staff receive the whole
 * log after their last sequence number; boards and kiosks receive the calls they missed,
 * exactly once, or a fresh snapshot when the gap is too large or the log started over.
 */
import type { QueueStore } from '@queue/db';
import type {
  CallView,
  Principal,
  PublicSummary,
  SequencedEvent,
  Snapshot,
  SyncAnswer,
} from '@queue/protocol';
import { PROTOCOL_VERSION, latestCallsPerDesk, toCallView, toPublicEvent } from '@queue/protocol';
import type { QueueService } from './queue-service';

/** Beyond this many missed events a snapshot is cheaper than the replay. */
export const MAX_REPLAY = 1000;
/** Recent call events read for a snapshot: enough for every desk's latest calls on a busy day. */
const RECENT_CALLS_READ = 600;

export const isStaff = (principal: Principal): boolean => principal.kind === 'staff';

/** `summary` is the one the server last sent, so that the changes it sends next apply to it. */
export const buildSnapshot = (
  queue: QueueService,
  store: QueueStore,
  principal: Principal,
  summary: PublicSummary,
): Snapshot => {
  const recentCalls = latestCallsPerDesk(
    store
      .recentCalls(RECENT_CALLS_READ)
      .map((entry) => toCallView(entry))
      .filter((view): view is CallView => view !== undefined),
  );
  return {
    protocol: PROTOCOL_VERSION,
    epoch: store.epoch,
    seq: store.lastSeq(),
    serverTime: queue.now(),
    principal,
    centre: queue.centre,
    summary,
    recentCalls,
    ...(isStaff(principal) ? { queue: queue.state } : {}),
  };
};

export const catchUp = (
  queue: QueueService,
  store: QueueStore,
  principal: Principal,
  since: { epoch: string; seq: number },
  summary: PublicSummary,
): SyncAnswer => {
  const last = store.lastSeq();
  if (since.epoch !== store.epoch || since.seq > last) {
    return { kind: 'snapshot', snapshot: buildSnapshot(queue, store, principal, summary) };
  }
  const missed = isStaff(principal)
    ? store.eventsSince(since.seq, MAX_REPLAY + 1)
    : store.callsSince(since.seq, MAX_REPLAY + 1);
  if (missed.length > MAX_REPLAY) {
    return { kind: 'snapshot', snapshot: buildSnapshot(queue, store, principal, summary) };
  }
  return { kind: 'events', events: forPrincipal(principal, missed), summary };
};

/** Calls and recalls in their public form, for boards and kiosks. */
export const forHall = (events: readonly SequencedEvent[]): SequencedEvent[] =>
  events.map(toPublicEvent).filter((event): event is SequencedEvent => event !== undefined);

/** The events this principal may see: everything for staff, the hall's view for devices. */
export const forPrincipal = (principal: Principal, events: readonly SequencedEvent[]): SequencedEvent[] =>
  isStaff(principal) ? [...events] : forHall(events);
