/** Board selection and filtering: the demo's 'billing' board shows desks 1-4 only; zones. */
import { type Board, type Centre, DEMO_CENTRE, deskId, instant, serviceCode } from '@queue/core';
import type { CallView } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { boardCalls, boardShowsCall, selectBoard } from './board-select';

const call = (seq: number, desk: string, number = `А-${seq}`): CallView => ({
  seq,
  kind: 'call',
  number,
  serviceCode: serviceCode('bill-reconcile'),
  deskId: deskId(desk),
  at: instant(seq * 1_000),
});

const hall = DEMO_CENTRE.boards.find((board) => board.id === 'hall') as Board;
const billing = DEMO_CENTRE.boards.find((board) => board.id === 'billing') as Board;

describe('selectBoard', () => {
  it('picks the board by id, else the first board', () => {
    expect(selectBoard(DEMO_CENTRE, 'billing')?.id).toBe('billing');
    expect(selectBoard(DEMO_CENTRE, 'hall')?.id).toBe('hall');
    expect(selectBoard(DEMO_CENTRE, undefined)?.id).toBe(DEMO_CENTRE.boards[0]?.id);
    expect(selectBoard(DEMO_CENTRE, 'no-such-board')?.id).toBe(DEMO_CENTRE.boards[0]?.id);
  });

  it('has none before the configuration comes, or when the centre has no boards', () => {
    expect(selectBoard(undefined, 'hall')).toBeUndefined();
    expect(selectBoard({ ...DEMO_CENTRE, boards: [] }, 'hall')).toBeUndefined();
  });
});

describe('boardCalls', () => {
  const calls = [
    call(1, 'desk-1'),
    call(2, 'desk-9'),
    call(3, 'desk-4'),
    call(4, 'desk-13'),
    call(5, 'desk-5'),
  ];

  it('keeps every call on the hall board', () => {
    expect(boardCalls(calls, hall, DEMO_CENTRE.desks).map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps only desks 1-4 on the billing board, in order', () => {
    expect(boardCalls(calls, billing, DEMO_CENTRE.desks).map((entry) => entry.seq)).toEqual([1, 3]);
  });

  it('shows everything without a board', () => {
    expect(boardCalls(calls, undefined, undefined)).toHaveLength(5);
  });

  it('filters by zone', () => {
    const centre: Centre = {
      ...DEMO_CENTRE,
      desks: DEMO_CENTRE.desks.map((desk) => (desk.number >= 10 ? { ...desk, zone: 'upstairs' } : desk)),
    };
    const upstairs: Board = { ...hall, id: 'upstairs', zone: 'upstairs' };
    expect(boardCalls(calls, upstairs, centre.desks).map((entry) => entry.seq)).toEqual([4]);
  });

  it('shows a desk the configuration does not know on unfiltered boards only', () => {
    const unknown = call(6, 'desk-99');
    expect(boardShowsCall(hall, DEMO_CENTRE.desks, unknown)).toBe(true);
    expect(boardShowsCall(billing, DEMO_CENTRE.desks, unknown)).toBe(false);
    expect(boardShowsCall({ ...hall, zone: 'upstairs' }, DEMO_CENTRE.desks, unknown)).toBe(false);
  });
});
