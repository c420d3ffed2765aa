/** Waiting counts: per category, only where someone waits, for the services of the board's desks. */
import { type Board, DEMO_CENTRE, instant, serviceCode } from '@queue/core';
import type { PublicSummary, ServiceLoad } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { waitingRows } from './waiting';

const load = (waiting: number): ServiceLoad => ({
  waiting,
  longestWaitMinutes: 0,
  estimate: { ahead: waiting, lowMinutes: 0, highMinutes: 0, expectedMinutes: 0, capacity: 1 },
});

const summary: PublicSummary = {
  at: instant(0),
  services: {
    [serviceCode('bill-reconcile')]: load(2),
    [serviceCode('bill-payment')]: load(1),
    [serviceCode('el-meter')]: load(4),
    [serviceCode('heat-meter')]: load(0),
  },
  desks: [],
};

const board = (id: string) => DEMO_CENTRE.boards.find((entry) => entry.id === id) as Board;

describe('waitingRows', () => {
  it('sums each category with someone waiting, in the centre order', () => {
    const rows = waitingRows(DEMO_CENTRE, summary, board('hall'));
    expect(rows.map((row) => [row.categoryId, row.waiting])).toEqual([
      ['billing', 3],
      ['electricity', 4],
    ]);
    expect(rows[0]?.name.uk).toBe('Рахунки та оплата');
  });

  it("counts only the services of a filtered board's desks", () => {
    expect(waitingRows(DEMO_CENTRE, summary, board('billing')).map((row) => row.categoryId)).toEqual([
      'billing',
    ]);
  });

  it('is empty without a summary or when nobody waits', () => {
    expect(waitingRows(DEMO_CENTRE, undefined, board('hall'))).toEqual([]);
    expect(waitingRows(DEMO_CENTRE, { ...summary, services: {} }, board('hall'))).toEqual([]);
  });
});
