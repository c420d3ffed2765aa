/**
 * The announcement queue with fake voices and fake timers: strict arrival order with nothing
 * dropped, a chime before each phrase, the fallback chain, mute, recalls, timeouts, the log,
 * and a property: for any arrivals interleaved with any voice completions and failures, the
 * log is the enqueue order.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeAnnouncement } from './compose';
import { type AnnouncementLogEntry, AnnouncementQueue } from './queue';
import type { Scheduler } from './scheduler';
import type { AnnouncementCall, Phrase } from './types';
import { ChimeOnlyVoice, type Voice } from './voices';

const call = (number: string, deskNumber = 1, more: Partial<AnnouncementCall> = {}): AnnouncementCall => ({
  number,
  deskNumber,
  deskKind: 'desk',
  kind: 'call',
  ...more,
});

/** A voice taking `ms` (fake time) per phrase, recording what it said and when; fails when told. */
class FakeVoice implements Voice {
  readonly said: string[] = [];
  speaking = 0;
  maxSpeaking = 0;
  constructor(
    readonly name: string,
    private readonly events: string[],
    private readonly ms = 0,
    private readonly fails: (phrase: Phrase) => boolean = () => false,
  ) {}
  async speak(phrase: Phrase): Promise<void> {
    this.speaking += 1;
    this.maxSpeaking = Math.max(this.maxSpeaking, this.speaking);
    this.events.push(`${this.name}:start ${phrase.text}`);
    try {
      if (this.ms > 0) await new Promise((resolve) => setTimeout(resolve, this.ms));
      if (this.fails(phrase)) throw new Error(`${this.name} cannot`);
      this.said.push(phrase.text);
      this.events.push(`${this.name}:end`);
    } finally {
      this.speaking -= 1;
    }
  }
}

const statuses = (log: readonly AnnouncementLogEntry[]) => log.map((e) => [e.number, e.status]);

