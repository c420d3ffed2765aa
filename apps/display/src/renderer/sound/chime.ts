/**
 * The chime before each announcement, synthesized with Web Audio so no sound file is
 * needed: two soft sine tones, high then low ("ding-dong"), about a second in all.
 */
import { runningContext } from './audio-output';

const TONES: readonly { readonly hz: number; readonly at: number; readonly length: number }[] = [
  { hz: 659.25, at: 0, length: 0.55 }, // E5
  { hz: 523.25, at: 0.4, length: 0.7 }, // C5
];

const VOLUME = 0.35;

/** Resolves when the chime has played; rejects at once when sound is blocked. */
export const playChime = (): Promise<void> => {
  const ctx = runningContext();
  const start = ctx.currentTime + 0.02;
  const ends = TONES.map(({ hz, at, length }) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = hz;
    const begin = start + at;
    gain.gain.setValueAtTime(0.0001, begin);
    gain.gain.exponentialRampToValueAtTime(VOLUME, begin + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, begin + length);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(begin);
    oscillator.stop(begin + length + 0.02);
    return new Promise<void>((resolve) => oscillator.addEventListener('ended', () => resolve()));
  });
  return Promise.all(ends).then(() => undefined);
};
