/**
 * The walk-in order of `pickNext` since the simulation study (docs/performance.md): visitors
 * past two thirds of their waiting standard go first, by the share of the standard used;
 * before that a desk leans toward its main services and toward quick visits. And
 * `wouldPrefer`, which forecasts use to place a newcomer, agrees with `pickNext`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDesk } from './centre';
import { deskId, ticketId } from './ids';
import { pickNext, wouldPrefer } from './routing';
import { deskStateOf, withoutTicket } from './state';
import { Scenario, centre, desk, kyiv, service } from './testing';

const START = kyiv('2025-01-14T09:00');

const weighted = centre({
  services: [
    service('a', { prefix: 'A', expectedMinutes: 10 }),
    service('b', { prefix: 'B', expectedMinutes: 10 }),
    service('quick', { prefix: 'Q', expectedMinutes: 3 }),
    service('long', { prefix: 'L', expectedMinutes: 15 }),
  ],
  desks: [desk('d1', { a: 3, b: 1, quick: 1, long: 1 })],
});

describe('walk-in order', () => {
  it('calls a visitor past two thirds of the standard before a heavier service', () => {
    const s = new Scenario(weighted, START);
    s.issue('b1', 'b');
    s.advance(7);
    s.issue('a1', 'a');
    s.advance(4).open('d1');
    // b1 has waited 11 of 15 minutes; a1, with three times the weight, only 4.
    expect(s.callNext('d1')).toBe('b1');
  });

  it('calls visitors at risk by the share of the standard used, whatever the weights', () => {
    const s = new Scenario(weighted, START);
    s.issue('b1', 'b');
    s.advance(2);
    s.issue('a1', 'a');
    s.advance(12).open('d1');
    expect(s.callNext('d1')).toBe('b1');
  });

  it('takes a quick visit before a long one while nobody is at risk', () => {
    const s = new Scenario(weighted, START);
    s.issue('l1', 'long');
    s.advance(2);
    s.issue('q1', 'quick');
    s.advance(1).open('d1');
    expect(s.callNext('d1')).toBe('q1');
  });

  it('places a newcomer exactly where pickNext would (property)', () => {
    const codes = ['a', 'b', 'quick', 'long'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ code: fc.constantFrom(...codes), gap: fc.nat(6), priority: fc.boolean() }), {
          maxLength: 8,
        }),
        fc.constantFrom(...codes),
        fc.nat(20),
        (queue, newcomer, later) => {
          const s = new Scenario(weighted, START);
          s.open('d1');
          queue.forEach((entry, i) => {
            s.issue(
              `t${i}`,
              entry.code,
              entry.priority ? { priority: { category: 'veteran', confirmed: true } } : {},
            );
            s.advance(entry.gap);
          });
          const d = findDesk(weighted, deskId('d1'));
          if (!d) throw new Error('no desk');
          s.issue('new', newcomer);
          s.advance(later);
          const withNew = pickNext(weighted, s.state, d, deskStateOf(s.state, d.id), s.now);
          const fresh = s.ticket('new');
          // Compare at the same instant: the pick without the newcomer, judged `later` minutes on.
          const without = pickNext(
            weighted,
            { ...s.state, ticketTable: withoutTicket(s.state.ticketTable, fresh.id) },
            d,
            deskStateOf(s.state, d.id),
            s.now,
          );
          const prefer = wouldPrefer(weighted, d, deskStateOf(s.state, d.id), fresh, without, s.now);
          expect(prefer).toBe(withNew?.ticket.id === ticketId('new'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
