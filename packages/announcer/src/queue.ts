/**
 * The announcement queue of one board: calls are announced strictly one after another, in the
 * order they arrive, and none is dropped or merged (a recall is announced again). Each
 * announcement is a chime, then the phrase from the first voice of the chain that manages to
 * say it. A muted board plays nothing but still logs every call as 'muted'. The log (`log`)
 * is a live array the board can expose, e.g. as `window.__announcements` for end-to-end tests.
 */
import { composeAnnouncement } from './compose';
import { type Scheduler, errorMessage, sleep, systemScheduler, withTimeout } from './scheduler';
import type { AnnouncementCall, CallKind, DeskKind, Language, Phrase } from './types';
import type { Voice } from './voices';

/**
 * played: the first voice said it; fallback: a later voice did; muted: skipped because the
 * board is muted; failed: the call could not be composed, or no voice could say it.
 */
export type AnnouncementStatus = 'played' | 'fallback' | 'muted' | 'failed';

export interface AnnouncementLogEntry {
  /** Position in the arrival order on this board, from 1. */
  readonly seq: number;
  readonly number: string;
  readonly desk: number;
  readonly deskKind: DeskKind;
  readonly kind: CallKind;
  readonly language: Language;
  readonly status: AnnouncementStatus;
  /** When the announcement finished (or was skipped), ms since the epoch. */
  readonly at: number;
  /** The phrase as text (absent when muted or not composable). */
  readonly text?: string;
  /** The voice that said it. */
  readonly voice?: string;
  /** What went wrong on the way (failed voices before a fallback, or why it failed). */
  readonly error?: string;
}

export interface AnnouncementQueueOptions {
  /** The fallback chain, tried in order for each announcement. At least one. */
  readonly voices: readonly Voice[];
  /** Played before each phrase; a failing chime is ignored. Default: none. */
  readonly playChime?: () => Promise<void>;
  /** Language of `enqueue` calls that do not name one; default 'uk'. */
  readonly language?: Language;
  readonly scheduler?: Scheduler;
  /** A voice that has not finished after this long counts as failed; default 30 000 ms. */
  readonly voiceTimeoutMs?: number;
  /** A chime that has not finished after this long is abandoned; default 5 000 ms. */
  readonly chimeTimeoutMs?: number;
  /** Silence after each announcement, default 0 ms. */
  readonly gapMs?: number;
  /** Start muted; default false. */
  readonly muted?: boolean;
  /** Oldest log entries are dropped beyond this many; default 1 000. */
  readonly maxLogEntries?: number;
  /** Called with each log entry as it is written. */
  readonly onEntry?: (entry: AnnouncementLogEntry) => void;
}

interface Pending {
  readonly seq: number;
  readonly call: AnnouncementCall;
  readonly language: Language;
}

export class AnnouncementQueue {
  private readonly entries: AnnouncementLogEntry[] = [];
  private readonly waiting: Pending[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private readonly scheduler: Scheduler;
  private current: Pending | undefined;
  private lastSeq = 0;
  private running = false;
  private isMuted: boolean;

  constructor(private readonly options: AnnouncementQueueOptions) {
    if (options.voices.length === 0) throw new Error('An announcement queue needs at least one voice');
    this.scheduler = options.scheduler ?? systemScheduler;
    this.isMuted = options.muted ?? false;
  }

  /** Queues a call; returns its `seq`. Never blocks and never drops a call. */
  enqueue(call: AnnouncementCall, language: Language = this.options.language ?? 'uk'): number {
    const seq = ++this.lastSeq;
    this.waiting.push({ seq, call: { ...call }, language });
    if (!this.running) {
      this.running = true;
      void this.drain();
    }
    return seq;
  }

  get muted(): boolean {
    return this.isMuted;
  }

  /** Mutes or unmutes the board. Applies from the next announcement; one being said is finished. */
  setMuted(muted: boolean): void {
    this.isMuted = muted;
  }

  /** The announcement log, oldest first; the same array all the time, appended to in place. */
  get log(): readonly AnnouncementLogEntry[] {
    return this.entries;
  }

  /** Calls queued or being announced. */
  get pending(): number {
    return this.waiting.length + (this.current ? 1 : 0);
  }

  /** Resolves when every queued call has been announced (or skipped). */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    // Start on a microtask: calls and a mute made in the same tick as the first call all count.
    await Promise.resolve();
    try {
      for (let next = this.waiting.shift(); next !== undefined; next = this.waiting.shift()) {
        this.current = next;
        await this.announce(next);
        this.current = undefined;
      }
    } finally {
      this.current = undefined;
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async announce({ seq, call, language }: Pending): Promise<void> {
    const base = {
      seq,
      number: call.number,
      desk: call.deskNumber,
      deskKind: call.deskKind,
      kind: call.kind,
      language,
    };
    if (this.isMuted) return this.record({ ...base, status: 'muted' });

    let phrase: Phrase;
    try {
      phrase = composeAnnouncement(call, language);
    } catch (error) {
      return this.record({ ...base, status: 'failed', error: errorMessage(error) });
    }

    await this.chime();
    const errors: string[] = [];
    const timeoutMs = this.options.voiceTimeoutMs ?? 30_000;
    let spoken = false;
    for (const [index, voice] of this.options.voices.entries()) {
      const name = voice.name ?? `voice ${index + 1}`;
      try {
        await withTimeout(voice.speak(phrase), timeoutMs, this.scheduler, name);
        this.record({
          ...base,
          status: index === 0 ? 'played' : 'fallback',
          text: phrase.text,
          voice: name,
          ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
        });
        spoken = true;
        break;
      } catch (error) {
        errors.push(`${name}: ${errorMessage(error)}`);
      }
    }
    if (!spoken) this.record({ ...base, status: 'failed', text: phrase.text, error: errors.join('; ') });
    await sleep(this.options.gapMs ?? 0, this.scheduler);
  }

  private async chime(): Promise<void> {
    const { playChime } = this.options;
    if (playChime === undefined) return;
    try {
      await withTimeout(playChime(), this.options.chimeTimeoutMs ?? 5_000, this.scheduler, 'chime');
    } catch {
      // A broken chime must not silence the announcement itself.
    }
  }

  private record(entry: Omit<AnnouncementLogEntry, 'at'>): void {
    const full: AnnouncementLogEntry = { ...entry, at: this.scheduler.now() };
    this.entries.push(full);
    const excess = this.entries.length - (this.options.maxLogEntries ?? 1_000);
    if (excess > 0) this.entries.splice(0, excess);
    try {
      this.options.onEntry?.(full);
    } catch {
      // A failing listener must not stop the queue.
    }
  }
}
