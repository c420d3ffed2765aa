/**
 * Voices with fake players: the clip pack plays its files in order and fails on a missing
 * clip; speech synthesis sets the language, ends on the utterance's end and times out; the
 * audio player resolves on 'ended' and rejects on 'error'.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeAnnouncement } from './compose';
import { TimeoutError } from './scheduler';
import type { Phrase } from './types';
import {
  type AudioLike,
  ChimeOnlyVoice,
  ClipPackVoice,
  MissingClipError,
  type SpeechSynthesisLike,
  SpeechSynthesisVoice,
  type SystemVoiceLike,
  type UtteranceLike,
  clipPackUrl,
  createAudioPlayer,
  pickSystemVoice,
} from './voices';

const phrase = (language: Phrase['language'] = 'uk'): Phrase =>
  composeAnnouncement({ number: 'А-123', deskNumber: 5, deskKind: 'desk', kind: 'call' }, language);

describe('ClipPackVoice', () => {
  it('plays the clip files of the phrase in order', async () => {
    const played: string[] = [];
    const voice = new ClipPackVoice({ baseUrl: '/voice', playClip: async (url) => void played.push(url) });
    await voice.speak(phrase());
    expect(played).toEqual([
      '/voice/uk/word/talon.mp3',
      `/voice/uk/letter/${encodeURIComponent('А')}.mp3`,
      '/voice/uk/num/100.mp3',
      '/voice/uk/num/20.mp3',
      '/voice/uk/num/3.mp3',
      '/voice/uk/word/vikno.mp3',
      '/voice/uk/word/nomer.mp3',
      '/voice/uk/num/5.mp3',
    ]);
  });

  it('builds URLs from a base, an extension or a custom function', () => {
    expect(clipPackUrl('uk/word/talon')).toBe('uk/word/talon.mp3');
    expect(clipPackUrl('uk/word/talon', 'https://x.example/pack/', 'ogg')).toBe(
      'https://x.example/pack/uk/word/talon.ogg',
    );
    const voice = new ClipPackVoice({ playClip: async () => {}, clipUrl: (clip) => `#${clip}` });
    expect(voice.url('uk/num/5')).toBe('#uk/num/5');
  });

  it('fails before playing anything when the pack index lacks a clip', async () => {
    const playClip = vi.fn(async () => {});
    const clips = phrase().parts.filter((part) => part !== 'uk/num/20');
    const voice = new ClipPackVoice({ playClip, clips });
    await expect(voice.speak(phrase())).rejects.toMatchObject({
      name: 'MissingClipError',
      clip: 'uk/num/20',
    });
    expect(playClip).not.toHaveBeenCalled();
  });

  it('fails when a clip cannot be played', async () => {
    const voice = new ClipPackVoice({
      playClip: async (url) => {
        if (url.includes('vikno')) throw new Error('404');
      },
    });
    const error: unknown = await voice.speak(phrase()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingClipError);
    expect(error).toMatchObject({ clip: 'uk/word/vikno', cause: new Error('404') });
  });
});

class FakeUtterance implements UtteranceLike {
  lang = '';
  rate = 1;
  voice: SystemVoiceLike | null = null;
  onend: ((event: never) => unknown) | null = null;
  onerror: ((event: never) => unknown) | null = null;
  constructor(readonly text: string) {}
}

class FakeSynthesis implements SpeechSynthesisLike {
  readonly spoken: FakeUtterance[] = [];
  cancelled = 0;
  constructor(private readonly voices: readonly SystemVoiceLike[] = []) {}
  speak(utterance: UtteranceLike): void {
    this.spoken.push(utterance as FakeUtterance);
  }
  cancel(): void {
    this.cancelled += 1;
  }
  getVoices(): readonly SystemVoiceLike[] {
    return this.voices;
  }
  end(): void {
    (this.spoken.at(-1)?.onend as (() => void) | null)?.();
  }
  fail(error: string): void {
    (this.spoken.at(-1)?.onerror as ((event: { error: string }) => void) | null)?.({ error });
  }
}

describe('SpeechSynthesisVoice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const voiceWith = (synthesis: FakeSynthesis, timeoutMs = 10_000) =>
    new SpeechSynthesisVoice({ synthesis, createUtterance: (text) => new FakeUtterance(text), timeoutMs });

  it('speaks the text with the language tag and resolves when the utterance ends', async () => {
    const synthesis = new FakeSynthesis();
    const done = vi.fn();
    void voiceWith(synthesis).speak(phrase('ru')).then(done);
    expect(synthesis.spoken[0]).toMatchObject({
      text: 'Талон А сто двадцать три, окно номер пять',
      lang: 'ru-RU',
    });
    await Promise.resolve();
    expect(done).not.toHaveBeenCalled();
    synthesis.end();
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
  });

  it('uses uk-UA and en-GB, and picks a matching system voice', async () => {
    const ukVoice = { lang: 'uk_UA', name: 'Lesya' };
    const synthesis = new FakeSynthesis([
      { lang: 'en-US', name: 'Sam' },
      ukVoice,
      { lang: 'en-GB', name: 'Kate' },
    ]);
    const voice = voiceWith(synthesis);
    const uk = voice.speak(phrase('uk'));
    synthesis.end();
    await uk;
    const en = voice.speak(phrase('en'));
    synthesis.end();
    await en;
    expect(synthesis.spoken.map((u) => [u.lang, u.voice?.name])).toEqual([
      ['uk-UA', 'Lesya'],
      ['en-GB', 'Kate'],
    ]);
  });

  it('fails when the engine has voices but none for the language', async () => {
    const synthesis = new FakeSynthesis([{ lang: 'en-US', name: 'Sam' }]);
    await expect(voiceWith(synthesis).speak(phrase('uk'))).rejects.toThrow(/uk-UA/);
    expect(synthesis.spoken).toHaveLength(0);
  });

  it('times out after the given time and cancels the utterance', async () => {
    const synthesis = new FakeSynthesis();
    const result = voiceWith(synthesis, 3_000)
      .speak(phrase())
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(synthesis.cancelled).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBeInstanceOf(TimeoutError);
    expect(synthesis.cancelled).toBe(1);
  });

  it('fails on an utterance error', async () => {
    const synthesis = new FakeSynthesis();
    const result = voiceWith(synthesis).speak(phrase());
    synthesis.fail('synthesis-failed');
    await expect(result).rejects.toThrow(/synthesis-failed/);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails where there is no speech synthesis', async () => {
    await expect(new SpeechSynthesisVoice().speak(phrase())).rejects.toThrow(/speech synthesis/i);
  });

  it('matches system voices by tag, then by language', () => {
    const voices = [
      { lang: 'ru-UA', name: 'a' },
      { lang: 'RU-ru', name: 'b' },
    ];
    expect(pickSystemVoice(voices, 'ru-RU')?.name).toBe('b');
    expect(pickSystemVoice(voices.slice(0, 1), 'ru-RU')?.name).toBe('a');
    expect(pickSystemVoice(voices, 'uk-UA')).toBeUndefined();
  });
});

describe('ChimeOnlyVoice', () => {
  it('says nothing and succeeds, or plays its extra sound', async () => {
    await expect(new ChimeOnlyVoice().speak(phrase())).resolves.toBeUndefined();
    const play = vi.fn(async () => {});
    await new ChimeOnlyVoice({ play }).speak(phrase());
    expect(play).toHaveBeenCalledOnce();
  });
});

class FakeAudio implements AudioLike {
  private readonly listeners = new Map<string, Set<() => void>>();
  paused = false;
  constructor(
    readonly src: string,
    private readonly playResult: Promise<void> = Promise.resolve(),
  ) {}
  play(): Promise<void> {
    return this.playResult;
  }
  pause(): void {
    this.paused = true;
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
  }
  removeEventListener(type: string, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  emit(type: string): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener();
  }
  get listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

describe('createAudioPlayer', () => {
  it('resolves when the audio ends and removes its listeners', async () => {
    let audio: FakeAudio | undefined;
    const play = createAudioPlayer({ createAudio: (url) => (audio = new FakeAudio(url)) });
    const done = play('/chime.mp3');
    expect(audio?.src).toBe('/chime.mp3');
    audio?.emit('ended');
    await expect(done).resolves.toBeUndefined();
    expect(audio?.listenerCount).toBe(0);
  });

  it('rejects when the file cannot be loaded or autoplay is blocked', async () => {
    let audio: FakeAudio | undefined;
    const missing = createAudioPlayer({ createAudio: (url) => (audio = new FakeAudio(url)) })('/x.mp3');
    audio?.emit('error');
    await expect(missing).rejects.toThrow('Cannot play /x.mp3');

    const blocked = createAudioPlayer({
      createAudio: (url) => new FakeAudio(url, Promise.reject(new Error('NotAllowedError'))),
    })('/y.mp3');
    await expect(blocked).rejects.toThrow(/NotAllowedError/);
  });

  it('rejects where there is no Audio', async () => {
    await expect(createAudioPlayer()('/x.mp3')).rejects.toThrow(/No Audio/);
  });
});
