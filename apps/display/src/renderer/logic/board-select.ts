/**
 * Which board this screen is and which calls it shows: a board may be limited to a set of
 * desks or to a zone (`boardShowsDesk`). Pure, so the filtering is tested without a browser.
 */
import { type Board, type Centre, type Desk, type DeskId, boardShowsDesk } from '@queue/core';
import type { CallView } from '@queue/protocol';

/** The board named `id`, else the centre's first board; none while the centre is unknown. */
export const selectBoard = (centre: Centre | undefined, id: string | undefined): Board | undefined =>
  centre?.boards.find((board) => board.id === id) ?? centre?.boards[0];

export const findDesk = (desks: readonly Desk[] | undefined, id: DeskId): Desk | undefined =>
  desks?.find((desk) => desk.id === id);

/**
 * Whether the board shows a call to this desk. Without a board (a centre with none) every
 * call is shown; a desk the configuration does not know only on an unfiltered board.
 */
export const boardShowsCall = (
  board: Board | undefined,
  desks: readonly Desk[] | undefined,
  call: Pick<CallView, 'deskId'>,
): boolean => {
  if (!board) return true;
  const desk = findDesk(desks, call.deskId);
  if (desk) return boardShowsDesk(board, desk);
  return board.deskIds.length === 0 && board.zone === undefined;
};

/** The calls of this board, in the order given. */
export const boardCalls = (
  calls: readonly CallView[],
  board: Board | undefined,
  desks: readonly Desk[] | undefined,
): CallView[] => calls.filter((call) => boardShowsCall(board, desks, call));
