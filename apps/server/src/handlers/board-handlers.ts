/**
 * Boards: administrators and supervisors change a board's running line, notices and sound
 * while it runs; every screen gets the new configuration at once.
 */
import type { Board } from '@queue/core';
import { type HandlerContext, type QueueSocket, auditAction, refuse } from './handler';
import { on } from './on';

export const registerBoardHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'board:update', (payload) => {
    const board = context.config.current.boards.find((entry) => entry.id === payload.boardId);
    if (!board) return refuse('NOT_FOUND', `There is no board ${payload.boardId}.`);
    const updated: Board = {
      ...board,
      ...(payload.ticker ? { ticker: payload.ticker } : {}),
      ...(payload.info ? { info: payload.info } : {}),
      ...(payload.muted !== undefined ? { muted: payload.muted } : {}),
    };
    context.config.update((centre) => ({
      ...centre,
      boards: centre.boards.map((entry) => (entry.id === updated.id ? updated : entry)),
    }));
    context.logger.info('board updated', { board: updated.id });
    auditAction(socket, context, {
      action: 'board:update',
      target: `board:${updated.id}`,
      details: {
        ticker: payload.ticker !== undefined,
        info: payload.info !== undefined,
        muted: payload.muted,
      },
    });
    return { ok: true, data: updated };
  });
};
