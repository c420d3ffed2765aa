/** The board this screen shows, as the live configuration has it, and the calls it shows. */
import type { Board } from '@queue/core';
import type { CallView } from '@queue/protocol';
import { useMemo } from 'react';
import { boardCalls, selectBoard } from '../logic/board-select';
import { boardId, useQueue } from './queue';

export const useBoard = (): Board | undefined => useQueue((state) => selectBoard(state.sync.centre, boardId));

export const useBoardCalls = (board: Board | undefined): CallView[] => {
  const calls = useQueue((state) => state.sync.calls);
  const desks = useQueue((state) => state.sync.centre?.desks);
  return useMemo(() => boardCalls(calls, board, desks), [calls, board, desks]);
};
