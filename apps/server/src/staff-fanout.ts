/**
 * Events for the staff room (every desk screen) go out a slice of sockets at a time, each
 * slice on its own turn of the event loop. Writing one event to a hundred desk screens is a
 * hundred socket writes, several milliseconds on a small server and far more when the CPUs
 * are busy; sliced, a call that arrives meanwhile is handled, and reaches the hall boards,
 * after one slice rather than after all of them. Every screen still gets the events in log
 * order, and a screen that connects later catches up through its sync as before. The screens
 * of whoever acted are in the first slice, written before their command is answered, so a
 * desk never sees its answer before the change it made.
 */
import type { SequencedEvent } from '@queue/protocol';

/** The part of a socket.io server the fan-out uses. */
export interface RoomServer {
  readonly sockets: { readonly adapter: { readonly rooms: ReadonlyMap<string, ReadonlySet<string>> } };
  to(socketIds: string[]): { emit(event: 'queue:event', payload: SequencedEvent): unknown };
}

interface Delivery {
  readonly event: SequencedEvent;
  /** Socket ids still to be written to. */
  readonly targets: string[];
}

export const STAFF_SLICE = 25;

export class StaffFanout {
  private readonly deliveries: Delivery[] = [];
  private scheduled = false;

  constructor(
    private readonly io: RoomServer,
    private readonly room: string,
    /** Whether a socket belongs to whoever caused the event: it goes first. */
    private readonly isActor: (socketId: string, event: SequencedEvent) => boolean = () => false,
    private readonly sliceSize = STAFF_SLICE,
  ) {}

  /** Queue events for everyone in the room now; the first slice goes out at once. */
  send(events: readonly SequencedEvent[]): void {
    const members = this.io.sockets.adapter.rooms.get(this.room);
    if (!members || members.size === 0) return;
    const actors = new Set<string>();
    for (const event of events) {
      for (const id of members) if (this.isActor(id, event)) actors.add(id);
      this.deliveries.push({ event, targets: [...members] });
    }
    if (actors.size > 0) this.deliverOwed(actors);
    if (!this.scheduled) this.drain();
  }

  /** Write to these sockets, in log order, every queued event they have not had yet. */
  private deliverOwed(sockets: ReadonlySet<string>): void {
    for (const delivery of this.deliveries) {
      const owed: string[] = [];
      const rest: string[] = [];
      for (const id of delivery.targets) (sockets.has(id) ? owed : rest).push(id);
      if (owed.length === 0) continue;
      delivery.targets.splice(0, delivery.targets.length, ...rest);
      this.io.to(owed).emit('queue:event', delivery.event);
    }
  }

  /** Events still being written out (for tests and shutdown). */
  get backlog(): number {
    return this.deliveries.length;
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    const delivery = this.deliveries[0];
    if (!delivery) return;
    const slice = delivery.targets.splice(0, this.sliceSize);
    if (slice.length > 0) this.io.to(slice).emit('queue:event', delivery.event);
    if (delivery.targets.length === 0) this.deliveries.shift();
    if (this.deliveries.length > 0) {
      this.scheduled = true;
      setImmediate(this.drain);
    }
  };
}
