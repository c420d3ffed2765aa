/**
 * Waiting counts for the board: people waiting per category, for the services that the
 * board's desks serve, only categories with someone waiting, in the centre's order.
 */
import type { Board, CategoryId, Centre, LocalizedText, ServiceCode } from '@queue/core';
import { boardShowsDesk } from '@queue/core';
import type { PublicSummary } from '@queue/protocol';

export interface WaitingRow {
  readonly categoryId: CategoryId;
  readonly name: LocalizedText;
  readonly waiting: number;
}

/** Services served by at least one desk of the board (every service on an unfiltered board). */
const servicesOfBoard = (centre: Centre, board: Board | undefined): ReadonlySet<ServiceCode> | undefined => {
  if (!board || (board.deskIds.length === 0 && board.zone === undefined)) return undefined;
  const codes = new Set<ServiceCode>();
  for (const desk of centre.desks) {
    if (!boardShowsDesk(board, desk)) continue;
    for (const service of desk.services) codes.add(service.code);
  }
  return codes;
};

export const waitingRows = (
  centre: Centre | undefined,
  summary: PublicSummary | undefined,
  board: Board | undefined,
): WaitingRow[] => {
  if (!centre || !summary) return [];
  const served = servicesOfBoard(centre, board);
  const byCategory = new Map<CategoryId, number>();
  for (const service of centre.services) {
    if (served && !served.has(service.code)) continue;
    const waiting = summary.services[service.code]?.waiting ?? 0;
    if (waiting > 0) byCategory.set(service.categoryId, (byCategory.get(service.categoryId) ?? 0) + waiting);
  }
  return centre.categories.flatMap((category) => {
    const waiting = byCategory.get(category.id);
    return waiting ? [{ categoryId: category.id, name: category.name, waiting }] : [];
  });
};
