import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityFor, estimateWait, meanServiceMinutes, peopleAhead, serviceShare } from './estimate';
import { MAX_BREAK_MINUTES, plannedBreakMinutes } from './breaks';
import { deskId, serviceCode, ticketId } from './ids';
import { Scenario, centre, desk, kyiv, service } from './testing';

const START = kyiv('2025-01-14T09:00');
const A = serviceCode('a');
const VETERAN = { category: 'veteran', confirmed: true } as const;

/** a takes 10 minutes; d1 and d2 serve only a, d3 splits its attention between a and b. */
const hall = centre({
  services: [
    service('a', { prefix: 'A', expectedMinutes: 10 }),
    service('b', { prefix: 'B', expectedMinutes: 5 }),
  ],
  desks: [desk('d1', ['a'], 1), desk('d2', ['a'], 2), desk('d3', { a: 1, b: 1 }, 3)],
});

const withQueue = (waiting: number, open: readonly string[] = ['d1']): Scenario => {
  const s = new Scenario(hall, START);
  for (const id of open) s.open(id);
  for (let i = 1; i <= waiting; i += 1) {
    s.issue(`t${i}`, 'a');
    s.advance(1);
  }
  return s;
};

const estimateNew = (s: Scenario) => estimateWait(hall, s.state, A, s.now);

