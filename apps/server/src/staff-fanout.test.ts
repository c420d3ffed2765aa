import { describe, expect, it } from 'vitest';
import type { Instant, QueueEvent } from '@queue/core';
import type { SequencedEvent } from '@queue/protocol';
import { type RoomServer, StaffFanout } from './staff-fanout';

/** A room of sockets that records what each one was sent. */
const roomOf = (count: number) => {
  const ids = Array.from({ length: count }, (_, index) => `s${index}`);
  const received = new Map<string, number[]>(ids.map((id) => [id, []]));
  const writes: number[] = [];
  const io: RoomServer = {
    sockets: { adapter: { rooms: new Map([['staff', new Set(ids)]]) } },
    to: (targets) => ({
      emit: (_name, entry) => {
        writes.push(targets.length);
        for (const id of targets) received.get(id)?.push(entry.seq);
      },
    }),
  };
  return { io, received, writes };
};

const event = (seq: number, staffId = 'kiosk'): SequencedEvent => ({
  seq,
  event: {
    type: 'desk:opened',
    at: 0 as Instant,
    deskId: 'desk-1',
    actor: { kind: 'staff', staffId },
  } as unknown as QueueEvent,
});

const turns = (count: number) =>
  Array.from({ length: count }).reduce<Promise<void>>(
    (previous) => previous.then(() => new Promise((resolve) => setImmediate(resolve))),
    Promise.resolve(),
  );

describe('StaffFanout', () => {
  it('writes the first slice at once and the rest on later turns, every socket in log order', async () => {
    const { io, received, writes } = roomOf(60);
    const fanout = new StaffFanout(io, 'staff', undefined, 25);
    fanout.send([event(1), event(2)]);
    expect(writes).toEqual([25]);
    fanout.send([event(3)]);
    expect(writes).toEqual([25]);
    await turns(20);
    expect(fanout.backlog).toBe(0);
    expect(writes.reduce((sum, size) => sum + size, 0)).toBe(180);
    expect(Math.max(...writes)).toBe(25);
    for (const seqs of received.values()) expect(seqs).toEqual([1, 2, 3]);
  });

  it('gives whoever acted everything owed to them at once, in order, even behind a backlog', async () => {
    const { io, received } = roomOf(60);
    const actor = (id: string, entry: SequencedEvent) =>
      id === 's59' && entry.event.actor.kind === 'staff' && entry.event.actor.staffId === 'operator1';
    const fanout = new StaffFanout(io, 'staff', actor, 25);
    fanout.send([event(1), event(2)]);
    expect(received.get('s59')).toEqual([]);
    fanout.send([event(3, 'operator1')]);
    // Before any later turn: the acting socket has the backlog and its own event.
    expect(received.get('s59')).toEqual([1, 2, 3]);
    expect(received.get('s40')).toEqual([]);
    await turns(20);
    for (const seqs of received.values()) expect(seqs).toEqual([1, 2, 3]);
  });

  it('sends nothing to an empty room', () => {
    const { io, writes } = roomOf(0);
    new StaffFanout(io, 'staff').send([event(1)]);
    expect(writes).toEqual([]);
  });
});
