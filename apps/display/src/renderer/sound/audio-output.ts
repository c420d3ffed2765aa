/**
 * The board's one Web Audio context, used for the chime and the offline speech engine. A
 * browser that blocks autoplay keeps it suspended until someone taps the screen: `blocked`
 * says so, and the board shows a small "tap to enable sound" prompt (Electron kiosks and
 * browsers started with autoplay allowed never show it).
 */
import { create } from 'zustand';

interface SoundState {
  /** The browser holds the sound back until the page is tapped. */
  readonly blocked: boolean;
}

export const useSound = create<SoundState>()(() => ({ blocked: false }));

let context: AudioContext | undefined;

const update = (): void => useSound.setState({ blocked: context?.state === 'suspended' });

/** The context, made on first use; undefined where Web Audio is missing. */
export const audioContext = (): AudioContext | undefined => {
  if (context || typeof window.AudioContext !== 'function') return context;
  context = new window.AudioContext();
  context.addEventListener('statechange', update);
  return context;
};

/** A context ready to play now; throws when the browser still blocks sound. */
export const runningContext = (): AudioContext => {
  const ctx = audioContext();
  if (!ctx) throw new Error('No Web Audio in this browser');
  if (ctx.state !== 'running') throw new Error(`Sound is ${ctx.state} (autoplay blocked?)`);
  return ctx;
};

/** At start: try to start the sound, and after a moment report whether it is blocked. */
export const watchAutoplay = (graceMs = 1_000): void => {
  const ctx = audioContext();
  if (!ctx) return;
  ctx.resume().catch(() => undefined);
  window.setTimeout(update, graceMs);
  // Any tap or key on the board counts as the gesture the browser waits for.
  const unlock = (): void => void enableSound();
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
};

export const enableSound = async (): Promise<void> => {
  await audioContext()
    ?.resume()
    .catch(() => undefined);
  update();
};

/** Plays an encoded sound file (WAV, MP3) to its end through the context. */
export const playEncoded = async (bytes: ArrayBuffer): Promise<void> => {
  const ctx = runningContext();
  const buffer = await ctx.decodeAudioData(bytes);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(ctx.destination);
  await new Promise<void>((resolve) => {
    source.addEventListener('ended', () => resolve());
    source.start();
  });
};
