/**
 * Keeps the sound and the highlight in step with the board: new calls of this board blink
 * and are queued for announcement in call order; the board's language, voice and mute are
 * applied whenever the configuration changes (an administrator's edit arrives live).
 */
import type { QueueStoreState, SyncState } from '@queue/client';
import type { CallView } from '@queue/protocol';
import { setLanguage } from '@queue/ui';
import type { StoreApi } from 'zustand/vanilla';
import { toAnnouncementCall } from '../logic/announce-call';
import { boardCalls, findDesk, selectBoard } from '../logic/board-select';
import { announce, configureAnnouncer } from '../sound/announcer';
import { highlight } from './highlight';

export const showNewCalls = (
  calls: readonly CallView[],
  sync: SyncState,
  boardId: string | undefined,
): void => {
  const board = selectBoard(sync.centre, boardId);
  const desks = sync.centre?.desks;
  const shown = boardCalls(calls, board, desks).sort((a, b) => a.seq - b.seq);
  const language = board?.language ?? 'uk';
  for (const call of shown) announce(toAnnouncementCall(call, findDesk(desks, call.deskId)), language);
  const newest = shown.at(-1);
  if (newest) highlight(newest.seq);
};

export const followBoard = (store: StoreApi<QueueStoreState>, boardId: string | undefined): void => {
  let last: unknown;
  const apply = (state: QueueStoreState): void => {
    const board = selectBoard(state.sync.centre, boardId);
    if (board === last) return;
    last = board;
    configureAnnouncer(board);
    if (board) setLanguage(board.language);
  };
  apply(store.getState());
  store.subscribe(apply);
};
