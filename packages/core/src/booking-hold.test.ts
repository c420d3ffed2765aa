import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExpectedBooking, keptFreeUntil } from './booking-hold';
import type { Centre } from './centre';
import { findDesk } from './centre';
import type { QueueEvent } from './events';
import { type Instant, MS_PER_MINUTE, addMinutes, deskId, serviceCode } from './ids';
import type { PriorityClaim } from './ticket';
import { Scenario, centre, desk, kyiv, service } from './testing';

const START = kyiv('2025-01-14T09:00');
const VETERAN: PriorityClaim = { category: 'veteran', confirmed: true };

/** Service `w` (10-minute visits) and `q` (3-minute visits) at the given desks. */
const centreWith = (desks: number, maxPriorityStreak = 2): Centre =>
  centre({
    services: [service('w'), service('q', { expectedMinutes: 3 })],
    desks: Array.from({ length: desks }, (_, index) => desk(`d${index + 1}`, ['w', 'q'], index + 1)),
    policy: { maxPriorityStreak },
  });

const expecting = (slot: string, code = 'w'): ExpectedBooking => ({
  serviceCode: serviceCode(code),
  slotAt: kyiv(`2025-01-14T${slot}`),
});

const callNext = (s: Scenario, desk: string, expected: readonly ExpectedBooking[]) =>
  s.attempt({ type: 'call-next', deskId: deskId(desk), expectedBookings: expected });

const calledTicket = (events: readonly QueueEvent[]): string | undefined => {
  const called = events.find((event) => event.type === 'ticket:called');
  return called?.type === 'ticket:called' ? called.ticketId : undefined;
};

const deskOf = (c: Centre, id: string) => {
  const found = findDesk(c, deskId(id));
  if (!found) throw new Error(`No desk ${id}`);
  return found;
};

