/**
 * The system's speech synthesis (`window.speechSynthesis`) for the board. Browsers list
 * their voices a moment after the page loads, so the first phrase waits for the list (up to
 * a second); a system with no voices at all fails at once, so the next voice of the chain
 * (the offline engine) speaks instead of the browser guessing with a wrong-language voice.
 */
import { type Phrase, SpeechSynthesisVoice, type Voice } from '@queue/announcer';

const VOICES_WAIT_MS = 1_000;

let voicesListed: Promise<void> | undefined;

const waitForVoices = (synthesis: SpeechSynthesis): Promise<void> => {
  voicesListed ??= new Promise<void>((resolve) => {
    if (synthesis.getVoices().length > 0) return resolve();
    const done = (): void => {
      synthesis.removeEventListener('voiceschanged', done);
      resolve();
    };
    synthesis.addEventListener('voiceschanged', done);
    window.setTimeout(done, VOICES_WAIT_MS);
  });
  return voicesListed;
};

export class SystemSpeechVoice implements Voice {
  readonly name = 'speech-synthesis';
  private readonly inner = new SpeechSynthesisVoice({ timeoutMs: 15_000 });

  async speak(phrase: Phrase): Promise<void> {
    const synthesis = typeof window.speechSynthesis === 'object' ? window.speechSynthesis : undefined;
    if (!synthesis) throw new Error('No speech synthesis in this browser');
    await waitForVoices(synthesis);
    if (synthesis.getVoices().length === 0) throw new Error('The system has no speech voices');
    // Fails at once when the system has voices but none for the phrase's language.
    await this.inner.speak(phrase);
  }
}
