/**
 * The board's announcement queue: every call of the board, in call order, a chime and then
 * the phrase in the board's language from the first voice of its chain that manages it. None
 * is dropped, a recall is announced again, and a muted board logs calls without a sound. The
 * log is `window.__announcements` (the queue's live array) for end-to-end tests.
 */
import {
  AnnouncementQueue,
  type AnnouncementCall,
  type AnnouncementLogEntry,
  type Language,
} from '@queue/announcer';
import type { Board, BoardVoice } from '@queue/core';
import { playChime } from './chime';
import { preloadEspeak } from './espeak-voice';
import { usesEspeak, voiceChain } from './voice-chain';

declare global {
  interface Window {
    __announcements?: readonly AnnouncementLogEntry[];
  }
}

/**
 * The chain the queue tries, changed in place when an administrator changes the board's
 * voice: the queue reads it afresh for each announcement, so the log stays one log.
 */
const chain = voiceChain('speech');
let chainVoice: BoardVoice = 'speech';

const queue = new AnnouncementQueue({
  voices: chain,
  playChime,
  language: 'uk',
  chimeTimeoutMs: 3_000,
  voiceTimeoutMs: 20_000,
  gapMs: 300,
  // The log is for tests and a look in the console; a board runs all day, so keep it short.
  maxLogEntries: 200,
});

window.__announcements = queue.log;

let preloaded = false;

/** Applies the board's voice and mute; called whenever the configuration changes. */
export const configureAnnouncer = (board: Board | undefined): void => {
  const voice = board?.voice ?? 'speech';
  if (voice !== chainVoice) {
    chain.splice(0, chain.length, ...voiceChain(voice));
    chainVoice = voice;
  }
  queue.setMuted(board?.muted ?? false);
  if (!preloaded && board && !board.muted && usesEspeak(voice)) {
    preloaded = true;
    // Fetch the offline engine while the hall is quiet, not when the first call comes.
    window.setTimeout(preloadEspeak, 3_000);
  }
};

export const announce = (call: AnnouncementCall, language: Language): void => {
  queue.enqueue(call, language);
};
