/**
 * Voices speak a composed phrase. The queue tries them in order until one succeeds:
 * `ClipPackVoice` (recorded clips, played one after another through an injected player),
 * `SpeechSynthesisVoice` (the browser's speech engine) and `ChimeOnlyVoice` (says nothing;
 * the chime already played and the number is on the board). Browser objects are reached
 * through small structural types, so this file compiles without DOM types and tests pass fakes.
 */
import { type Scheduler, TimeoutError, errorMessage, systemScheduler } from './scheduler';
import type { Language, Phrase, PhrasePart } from './types';

export interface Voice {
  /** Shown in the announcement log. */
  readonly name?: string;
  /** Resolves when the phrase has been said; rejects when it cannot be, so the next voice is tried. */
  speak(phrase: Phrase): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Recorded clips
// ---------------------------------------------------------------------------------------------

export class MissingClipError extends Error {
  override readonly name = 'MissingClipError';
  constructor(
    readonly clip: string,
    options?: { cause?: unknown },
  ) {
    super(`Clip '${clip}' is missing or cannot be played`, options);
  }
}

export interface ClipPackVoiceOptions {
  /** Plays one file to its end; rejects when the file is missing or cannot be played. */
  readonly playClip: (url: string) => Promise<void>;
  /** Where the pack lives, e.g. '/voice/' or 'https://centre.example/voice'. Default: relative URLs. */
  readonly baseUrl?: string;
  /** File extension of the clips, default 'mp3'. */
  readonly extension?: string;
  /** Overrides the URL of a clip (then `baseUrl` and `extension` are not used). */
  readonly clipUrl?: (clip: PhrasePart) => string;
  /**
   * The clip ids the pack holds (its index.json). When given, a phrase needing a clip the
   * pack lacks fails before anything is played, so the hall never hears half a phrase.
   */
  readonly clips?: Iterable<string>;
  readonly name?: string;
}

/** `<base>/<language>/<group>/<key>.<ext>`, each path segment URL-encoded (letters are Cyrillic). */
export const clipPackUrl = (clip: string, baseUrl = '', extension = 'mp3'): string => {
  const base = baseUrl === '' || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}${clip.split('/').map(encodeURIComponent).join('/')}.${extension}`;
};

export class ClipPackVoice implements Voice {
  readonly name: string;
  private readonly clips: ReadonlySet<string> | undefined;

  constructor(private readonly options: ClipPackVoiceOptions) {
    this.name = options.name ?? 'clips';
    this.clips = options.clips === undefined ? undefined : new Set(options.clips);
  }

  url(clip: PhrasePart): string {
    return this.options.clipUrl?.(clip) ?? clipPackUrl(clip, this.options.baseUrl, this.options.extension);
  }

  async speak(phrase: Phrase): Promise<void> {
    const missing = this.clips && phrase.parts.find((clip) => !this.clips?.has(clip));
    if (missing !== undefined) throw new MissingClipError(missing);
    for (const clip of phrase.parts) {
      try {
        await this.options.playClip(this.url(clip));
      } catch (error) {
        throw new MissingClipError(clip, { cause: error });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Browser speech synthesis
// ---------------------------------------------------------------------------------------------

/** The part of a browser `SpeechSynthesisVoice` used here. */
export interface SystemVoiceLike {
  readonly lang: string;
  readonly name: string;
}

/** The part of a browser `SpeechSynthesisUtterance` used here. */
export interface UtteranceLike {
  lang: string;
  rate: number;
  voice: SystemVoiceLike | null;
  onend: ((event: never) => unknown) | null;
  onerror: ((event: never) => unknown) | null;
}

/** The part of the browser's `window.speechSynthesis` used here. */
export interface SpeechSynthesisLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices?(): readonly SystemVoiceLike[];
}

/** Language tags given to the speech engine. */
export const SPEECH_LANGS: Readonly<Record<Language, string>> = { uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' };

export interface SpeechSynthesisVoiceOptions {
  /** Default: `globalThis.speechSynthesis`, looked up when speaking. */
  readonly synthesis?: SpeechSynthesisLike;
  /** Default: `new globalThis.SpeechSynthesisUtterance(text)`. */
  readonly createUtterance?: (text: string) => UtteranceLike;
  /** Give up (and cancel the utterance) after this long; default 15 000 ms. */
  readonly timeoutMs?: number;
  readonly scheduler?: Scheduler;
  /** Overrides of `SPEECH_LANGS`. */
  readonly langs?: Partial<Record<Language, string>>;
  /** Speaking rate, default 0.9 (a little slower, for a large hall). */
  readonly rate?: number;
  /**
   * When the engine lists its voices and none speaks the phrase's language, fail instead of
   * letting another language's voice mangle the text. Default true.
   */
  readonly requireLanguageVoice?: boolean;
  readonly name?: string;
}

interface SpeechGlobals {
  readonly speechSynthesis?: SpeechSynthesisLike;
  readonly SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
}

const normaliseLang = (lang: string): string => lang.replace(/_/g, '-').toLowerCase();

/** A system voice for `lang`: the exact tag ('uk-UA'), else one of the same language ('uk'). */
export const pickSystemVoice = (
  voices: readonly SystemVoiceLike[],
  lang: string,
): SystemVoiceLike | undefined => {
  const wanted = normaliseLang(lang);
  const primary = wanted.split('-')[0];
  return (
    voices.find((voice) => normaliseLang(voice.lang) === wanted) ??
    voices.find((voice) => normaliseLang(voice.lang).split('-')[0] === primary)
  );
};

export class SpeechSynthesisVoice implements Voice {
  readonly name: string;

  constructor(private readonly options: SpeechSynthesisVoiceOptions = {}) {
    this.name = options.name ?? 'speech-synthesis';
  }

  speak(phrase: Phrase): Promise<void> {
    const globals = globalThis as SpeechGlobals;
    const synthesis = this.options.synthesis ?? globals.speechSynthesis;
    if (synthesis === undefined) return Promise.reject(new Error('No speech synthesis in this browser'));
    const Utterance = globals.SpeechSynthesisUtterance;
    const createUtterance =
      this.options.createUtterance ?? (Utterance ? (text: string) => new Utterance(text) : undefined);
    if (createUtterance === undefined) return Promise.reject(new Error('No SpeechSynthesisUtterance'));

    const lang = this.options.langs?.[phrase.language] ?? SPEECH_LANGS[phrase.language];
    const voices = synthesis.getVoices?.() ?? [];
    const voice = pickSystemVoice(voices, lang);
    if (voice === undefined && voices.length > 0 && this.options.requireLanguageVoice !== false) {
      return Promise.reject(new Error(`No ${lang} voice among the ${voices.length} system voices`));
    }

    const utterance = createUtterance(phrase.text);
    utterance.lang = lang;
    utterance.rate = this.options.rate ?? 0.9;
    if (voice !== undefined) utterance.voice = voice;

    const scheduler = this.options.scheduler ?? systemScheduler;
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        scheduler.clearTimeout(timer);
        utterance.onend = null;
        utterance.onerror = null;
        if (error) reject(error);
        else resolve();
      };
      const timer = scheduler.setTimeout(() => {
        finish(new TimeoutError(`Speech synthesis did not finish in ${timeoutMs} ms`));
        synthesis.cancel();
      }, timeoutMs);
      utterance.onend = () => finish();
      utterance.onerror = (event: { readonly error?: string }) =>
        finish(new Error(`Speech synthesis failed: ${event.error ?? 'unknown error'}`));
      try {
        synthesis.speak(utterance);
      } catch (error) {
        finish(new Error(`Speech synthesis failed: ${errorMessage(error)}`));
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Chime only
// ---------------------------------------------------------------------------------------------

export interface ChimeOnlyVoiceOptions {
  /** An extra sound instead of words (e.g. a second chime); default: nothing. */
  readonly play?: () => Promise<void>;
  readonly name?: string;
}

/** The last resort: says nothing (the chime before the phrase has played), never fails by itself. */
export class ChimeOnlyVoice implements Voice {
  readonly name: string;

  constructor(private readonly options: ChimeOnlyVoiceOptions = {}) {
    this.name = options.name ?? 'chime-only';
  }

  async speak(_phrase: Phrase): Promise<void> {
    await this.options.play?.();
  }
}

// ---------------------------------------------------------------------------------------------
// A player for clip files and chimes
// ---------------------------------------------------------------------------------------------

/** The part of a browser `HTMLAudioElement` used here. */
export interface AudioLike {
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: 'ended' | 'error', listener: () => void): void;
  removeEventListener(type: 'ended' | 'error', listener: () => void): void;
}

export interface AudioPlayerOptions {
  /** Default: `new globalThis.Audio(url)`. */
  readonly createAudio?: (url: string) => AudioLike;
}

/**
 * A `playClip` for `ClipPackVoice` (or a `playChime`): plays a URL with an audio element,
 * resolves when it ends, rejects when it cannot be loaded or played (a missing file, a
 * browser that blocks autoplay).
 */
export const createAudioPlayer =
  (options: AudioPlayerOptions = {}) =>
  (url: string): Promise<void> => {
    const Audio = (globalThis as { readonly Audio?: new (url: string) => AudioLike }).Audio;
    const createAudio = options.createAudio ?? (Audio ? (src: string) => new Audio(src) : undefined);
    if (createAudio === undefined) return Promise.reject(new Error('No Audio in this environment'));
    const audio = createAudio(url);
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        audio.removeEventListener('ended', onEnded);
        audio.removeEventListener('error', onError);
      };
      const onEnded = (): void => {
        done();
        resolve();
      };
      const onError = (): void => {
        done();
        reject(new Error(`Cannot play ${url}`));
      };
      audio.addEventListener('ended', onEnded);
      audio.addEventListener('error', onError);
      audio.play().catch((error: unknown) => {
        done();
        audio.pause();
        reject(new Error(`Cannot play ${url}: ${errorMessage(error)}`));
      });
    });
  };