describe('estimateWait', () => {
  it('gives a range around the expected wait', () => {
    const estimate = estimateNew(withQueue(4));
    expect(estimate.ahead).toBe(4);
    expect(estimate.capacity).toBe(1);
    // d1 is free: four visits of 10 minutes, each with half a minute for the walk to the desk.
    expect(estimate.expectedMinutes).toBeCloseTo(4 * 10.5);
    expect(estimate.lowMinutes).toBeLessThanOrEqual(estimate.expectedMinutes);
    expect(estimate.highMinutes).toBeGreaterThanOrEqual(estimate.expectedMinutes);
    expect(estimate.lowMinutes).toBeLessThan(estimate.highMinutes);
  });

  it('says no wait with nobody ahead and a desk free', () => {
    const estimate = estimateNew(withQueue(0));
    expect(estimate).toMatchObject({ ahead: 0, lowMinutes: 0, expectedMinutes: 0, highMinutes: 0 });
  });

  it('counts what is left of the visit at the desk', () => {
    const s = withQueue(1);
    const id = s.callNext('d1');
    s.start('d1', id).advance(4);
    // The visit started 4 minutes ago and takes 10: the desk is free in 6.
    const estimate = estimateNew(s);
    expect(estimate.ahead).toBe(0);
    expect(estimate.expectedMinutes).toBeCloseTo(6);
    expect(estimate.lowMinutes).toBe(0);
    expect(estimate.highMinutes).toBeGreaterThanOrEqual(6);
    // A visit running long is still given half of its mean.
    s.advance(20);
    expect(estimateNew(s).expectedMinutes).toBeCloseTo(5);
  });

  it('gives a waiting ticket the moment the play reaches it', () => {
    const s = withQueue(3, ['d1', 'd2']);
    const mine = estimateWait(hall, s.state, A, s.now, s.ticket('t3'));
    // t1 and t2 go to the two free desks now; t3 waits for the first to finish.
    expect(mine.ahead).toBe(2);
    expect(mine.expectedMinutes).toBeCloseTo(10.5);
    expect(estimateWait(hall, s.state, A, s.now, s.ticket('t1')).expectedMinutes).toBe(0);
  });

  it('grows with the people ahead', () => {
    const s = withQueue(0);
    let previous = estimateNew(s);
    for (let i = 1; i <= 8; i += 1) {
      s.issue(`t${i}`, 'a');
      const next = estimateNew(s);
      expect(next.ahead).toBe(i);
      expect(next.expectedMinutes).toBeGreaterThan(previous.expectedMinutes);
      expect(next.highMinutes).toBeGreaterThanOrEqual(previous.highMinutes);
      previous = next;
    }
  });

  it('shrinks with more open desks', () => {
    const s = withQueue(6, ['d1']);
    const one = estimateNew(s);
    s.open('d2');
    const two = estimateNew(s);
    s.open('d3');
    const three = estimateNew(s);
    // Only a is waiting, so d3 gives it its whole attention.
    expect([one.capacity, two.capacity, three.capacity]).toEqual([1, 2, 3]);
    expect(two.expectedMinutes).toBeLessThan(one.expectedMinutes);
    expect(three.expectedMinutes).toBeLessThan(two.expectedMinutes);
    expect(two.highMinutes).toBeLessThan(one.highMinutes);
  });

  it('counts a shared desk by its share while its other service has people waiting', () => {
    const s = withQueue(6, ['d1', 'd2', 'd3']);
    expect(estimateNew(s).capacity).toBe(3);
    s.issue('b1', 'b');
    const shared = estimateNew(s);
    expect(shared.capacity).toBe(2.5);
    // d1, d2, d3 take t1-t3 now; after 10.5 minutes d1 and d2 take t4 and t5, while d3 takes
    // b1, who has waited past two thirds of the standard; 10.5 minutes later d1 is free again.
    expect(shared.expectedMinutes).toBeCloseTo(2 * 10.5);
  });

  it('assumes the configured desks when none is open yet', () => {
    const s = withQueue(6, []);
    const none = estimateNew(s);
    expect(none.capacity).toBe(0);
    // As if d1-d3 opened now: two rounds of three visits.
    expect(none.expectedMinutes).toBeCloseTo(2 * 10.5);
    expect(Number.isFinite(none.highMinutes)).toBe(true);
  });

  it('does not count a paused desk', () => {
    const s = withQueue(3, ['d1', 'd2']);
    s.do({ type: 'pause-desk', deskId: deskId('d2'), reason: 'lunch' });
    expect(capacityFor(hall, s.state, A)).toBe(1);
  });

  it('waits for a paused desk to come back from its break', () => {
    const only = centre({ services: [service('a', { expectedMinutes: 10 })], desks: [desk('d1', ['a'])] });
    const s = new Scenario(only, START);
    s.open('d1');
    s.do({ type: 'pause-desk', deskId: deskId('d1'), reason: 'lunch' });
    s.advance(5);
    // Ten minutes are left of a typical 15-minute break: nobody ahead, but no desk free now.
    expect(estimateWait(only, s.state, A, s.now).expectedMinutes).toBeCloseTo(10);
    // A break that has run longer is still given a few minutes more.
    s.advance(30);
    expect(estimateWait(only, s.state, A, s.now).expectedMinutes).toBeCloseTo(5);
    s.do({ type: 'resume-desk', deskId: deskId('d1') });
    expect(estimateWait(only, s.state, A, s.now).expectedMinutes).toBe(0);
  });

  it('waits for the break length the operator gave, and forgets it when the desk resumes', () => {
    const only = centre({ services: [service('a', { expectedMinutes: 10 })], desks: [desk('d1', ['a'])] });
    const s = new Scenario(only, START);
    s.open('d1');
    s.do({ type: 'pause-desk', deskId: deskId('d1'), reason: 'lunch', minutes: 45 });
    expect(s.desk('d1').pauseMinutes).toBe(45);
    s.advance(5);
    expect(estimateWait(only, s.state, A, s.now).expectedMinutes).toBeCloseTo(40);
    s.do({ type: 'resume-desk', deskId: deskId('d1') });
    expect(s.desk('d1').pauseMinutes).toBeUndefined();
    // The next break without a length is the typical 15 minutes again.
    s.do({ type: 'pause-desk', deskId: deskId('d1'), reason: 'break' });
    expect(estimateWait(only, s.state, A, s.now).expectedMinutes).toBeCloseTo(15);
  });

  it('keeps an announced length whole and bounded', () => {
    expect(plannedBreakMinutes(undefined)).toBeUndefined();
    expect(plannedBreakMinutes(0)).toBeUndefined();
    expect(plannedBreakMinutes(Number.NaN)).toBeUndefined();
    expect(plannedBreakMinutes(14.6)).toBe(15);
    expect(plannedBreakMinutes(10_000)).toBe(MAX_BREAK_MINUTES);
  });

  it('never shows a range that ends before a paused sole desk is expected back (property)', () => {
    const only = centre({ services: [service('a', { expectedMinutes: 10 })], desks: [desk('d1', ['a'])] });
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.nat(8),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
        (pausedFor, waiting, newcomer, announced) => {
          const s = new Scenario(only, START);
          s.open('d1');
          for (let i = 0; i < waiting; i += 1) s.issue(`w${i}`, 'a');
          s.do({
            type: 'pause-desk',
            deskId: deskId('d1'),
            reason: 'break',
            ...(announced !== undefined ? { minutes: announced } : {}),
          });
          s.advance(pausedFor);
          const back = Math.max((announced ?? 15) - pausedFor, 5);
          const ticket = !newcomer && waiting > 0 ? s.ticket('w0') : undefined;
          const estimate = estimateWait(only, s.state, A, s.now, ticket);
          expect(estimate.highMinutes).toBeGreaterThanOrEqual(back);
          expect(estimate.expectedMinutes).toBeGreaterThanOrEqual(back - 1e-9);
        },
      ),
    );
  });

  it('learns the mean visit length from completions instead of the catalogue', () => {
    const s = withQueue(5);
    expect(meanServiceMinutes(hall, s.state, A)).toBe(10);
    const before = estimateNew(s);
    for (const minutes of [3, 4, 5]) s.serveNext('d1', minutes);
    expect(s.state.stats[A]).toEqual({ meanServiceMinutes: 4, samples: 3 });
    expect(meanServiceMinutes(hall, s.state, A)).toBe(4);
    const after = estimateNew(s);
    expect(after.ahead).toBe(2);
    // Two visits of the learned 4 minutes; these visitors reached the desk at once (no walk).
    expect(after.expectedMinutes).toBeCloseTo(2 * 4);
    expect(after.expectedMinutes).toBeLessThan(before.expectedMinutes);
    // Another service's catalogue minutes are untouched.
    expect(meanServiceMinutes(hall, s.state, serviceCode('b'))).toBe(5);
  });

  it('counts only the people who will be called before a given ticket', () => {
    const s = withQueue(3);
    s.issue('p1', 'a', { priority: VETERAN, source: 'reception' });
    s.issue('b1', 'b');
    const t2 = s.ticket('t2');
    expect(peopleAhead(s.state, A, s.now, t2)).toBe(2); // t1 and the priority visitor
    expect(peopleAhead(s.state, A, s.now, s.ticket('p1'))).toBe(0);
    expect(estimateWait(hall, s.state, A, s.now, t2).ahead).toBe(2);
    expect(estimateWait(hall, s.state, A, s.now, s.ticket('t3')).ahead).toBe(3);
    // Visitors already called do not wait any more.
    s.callNext('d1');
    expect(peopleAhead(s.state, A, s.now, s.ticket('t3'))).toBe(2);
  });

  it('does not count a visitor sent to a named desk', () => {
    const s = withQueue(2, ['d1', 'd2']);
    s.callNext('d1');
    s.do({
      type: 'transfer',
      deskId: deskId('d1'),
      ticketId: ticketId('t1'),
      toServiceCode: A,
      toDeskId: deskId('d2'),
    });
    expect(s.ticket('t1').targetDeskId).toBe('d2');
    expect(peopleAhead(s.state, A, s.now)).toBe(1);
  });

  it('weighs a desk’s share by the weights of the services competing for it', () => {
    const shared = desk('x', { a: 3, b: 1 });
    expect(serviceShare(shared, A)).toBe(1);
    expect(serviceShare(shared, A, new Set([A]))).toBe(1);
    expect(serviceShare(shared, A, new Set([serviceCode('b')]))).toBe(0.75);
    expect(serviceShare(shared, serviceCode('b'), new Set([A]))).toBe(0.25);
    expect(serviceShare(desk('y', { b: 1 }), A, new Set([A]))).toBe(0);
  });

  it('keeps low ≤ expected ≤ high for any queue (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }),
        fc.subarray(['d1', 'd2', 'd3']),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
        (waiting, open, visitLengths) => {
          const s = withQueue(waiting + visitLengths.length, open);
          if (visitLengths.length > 0 && !open.includes('d1')) s.open('d1');
          for (const length of visitLengths) s.serveNext('d1', length);
          const estimate = estimateNew(s);
          expect(estimate.ahead).toBe(waiting);
          expect(estimate.lowMinutes).toBeGreaterThanOrEqual(0);
          expect(estimate.lowMinutes).toBeLessThanOrEqual(estimate.expectedMinutes);
          expect(estimate.expectedMinutes).toBeLessThanOrEqual(estimate.highMinutes);
          expect(Number.isFinite(estimate.highMinutes)).toBe(true);
          if (waiting === 0) expect(estimate.lowMinutes).toBe(0);
          for (const bound of [estimate.lowMinutes, estimate.highMinutes])
            expect(Number.isInteger(bound)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('a wait that may outlast the opening hours', () => {
  const weekday = [
    { from: '08:00', to: '13:00' },
    { from: '14:00', to: '21:00' },
  ];
  const evening = centre({
    services: [service('a', { prefix: 'A', expectedMinutes: 10 })],
    desks: [desk('d1', ['a'], 1)],
    site: { hours: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday } },
  });
  const queueAt = (clock: string, waiting: number): Scenario => {
    const s = new Scenario(evening, kyiv(`2025-01-14T${clock}`));
    s.open('d1');
    for (let i = 1; i <= waiting; i += 1) s.issue(`t${i}`, 'a');
    return s;
  };

  it('is told when the service closes, before the ticket is taken', () => {
    const late = queueAt('20:30', 5);
    const estimate = estimateWait(evening, late.state, A, late.now);
    expect(estimate.highMinutes).toBeGreaterThan(30);
    expect(estimate.closesBefore).toBe(kyiv('2025-01-14T21:00'));
  });

  it('says nothing when the wait ends well before closing, and counts a lunch break as a close', () => {
    const morning = queueAt('09:00', 2);
    expect(estimateWait(evening, morning.state, A, morning.now).closesBefore).toBeUndefined();
    const beforeLunch = queueAt('12:40', 5);
    expect(estimateWait(evening, beforeLunch.state, A, beforeLunch.now).closesBefore).toBe(
      kyiv('2025-01-14T13:00'),
    );
  });
});

describe('what the estimate learns beyond the visit itself', () => {
  it('learns a desk’s time between visits when someone was waiting, and not across a break or an empty hall', () => {
    const s = withQueue(3);
    const first = s.callNext('d1');
    s.start('d1', first).advance(10).complete('d1', first).advance(2);
    s.callNext('d1');
    expect(s.state.deskStats?.[deskId('d1')]).toEqual({ meanGapMinutes: 2, samples: 1 });

    // Nobody waited when the desk let its visitor go: the gap was the hall being empty.
    const quiet = withQueue(1);
    const only = quiet.callNext('d1');
    quiet.start('d1', only).advance(10).complete('d1', only).advance(7);
    quiet.issue('late', 'a');
    quiet.callNext('d1');
    expect(quiet.state.deskStats?.[deskId('d1')]).toBeUndefined();

    // A break between the two is not time between visits.
    const rest = withQueue(3);
    const one = rest.callNext('d1');
    rest.start('d1', one).advance(10).complete('d1', one);
    rest.do({ type: 'pause-desk', deskId: deskId('d1'), reason: 'break' });
    rest.advance(15).do({ type: 'resume-desk', deskId: deskId('d1') });
    rest.callNext('d1');
    expect(rest.state.deskStats?.[deskId('d1')]).toBeUndefined();
  });

  it('adds the desk’s learned time between visits to every visit ahead', () => {
    const s = withQueue(4);
    const id = s.callNext('d1');
    s.start('d1', id).advance(10).complete('d1', id).advance(3);
    const next = s.callNext('d1');
    expect(s.state.deskStats?.[deskId('d1')]?.meanGapMinutes).toBe(3);
    s.start('d1', next);
    // Two ahead and one at the desk: each of the three visits is followed by 3 minutes.
    const after = estimateNew(s);
    expect(after.ahead).toBe(2);
    const withoutGap = estimateWait(hall, { ...s.state, deskStats: {} }, A, s.now);
    expect(after.expectedMinutes - withoutGap.expectedMinutes).toBeCloseTo(3 * 3);
  });

  it('expects priority visitors still to come ahead of a waiting walk-in, but not ahead of one of them', () => {
    const s = withQueue(2);
    for (let i = 0; i < 3; i += 1) {
      s.issue(`v${i}`, 'a', { priority: VETERAN });
      s.serveNext('d1', 10);
    }
    const walkIn = estimateWait(hall, s.state, A, s.now);
    const calm = estimateWait(hall, { ...s.state, privilegedArrivals: [] }, A, s.now);
    // Three of 10 minutes in the last hour, one desk: half of it… capped at half.
    expect(calm.expectedMinutes).toBeGreaterThan(0);
    expect(walkIn.expectedMinutes).toBeCloseTo(calm.expectedMinutes / (1 - 0.5));
    const veteran = s.issue('v9', 'a', { priority: VETERAN });
    const forVeteran = estimateWait(hall, s.state, A, s.now, veteran);
    const veteranCalm = estimateWait(hall, { ...s.state, privilegedArrivals: [] }, A, s.now, veteran);
    expect(forVeteran.expectedMinutes).toBeCloseTo(veteranCalm.expectedMinutes);
    // An hour later they no longer count.
    s.advance(61);
    expect(estimateWait(hall, s.state, A, s.now).expectedMinutes).toBeCloseTo(
      estimateWait(hall, { ...s.state, privilegedArrivals: [] }, A, s.now).expectedMinutes,
    );
  });
});

describe('the estimate for the path the visitor is on', () => {
  it('shows a priority visitor their own wait, ahead of the walk-ins', () => {
    const s = withQueue(4);
    const walkIn = estimateWait(hall, s.state, A, s.now);
    const priority = estimateWait(hall, s.state, A, s.now, undefined, 'priority');
    expect(walkIn.ahead).toBe(4);
    expect(priority.ahead).toBe(0);
    expect(priority.expectedMinutes).toBeLessThan(walkIn.expectedMinutes);
    // Behind another priority visitor, one visit ahead.
    s.issue('v1', 'a', { priority: VETERAN });
    const second = estimateWait(hall, s.state, A, s.now, undefined, 'priority');
    expect(second.ahead).toBe(1);
    expect(second.expectedMinutes).toBeGreaterThan(priority.expectedMinutes);
    // Once issued, the ticket's own estimate agrees with what its tile showed.
    const issued = s.issue('v2', 'a', { priority: VETERAN });
    expect(estimateWait(hall, s.state, A, s.now, issued).ahead).toBe(second.ahead);
  });
});
