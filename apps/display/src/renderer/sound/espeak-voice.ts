/**
 * The offline speech engine: eSpeak NG compiled to WebAssembly (npm `espeak-ng`), for boards
 * whose system has no voice for the board's language. It needs no network beyond the board's
 * own server: the engine is loaded from there on first use, compiled once, and run once per
 * phrase (its command line writes a WAV file that Web Audio plays).
 */
import type { Language, Phrase, Voice } from '@queue/announcer';
import { playEncoded, runningContext } from './audio-output';
import { ESPEAK_URL } from './paths';

/** eSpeak NG's voice names for the board's languages. */
const ESPEAK_VOICES: Readonly<Record<Language, string>> = { uk: 'uk', ru: 'ru', en: 'en-gb' };

/** Words a minute: a little slower than eSpeak's 175, for a large hall. */
const RATE = '150';

interface EspeakInstance {
  readonly FS: { readFile(path: string): Uint8Array };
}

type ReceiveInstance = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;

/** The Emscripten module factory the package exports: runs eSpeak's `main` with `arguments`. */
type EspeakFactory = (options: {
  readonly arguments: readonly string[];
  readonly instantiateWasm: (imports: WebAssembly.Imports, receive: ReceiveInstance) => object;
  readonly print: (text: string) => void;
  readonly printErr: (text: string) => void;
}) => Promise<EspeakInstance>;

interface Engine {
  readonly factory: EspeakFactory;
  readonly module: WebAssembly.Module;
}

let engine: Promise<Engine> | undefined;

const loadEngine = (): Promise<Engine> => {
  engine ??= (async () => {
    const [script, module] = await Promise.all([
      import(/* @vite-ignore */ `${ESPEAK_URL}espeak-ng.js`) as Promise<{ default: EspeakFactory }>,
      fetch(`${ESPEAK_URL}espeak-ng.wasm`).then(async (response) => {
        if (!response.ok) throw new Error(`Cannot load the speech engine: HTTP ${response.status}`);
        return WebAssembly.compile(await response.arrayBuffer());
      }),
    ]);
    return { factory: script.default, module };
  })().catch((error: unknown) => {
    engine = undefined; // try again for the next phrase
    throw error;
  });
  return engine;
};

/** The phrase as a WAV file. */
export const synthesize = async (text: string, language: Language): Promise<Uint8Array<ArrayBuffer>> => {
  const { factory, module } = await loadEngine();
  const instance = await factory({
    arguments: ['-v', ESPEAK_VOICES[language], '-s', RATE, '-w', '/phrase.wav', text],
    instantiateWasm: (imports, receive) => {
      void WebAssembly.instantiate(module, imports).then((created) => receive(created, module));
      return {};
    },
    print: () => undefined,
    printErr: () => undefined,
  });
  const wav = instance.FS.readFile('/phrase.wav');
  if (wav.byteLength < 100) throw new Error('The speech engine produced no sound');
  return new Uint8Array(wav);
};

export class EspeakVoice implements Voice {
  readonly name = 'espeak-ng';

  async speak(phrase: Phrase): Promise<void> {
    runningContext(); // fail at once while the browser blocks sound
    const wav = await synthesize(phrase.text, phrase.language);
    await playEncoded(wav.buffer);
  }
}

/** Starts loading the engine in the background, so the first announcement is not delayed. */
export const preloadEspeak = (): void => {
  loadEngine().catch(() => undefined);
};
