/**
 * The voices a board tries for each phrase, by its `voice` setting, best first; the chime
 * alone is always last, so a call is never silently lost:
 *
 * - 'clips':  recorded clip pack → system speech → offline engine → chime only
 * - 'speech': system speech → offline engine → chime only
 * - 'chime':  chime only
 */
import { ChimeOnlyVoice, ClipPackVoice, type Phrase, type Voice, createAudioPlayer } from '@queue/announcer';
import type { BoardVoice } from '@queue/core';
import { runningContext } from './audio-output';
import { EspeakVoice } from './espeak-voice';
import { CLIPS_URL } from './paths';
import { SystemSpeechVoice } from './system-speech';

let pack: Promise<ClipPackVoice> | undefined;

/** The pack's index.json, when it has one, lets the voice refuse a phrase it lacks clips for. */
const loadPack = (): Promise<ClipPackVoice> => {
  pack ??= fetch(`${CLIPS_URL}index.json`)
    .then(async (response) => (response.ok ? ((await response.json()) as unknown) : undefined))
    .catch(() => undefined)
    .then((index) => {
      const clips = Array.isArray(index) ? index.filter((id) => typeof id === 'string') : undefined;
      return new ClipPackVoice({
        baseUrl: CLIPS_URL,
        playClip: createAudioPlayer(),
        ...(clips ? { clips } : {}),
      });
    });
  return pack;
};

class BoardClipVoice implements Voice {
  readonly name = 'clips';

  async speak(phrase: Phrase): Promise<void> {
    runningContext(); // the clips would be held back like the chime
    await (await loadPack()).speak(phrase);
  }
}

export const voiceChain = (voice: BoardVoice): Voice[] => {
  const chime = new ChimeOnlyVoice();
  const speech = [new SystemSpeechVoice(), new EspeakVoice(), chime];
  switch (voice) {
    case 'clips':
      return [new BoardClipVoice(), ...speech];
    case 'speech':
      return speech;
    case 'chime':
      return [chime];
  }
};

export const usesEspeak = (voice: BoardVoice): boolean => voice !== 'chime';
