/**
 * Keeps the sound and the highlight in step with the board: new calls of this board blink
 * and are queued for announcement in call order; the board's language, voice and mute are
 * applied whenever the configuration changes (an administrator's edit arrives live).
 *
 * The announcer (sound/announcer.ts and the announcer package) is a chunk of its own, left
 * out of the first frame: it is fetched once the board has its configuration, after the
 * next frame, or at once when a call comes first. What is asked of it before it is loaded
 * waits in one queue, so the configuration and the calls reach it in the order they came.
 */
import type { QueueStoreState, SyncState } from '@queue/client';
import type { Board } from '@queue/core';
import type { CallView } from '@queue/protocol';
import { setLanguage } from '@queue/ui';
import type { StoreApi } from 'zustand/vanilla';
import { toAnnouncementCall } from '../logic/announce-call';
import { boardCalls, findDesk, selectBoard } from '../logic/board-select';
import type * as AnnouncerModule from '../sound/announcer';
import { highlight } from './highlight';

type Announcer = typeof AnnouncerModule;

let loaded: Announcer | undefined;
let loading: Promise<void> | undefined;
/** Work asked of the announcer before it was loaded, oldest first. */
const waiting: ((announcer: Announcer) => void)[] = [];

const load = (): void => {
  loading ??= import('../sound/announcer').then(
    (module) => {
      loaded = module;
      for (const work of waiting.splice(0)) work(module);
    },
    () => {
      // The chunk could not be fetched (server gone or updated): the next call tries again.
      loading = undefined;
    },
  );
};

/** Hand work to the announcer, in the order asked; `urgent` fetches it now, else after the next frame. */
const withAnnouncer = (work: (announcer: Announcer) => void, urgent: boolean): void => {
  if (loaded) return work(loaded);
  waiting.push(work);
  if (urgent) load();
  else window.requestAnimationFrame(() => window.setTimeout(load));
};

export const showNewCalls = (
  calls: readonly CallView[],
  sync: SyncState,
  boardId: string | undefined,
): void => {
  const board = selectBoard(sync.centre, boardId);
  const desks = sync.centre?.desks;
  const shown = boardCalls(calls, board, desks).sort((a, b) => a.seq - b.seq);
  const language = board?.language ?? 'uk';
  const announcements = shown.map((call) => toAnnouncementCall(call, findDesk(desks, call.deskId)));
  if (announcements.length > 0) {
    withAnnouncer(({ announce }) => {
      for (const call of announcements) announce(call, language);
    }, true);
  }
  const newest = shown.at(-1);
  if (newest) highlight(newest.seq);
};

export const followBoard = (store: StoreApi<QueueStoreState>, boardId: string | undefined): void => {
  let last: Board | undefined;
  const apply = (state: QueueStoreState): void => {
    const board = selectBoard(state.sync.centre, boardId);
    if (board === last) return;
    last = board;
    withAnnouncer(({ configureAnnouncer }) => configureAnnouncer(board), false);
    if (board) setLanguage(board.language);
  };
  apply(store.getState());
  store.subscribe(apply);
};
