/** What the list shows: the newest call on top, each number once, a recall moved to the top. */
import { deskId, instant, serviceCode } from '@queue/core';
import type { CallView } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { PREVIOUS_SHOWN, callsShown } from './calls-shown';

const call = (seq: number, number: string, kind: CallView['kind'] = 'call', desk = 'desk-1'): CallView => ({
  seq,
  kind,
  number,
  serviceCode: serviceCode('bill-reconcile'),
  deskId: deskId(desk),
  at: instant(seq * 1_000),
});

const numbers = (calls: readonly CallView[]): string[] => calls.map((entry) => entry.number);

describe('callsShown', () => {
  it('shows nothing before the first call', () => {
    expect(callsShown([])).toEqual({ previous: [] });
  });

  it('puts the newest call on top and the others newest first', () => {
    const shown = callsShown([call(1, 'А-001'), call(2, 'А-002'), call(3, 'А-003')]);
    expect(shown.current?.number).toBe('А-003');
    expect(numbers(shown.previous)).toEqual(['А-002', 'А-001']);
  });

  it('moves a recalled number to the top again and lists it once', () => {
    const shown = callsShown([
      call(1, 'А-001'),
      call(2, 'А-002'),
      call(3, 'А-003'),
      call(4, 'А-001', 'recall'),
    ]);
    expect(shown.current).toMatchObject({ number: 'А-001', kind: 'recall', seq: 4 });
    expect(numbers(shown.previous)).toEqual(['А-003', 'А-002']);
  });

  it('shows a number called again at another desk at its latest desk', () => {
    const shown = callsShown([call(1, 'А-001', 'call', 'desk-1'), call(2, 'А-001', 'call', 'desk-5')]);
    expect(shown.current?.deskId).toBe('desk-5');
    expect(shown.previous).toEqual([]);
  });

  it('orders by sequence even when the calls come out of order', () => {
    const shown = callsShown([call(3, 'А-003'), call(1, 'А-001'), call(2, 'А-002')]);
    expect(shown.current?.number).toBe('А-003');
    expect(numbers(shown.previous)).toEqual(['А-002', 'А-001']);
  });

  it(`lists at most ${PREVIOUS_SHOWN} earlier calls`, () => {
    const calls = Array.from({ length: 20 }, (_, index) => call(index + 1, `А-${index + 1}`));
    const shown = callsShown(calls);
    expect(shown.current?.number).toBe('А-20');
    expect(shown.previous).toHaveLength(PREVIOUS_SHOWN);
    expect(shown.previous.at(-1)?.number).toBe(`А-${20 - PREVIOUS_SHOWN}`);
  });
});