describe('keeping a desk free for a booked visitor who has not come yet', () => {
  it('keeps a sole desk: a walk-in whose typical visit runs past the slot plus five minutes is not called', () => {
    const s = new Scenario(centreWith(1), START);
    s.issue('w1', 'w');
    s.open('d1');
    // A 10-minute visit from 09:00 ends at 09:10, past the 09:04 slot's 09:09.
    const refused = callNext(s, 'd1', [expecting('09:04')]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('KEPT_FOR_BOOKING');
    expect(s.ticket('w1').status).toBe('waiting');
  });

  it('calls a walk-in whose visit ends in time: the whole visit, or a shorter one further back', () => {
    const fits = new Scenario(centreWith(1), START);
    fits.issue('w1', 'w');
    fits.open('d1');
    // 09:00 + 10 = 09:10, the slot's on-time end exactly.
    const onTime = callNext(fits, 'd1', [expecting('09:05')]);
    expect(onTime.ok && calledTicket(onTime.value)).toBe('w1');

    const shorter = new Scenario(centreWith(1), START);
    shorter.issue('w1', 'w');
    shorter.advance(1);
    shorter.issue('q1', 'q');
    shorter.open('d1');
    // w1's visit would end 09:11, past 09:09; q1's 3 minutes end at 09:04.
    const quick = callNext(shorter, 'd1', [expecting('09:04')]);
    expect(quick.ok && calledTicket(quick.value)).toBe('q1');
    expect(shorter.ticket('w1').status).toBe('waiting');
  });

  it('of two desks keeps only the lowest-numbered one, and the next desk for a second booking at the same moment', () => {
    const c = centreWith(3);
    const s = new Scenario(c, START);
    for (let i = 1; i <= 3; i += 1) s.issue(`w${i}`, 'w');
    s.open('d1').open('d2').open('d3');
    const one = [expecting('09:04')];
    expect(keptFreeUntil(c, s.state, deskOf(c, 'd1'), one, START)).toBe(kyiv('2025-01-14T09:09'));
    expect(keptFreeUntil(c, s.state, deskOf(c, 'd2'), one, START)).toBeUndefined();
    const refused = callNext(s, 'd1', one);
    expect(refused.ok).toBe(false);
    const other = callNext(s, 'd2', one);
    expect(other.ok && calledTicket(other.value)).toBe('w1');

    const two = [expecting('09:04'), expecting('09:04', 'q')];
    expect(keptFreeUntil(c, s.state, deskOf(c, 'd2'), two, START)).toBe(kyiv('2025-01-14T09:09'));
    expect(keptFreeUntil(c, s.state, deskOf(c, 'd3'), two, START)).toBeUndefined();
  });

  it('does not keep a paused or closed desk: the next open desk of the service keeps', () => {
    const c = centreWith(2);
    const s = new Scenario(c, START);
    s.issue('w1', 'w');
    s.open('d2');
    expect(keptFreeUntil(c, s.state, deskOf(c, 'd2'), [expecting('09:04')], START)).toBe(
      kyiv('2025-01-14T09:09'),
    );
    s.open('d1').do({ type: 'pause-desk', deskId: deskId('d1'), reason: 'break' });
    expect(keptFreeUntil(c, s.state, deskOf(c, 'd2'), [expecting('09:04')], START)).toBe(
      kyiv('2025-01-14T09:09'),
    );
  });

  it('does not hold back a walk-in who has already waited three times the standard', () => {
    const s = new Scenario(centreWith(1), START);
    s.issue('w1', 'w');
    s.open('d1');
    // The standard is 15 minutes: at 09:45 w1 has waited exactly three times it and is kept
    // waiting; a minute later they are called though the desk is kept.
    s.setTime(kyiv('2025-01-14T09:45'));
    expect(callNext(s, 'd1', [expecting('09:47')]).ok).toBe(false);
    s.setTime(kyiv('2025-01-14T09:46'));
    const called = callNext(s, 'd1', [expecting('09:47')]);
    expect(called.ok && calledTicket(called.value)).toBe('w1');
  });

  it('frees the desk once the slot is five minutes behind (a booked visitor who did not come)', () => {
    const s = new Scenario(centreWith(1), START);
    s.issue('w1', 'w');
    s.open('d1');
    const expected = [expecting('09:04')];
    s.setTime(kyiv('2025-01-14T09:08'));
    expect(callNext(s, 'd1', expected).ok).toBe(false);
    s.setTime(kyiv('2025-01-14T09:09'));
    const freed = callNext(s, 'd1', expected);
    expect(freed.ok && calledTicket(freed.value)).toBe('w1');
  });

  it('says nobody is waiting, not kept, when nobody is', () => {
    const s = new Scenario(centreWith(1), START);
    s.open('d1');
    const empty = callNext(s, 'd1', [expecting('09:04')]);
    expect(!empty.ok && empty.error.code).toBe('QUEUE_EMPTY');
  });

  it('calls a privileged visitor who is here rather than stand idle while kept', () => {
    const s = new Scenario(centreWith(1, 1), START);
    s.issue('w1', 'w');
    s.issue('p1', 'w', { priority: VETERAN, source: 'reception' });
    s.issue('p2', 'w', { priority: VETERAN, source: 'reception' });
    s.open('d1');
    // A 10-minute visit, so that today's typical visit is 10 minutes; it is 09:10 after.
    expect(s.serveNext('d1', 10)).toBe('p1');
    // The streak of one is spent, so w1 would be next; the desk is kept, and p2 is here.
    const kept = callNext(s, 'd1', [expecting('09:14')]);
    expect(kept.ok && calledTicket(kept.value)).toBe('p2');
  });

  it('keeps the streak bound: with the streak spent the walk-in goes, though a booked visitor here will be late', () => {
    const s = new Scenario(centreWith(1, 1), START);
    s.issue('w1', 'w');
    s.issue('p1', 'w', { priority: VETERAN, source: 'reception' });
    s.issue('b1', 'w', { source: 'booking', appointmentAt: kyiv('2025-01-14T09:12') });
    s.open('d1');
    expect(s.serveNext('d1', 10)).toBe('p1');
    // w1's visit would end at 09:20, past b1's on-time 09:17; the streak of one is spent.
    expect(s.callNext('d1')).toBe('w1');
  });

  it('never starts a walk-in whose typical visit runs past a kept slot, and never keeps a desk nobody is kept for', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('w', 'q'), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ offset: fc.integer({ min: -10, max: 40 }), code: fc.constantFrom('w', 'q') }), {
          maxLength: 4,
        }),
        fc.integer({ min: 1, max: 3 }),
        (walkIns, bookings, desks) => {
          const c = centreWith(desks);
          const s = new Scenario(c, START);
          walkIns.forEach((code, index) => s.issue(`t${index}`, code));
          for (let index = 1; index <= desks; index += 1) s.open(`d${index}`);
          const expected = bookings.map(({ offset, code }) => ({
            serviceCode: serviceCode(code),
            slotAt: addMinutes(START, offset) as Instant,
          }));
          for (let index = 1; index <= desks; index += 1) {
            const id = `d${index}`;
            const until = keptFreeUntil(c, s.state, deskOf(c, id), expected, s.now);
            const result = callNext(s, id, expected);
            if (!result.ok) {
              if (result.error.code === 'KEPT_FOR_BOOKING' && until === undefined) return false;
              continue;
            }
            const ticket = s.ticket(calledTicket(result.value) ?? '');
            const minutes = ticket.serviceCode === serviceCode('q') ? 3 : 10;
            if (until !== undefined && s.now + minutes * MS_PER_MINUTE > until) return false;
          }
          return true;
        },
      ),
    );
  });
});