describe('AnnouncementQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-03T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('plays 5 calls arriving in the same tick one after another, in order, each after a chime', async () => {
    const events: string[] = [];
    const voice = new FakeVoice('clips', events, 2_000);
    const queue = new AnnouncementQueue({
      voices: [voice],
      playChime: async () => {
        events.push('chime');
        await new Promise((resolve) => setTimeout(resolve, 500));
      },
    });
    const numbers = ['А-001', 'Р-002', 'Д-003', 'П-004', 'С-005'];
    const seqs = numbers.map((number, i) => queue.enqueue(call(number, i + 1)));
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    expect(queue.pending).toBe(5);

    await vi.advanceTimersByTimeAsync(2_500);
    expect(voice.said).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4 * 2_500);
    expect(voice.said).toEqual([
      'Талон А один, вікно номер один',
      'Талон ер два, вікно номер два',
      'Талон де три, вікно номер три',
      'Талон пе чотири, вікно номер чотири',
      "Талон ес п'ять, вікно номер п'ять",
    ]);
    expect(voice.maxSpeaking).toBe(1);
    expect(events.filter((e) => !e.endsWith(':end')).map((e) => e.split(' ')[0])).toEqual(
      Array.from({ length: 5 }, () => ['chime', 'clips:start']).flat(),
    );
    expect(queue.log.map((e) => [e.seq, e.number, e.status, e.voice])).toEqual(
      numbers.map((number, i) => [i + 1, number, 'played', 'clips']),
    );
    expect(queue.log[0]).toMatchObject({ desk: 1, deskKind: 'desk', kind: 'call', language: 'uk' });
    expect(queue.log.map((e) => e.at - Date.parse('2025-03-03T09:00:00Z'))).toEqual([
      2_500, 5_000, 7_500, 10_000, 12_500,
    ]);
    expect(queue.pending).toBe(0);
  });

  it('keeps calls arriving while one is being said, and never drops any', async () => {
    const voice = new FakeVoice('v', [], 1_000);
    const queue = new AnnouncementQueue({ voices: [voice] });
    for (let i = 1; i <= 50; i += 1) {
      queue.enqueue(call(`А-${i}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.runAllTimersAsync();
    await queue.idle();
    expect(queue.log.map((e) => e.number)).toEqual(Array.from({ length: 50 }, (_, i) => `А-${i + 1}`));
    expect(voice.maxSpeaking).toBe(1);
  });

  it('falls back to the next voice when one fails, and logs why', async () => {
    const events: string[] = [];
    const broken = new FakeVoice('clips', events, 0, () => true);
    const speech = new FakeVoice('speech', events);
    const queue = new AnnouncementQueue({ voices: [broken, speech, new ChimeOnlyVoice()] });
    queue.enqueue(call('А-123', 5));
    await queue.idle();
    expect(speech.said).toEqual(["Талон А сто двадцять три, вікно номер п'ять"]);
    expect(queue.log).toEqual([
      expect.objectContaining({
        status: 'fallback',
        voice: 'speech',
        error: 'clips: clips cannot',
        text: "Талон А сто двадцять три, вікно номер п'ять",
      }),
    ]);
  });

  it('falls back to the chime alone when no voice can speak', async () => {
    const queue = new AnnouncementQueue({
      voices: [
        new FakeVoice('clips', [], 0, () => true),
        new FakeVoice('speech', [], 0, () => true),
        new ChimeOnlyVoice(),
      ],
    });
    queue.enqueue(call('А-1'));
    await queue.idle();
    expect(queue.log[0]).toMatchObject({ status: 'fallback', voice: 'chime-only' });
  });

  it('logs a failure when every voice fails, and goes on with the next call', async () => {
    const queue = new AnnouncementQueue({
      voices: [
        new FakeVoice('a', [], 0, (p) => p.text.includes('один')),
        new FakeVoice('b', [], 0, (p) => p.text.includes('один')),
      ],
    });
    queue.enqueue(call('А-1'));
    queue.enqueue(call('А-2', 2));
    await queue.idle();
    expect(statuses(queue.log)).toEqual([
      ['А-1', 'failed'],
      ['А-2', 'played'],
    ]);
    expect(queue.log[0]?.error).toBe('a: a cannot; b: b cannot');
  });

  it('treats a voice that never finishes as failed after the voice timeout', async () => {
    const hanging: Voice = { name: 'hanging', speak: () => new Promise(() => {}) };
    const speech = new FakeVoice('speech', []);
    const queue = new AnnouncementQueue({ voices: [hanging, speech], voiceTimeoutMs: 8_000 });
    queue.enqueue(call('А-1'));
    await vi.advanceTimersByTimeAsync(7_999);
    expect(queue.log).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(queue.log[0]).toMatchObject({
      status: 'fallback',
      voice: 'speech',
      error: expect.stringMatching(/timed out/),
    });
  });

  it('goes on when the chime fails, hangs or throws', async () => {
    const speech = new FakeVoice('speech', []);
    let chimes = 0;
    const queue = new AnnouncementQueue({
      voices: [speech],
      chimeTimeoutMs: 1_000,
      playChime: () => {
        chimes += 1;
        if (chimes === 1) return Promise.reject(new Error('no chime'));
        if (chimes === 2) return new Promise(() => {});
        throw new Error('sync');
      },
    });
    ['А-1', 'А-2', 'А-3'].forEach((n) => queue.enqueue(call(n)));
    await vi.advanceTimersByTimeAsync(1_000);
    await queue.idle();
    expect(statuses(queue.log)).toEqual([
      ['А-1', 'played'],
      ['А-2', 'played'],
      ['А-3', 'played'],
    ]);
  });

  it('plays nothing while muted but logs the calls as muted', async () => {
    const events: string[] = [];
    const voice = new FakeVoice('v', events);
    const playChime = vi.fn(async () => {});
    const queue = new AnnouncementQueue({ voices: [voice], playChime, muted: true });
    expect(queue.muted).toBe(true);
    queue.enqueue(call('А-1'));
    queue.enqueue(call('А-2', 2, { kind: 'recall' }));
    await queue.idle();
    expect(events).toEqual([]);
    expect(playChime).not.toHaveBeenCalled();
    expect(queue.log.map((e) => [e.number, e.kind, e.status])).toEqual([
      ['А-1', 'call', 'muted'],
      ['А-2', 'recall', 'muted'],
    ]);

    queue.setMuted(false);
    queue.enqueue(call('А-3', 3));
    await queue.idle();
    expect(voice.said).toEqual(['Талон А три, вікно номер три']);
    expect(queue.log.at(-1)?.status).toBe('played');
  });

  it('applies a mute made in the same tick as the calls, and from the next call when one is being said', async () => {
    const voice = new FakeVoice('v', [], 1_000);
    const queue = new AnnouncementQueue({ voices: [voice] });
    queue.enqueue(call('А-1'));
    queue.setMuted(true);
    await queue.idle();
    expect(statuses(queue.log)).toEqual([['А-1', 'muted']]);

    queue.setMuted(false);
    queue.enqueue(call('А-2'));
    queue.enqueue(call('А-3'));
    await vi.advanceTimersByTimeAsync(500);
    queue.setMuted(true);
    await vi.runAllTimersAsync();
    await queue.idle();
    expect(statuses(queue.log).slice(1)).toEqual([
      ['А-2', 'played'],
      ['А-3', 'muted'],
    ]);
  });

  it('announces a recall again, with "повторно"', async () => {
    const voice = new FakeVoice('v', []);
    const queue = new AnnouncementQueue({ voices: [voice] });
    queue.enqueue(call('А-123', 5));
    await queue.idle();
    queue.enqueue(call('А-123', 5, { kind: 'recall' }));
    queue.enqueue(call('А-123', 5, { kind: 'recall' }));
    await queue.idle();
    expect(voice.said).toEqual([
      "Талон А сто двадцять три, вікно номер п'ять",
      "Талон А сто двадцять три, вікно номер п'ять, повторно",
      "Талон А сто двадцять три, вікно номер п'ять, повторно",
    ]);
    expect(queue.log.map((e) => [e.seq, e.kind, e.status])).toEqual([
      [1, 'call', 'played'],
      [2, 'recall', 'played'],
      [3, 'recall', 'played'],
    ]);
  });

  it('speaks the language asked for, or the default one', async () => {
    const voice = new FakeVoice('v', []);
    const queue = new AnnouncementQueue({ voices: [voice], language: 'ru' });
    queue.enqueue(call('Ж-007', 13, { deskKind: 'room' }));
    queue.enqueue(call('Ж-007', 13, { deskKind: 'room' }), 'en');
    await queue.idle();
    expect(voice.said).toEqual(['Талон жэ семь, кабинет номер тринадцать', 'Ticket Zh seven, room thirteen']);
    expect(queue.log.map((e) => e.language)).toEqual(['ru', 'en']);
  });

  it('logs a call that cannot be composed as failed, without a chime', async () => {
    const playChime = vi.fn(async () => {});
    const queue = new AnnouncementQueue({ voices: [new FakeVoice('v', [])], playChime });
    queue.enqueue(call('not a number'));
    await queue.idle();
    expect(queue.log[0]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Not a ticket number/),
    });
    expect(playChime).not.toHaveBeenCalled();
  });

  it('pauses between announcements', async () => {
    const voice = new FakeVoice('v', []);
    const queue = new AnnouncementQueue({ voices: [voice], gapMs: 400 });
    queue.enqueue(call('А-1'));
    queue.enqueue(call('А-2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(voice.said).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(voice.said).toHaveLength(2);
  });

  it('keeps one live log array, capped, and reports each entry', async () => {
    const seen: number[] = [];
    const queue = new AnnouncementQueue({
      voices: [new FakeVoice('v', [])],
      maxLogEntries: 3,
      onEntry: (entry) => {
        seen.push(entry.seq);
        throw new Error('a broken listener');
      },
    });
    const exposed = queue.log;
    for (let i = 1; i <= 5; i += 1) queue.enqueue(call(`А-${i}`));
    await queue.idle();
    expect(queue.log).toBe(exposed);
    expect(exposed.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('needs a voice', () => {
    expect(() => new AnnouncementQueue({ voices: [] })).toThrow();
  });
});

describe('AnnouncementQueue (property)', () => {
  /** Timers that never fire: the fast-check scheduler alone decides when voices finish. */
  const frozen: Scheduler = { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} };

  const arbitraryCall = fc.record({
    number: fc
      .tuple(fc.constantFrom('А', 'Р', 'Д', 'Ж', 'Ю'), fc.integer({ min: 1, max: 1_200 }))
      .map(([prefix, n]) => `${prefix}-${String(n).padStart(3, '0')}`),
    deskNumber: fc.integer({ min: 1, max: 30 }),
    deskKind: fc.constantFrom('desk' as const, 'room' as const),
    kind: fc.constantFrom('call' as const, 'recall' as const),
  });

  it('logs and says every enqueued call exactly once, in enqueue order, one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.array(arbitraryCall, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
        async (s, batches, firstVoiceFails) => {
          const enqueued: { seq: number; call: AnnouncementCall }[] = [];
          const said: string[] = [];
          let speaking = 0;
          let overlap = false;
          let attempts = 0;
          const voice = (name: string, fails: () => boolean): Voice => ({
            name,
            speak: async (phrase) => {
              speaking += 1;
              overlap ||= speaking > 1;
              try {
                await s.schedule(Promise.resolve(), `${name}: ${phrase.text}`);
                if (fails()) throw new Error(`${name} fails`);
                said.push(phrase.text);
              } finally {
                speaking -= 1;
              }
            },
          });
          const queue = new AnnouncementQueue({
            scheduler: frozen,
            voices: [
              voice('first', () => firstVoiceFails[attempts++ % firstVoiceFails.length] === true),
              voice('second', () => false),
            ],
            playChime: () => s.schedule(Promise.resolve(), 'chime'),
          });

          // Batches arrive in whatever order the scheduler releases them, between voice completions.
          const arrivals = batches.map((batch) =>
            s.schedule(Promise.resolve(), 'arrival').then(() => {
              for (const c of batch) enqueued.push({ seq: queue.enqueue(c), call: c });
            }),
          );
          await s.waitFor(Promise.all(arrivals).then(() => queue.idle()));

          expect(enqueued).toHaveLength(batches.flat().length);
          expect(queue.log.map((e) => [e.seq, e.number, e.kind])).toEqual(
            enqueued.map(({ seq, call: c }) => [seq, c.number, c.kind]),
          );
          expect(said).toEqual(enqueued.map(({ call: c }) => composeAnnouncement(c, 'uk').text));
          expect(queue.log.every((e) => e.status === 'played' || e.status === 'fallback')).toBe(true);
          expect(overlap).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
