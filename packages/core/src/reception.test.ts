import { describe, expect, it } from 'vitest';
import { deskId, serviceCode, ticketId } from './ids';
import { Scenario, centre, desk, kyiv, service } from './testing';

const START = kyiv('2026-11-24T10:00');
const small = centre({
  services: [service('a', { prefix: 'А' }), service('b', { prefix: 'Б' })],
  desks: [desk('d1', ['a']), desk('d2', ['b'])],
});

describe('changing a waiting ticket’s service', () => {
  it('moves the visitor to the other queue without losing their place', () => {
    const s = new Scenario(small, START);
    s.issue('early', 'a');
    s.advance(10).issue('later', 'b');
    s.advance(1).do({
      type: 'change-service',
      ticketId: ticketId('early'),
      serviceCode: serviceCode('b'),
      reason: 'chose the wrong tile',
    });
    expect(s.ticket('early')).toMatchObject({ serviceCode: 'b', queuedAt: START, number: 'А-001' });
    s.open('d2');
    expect(s.callNext('d2')).toBe('early');
  });

  it('refuses tickets already at a desk and services nobody serves', () => {
    const s = new Scenario(
      centre({ services: [service('a'), service('orphan')], desks: [desk('d1', ['a'])] }),
      START,
    );
    s.issue('t1', 'a');
    expect(
      s.refused({
        type: 'change-service',
        ticketId: ticketId('t1'),
        serviceCode: serviceCode('orphan'),
        reason: 'x',
      }),
    ).toBe('NO_DESK_FOR_SERVICE');
    s.open('d1').callNext('d1');
    expect(
      s.refused({
        type: 'change-service',
        ticketId: ticketId('t1'),
        serviceCode: serviceCode('a'),
        reason: 'x',
      }),
    ).toBe('ILLEGAL_TRANSITION');
  });
});

describe('reviewing a priority claim at the desk', () => {
  it('records a confirmed claim', () => {
    const s = new Scenario(small, START);
    s.issue('p', 'a', { priority: { category: 'veteran', confirmed: false } });
    s.open('d1').callNext('d1');
    s.do({ type: 'review-priority', deskId: deskId('d1'), ticketId: ticketId('p'), confirmed: true });
    expect(s.ticket('p').priority).toEqual({ category: 'veteran', confirmed: true });
  });

  it('treats a rejected claim as a walk-in from then on', () => {
    const s = new Scenario(small, START);
    s.issue('walk-in', 'a');
    s.advance(1).issue('claim', 'a', { priority: { category: 'disability', confirmed: false } });
    s.open('d1');
    expect(s.callNext('d1')).toBe('claim');
    s.do({ type: 'review-priority', deskId: deskId('d1'), ticketId: ticketId('claim'), confirmed: false });
    expect(s.ticket('claim').priority).toMatchObject({ confirmed: false, rejected: true });
    // Stepping away and coming back, the visitor no longer jumps the queue.
    s.do({ type: 'postpone', deskId: deskId('d1'), ticketId: ticketId('claim'), minutes: 1 });
    s.advance(2);
    expect(s.callNext('d1')).toBe('walk-in');
  });

  it('is refused for a ticket that claims nothing, or at another desk', () => {
    const s = new Scenario(small, START);
    s.issue('t', 'a');
    s.open('d1').open('d2').callNext('d1');
    expect(
      s.refused({ type: 'review-priority', deskId: deskId('d1'), ticketId: ticketId('t'), confirmed: true }),
    ).toBe('INVALID_ARGUMENT');
    expect(
      s.refused({ type: 'review-priority', deskId: deskId('d2'), ticketId: ticketId('t'), confirmed: true }),
    ).toBe('NOT_AT_THIS_DESK');
  });
});
