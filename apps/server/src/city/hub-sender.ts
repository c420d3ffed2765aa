/**
 * The centre's side of city sync (docs/city.md): ships the SQLite event log to the city hub
 * in order, in batches, in the background. The queue never waits for it: `notify` only
 * schedules a run on the injected timers, every failure is caught, logged and kept in the
 * state for administrators, and a run retries with capped exponential backoff.
 *
 * Position: the meta key `hub_sync` holds `{epoch, acknowledged}`, the last seq of that epoch
 * the hub acknowledged. A database restored from a backup has a new epoch but still carries
 * the old record (as it stood when the backup was taken): its new stream starts right after
 * it, which is where the hub cuts the previous stream. The hub is the authority on what it
 * holds: a 409 GAP / BEFORE_STREAM moves the position to its `expected` — unless that is
 * beyond the centre's own log, which is reported and never skipped over.
 *
 * Personal data stays home: `withoutPersonalData` removes every free-text note, comment and
 * reason before an event leaves the centre.
 */
import type Database from 'better-sqlite3';
import { type QueueEvent, ticketIdOf } from '@queue/core';
import type { QueueStore, StoredEvent } from '@queue/db';
import type { HubSyncState } from '@queue/protocol';
import type { Logger } from '../logger';
import type { Timers } from '../timers';

/** The free-text fields of each event type that may hold personal data; all are removed. */
export const PERSONAL_FIELDS = {
  'ticket:issued': ['ticket.note', 'ticket.transferComment', 'ticket.priority.reason'],
  'ticket:called': ['outOfOrderReason'],
  'ticket:completed': ['note'],
  'ticket:transferred': ['comment'],
  'ticket:cancelled': ['reason'],
  'ticket:service-changed': ['reason'],
  'desk:paused': ['reason'],
} as const satisfies Partial<Record<QueueEvent['type'], readonly string[]>>;

const without = <T extends object>(value: T, keys: readonly string[]): T => {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as T;
};

/** The event as it may leave the centre: no notes, comments or free-text reasons. */
export const withoutPersonalData = (event: QueueEvent): QueueEvent => {
  switch (event.type) {
    case 'ticket:issued': {
      const ticket = without(event.ticket, ['note', 'transferComment']);
      const priority = ticket.priority ? without(ticket.priority, ['reason']) : undefined;
      return { ...event, ticket: priority ? { ...ticket, priority } : ticket };
    }
    case 'ticket:called':
      return without(event, ['outOfOrderReason']);
    case 'ticket:completed':
      return without(event, ['note']);
    case 'ticket:transferred':
      return without(event, ['comment']);
    case 'ticket:cancelled':
    case 'ticket:service-changed':
    case 'desk:paused':
      return without(event, ['reason']);
    case 'day:started':
    case 'ticket:recalled':
    case 'ticket:serving-started':
    case 'ticket:no-show':
    case 'ticket:postponed':
    case 'ticket:resumed':
    case 'ticket:priority-reviewed':
    case 'desk:opened':
    case 'desk:resumed':
    case 'desk:closed':
      return event;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

export interface WireEvent {
  readonly seq: number;
  readonly type: string;
  readonly at: number;
  readonly ticketId?: string;
  readonly payload: QueueEvent;
}

export const toWire = ({ seq, event }: StoredEvent): WireEvent => {
  const ticketId = ticketIdOf(event);
  return {
    seq,
    type: event.type,
    at: event.at,
    ...(ticketId ? { ticketId } : {}),
    payload: withoutPersonalData(event),
  };
};

export interface HubSenderOptions {
  /** The hub's base URL, e.g. `https://hub.city.example`. */
  readonly url: string;
  /** The centre's key from enrolment. */
  readonly key: string;
  readonly store: QueueStore;
  /** The centre's database, for the `hub_sync` record in `meta`. */
  readonly db: Database.Database;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Events per batch (1,000). */
  readonly batchSize?: number;
  /** How long one request may take (15 s). */
  readonly timeoutMs?: number;
  /** Delay after new events before sending (250 ms): a burst goes as one batch. */
  readonly soonMs?: number;
  /** Backoff while the hub is down or refuses: from `minBackoffMs` (1 s) doubling to `maxBackoffMs` (60 s). */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** What the centre says of itself (catalogue, booking address, device alerts); sent when it changes. */
  readonly profile?: () => unknown;
  /** Visitors' ratings after a position (the ratings table's rowid), without comments. */
  readonly ratingsSince?: (afterRowid: number, limit: number) => readonly RatingToSend[];
  /** Appeals changed after a place in the journal's log (its seq), as the hub may hold them. */
  readonly appealsSince?: (afterSeq: number, limit: number) => readonly { seq: number; appeal: unknown }[];
}

/** A rating as it leaves the centre, with its place in the centre's table. */
export interface RatingToSend {
  readonly rowid: number;
  readonly rating: {
    readonly ticketId: string;
    readonly serviceDay: string;
    readonly serviceCode: string;
    readonly deskId?: string;
    readonly operatorId?: string;
    readonly score: number;
    readonly at: number;
  };
}

interface SyncRecord {
  readonly epoch: string;
  readonly acknowledged: number;
}

interface HubAnswer {
  readonly ok?: boolean;
  readonly data?: { acknowledged?: number | null };
  readonly error?: { code?: string; message?: string; expected?: number };
}

/** One request's outcome: go on with the next batch, or stop this run (with backoff on failure). */
type Step = 'continue' | 'done' | 'failed';

const SYNC_KEY = 'hub_sync';
const RATINGS_KEY = 'hub_ratings';
const APPEALS_KEY = 'hub_appeals';

export class HubSender {
  private readonly url: string;
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly soonMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly readMeta;
  private readonly writeMeta;
  private acknowledged: number;
  /** The head last reported to the hub; an empty batch reports a newer one. */
  private reportedHead: number | undefined;
  private cancelTimer: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private again = false;
  private failures = 0;
  private stopped = false;
  private lastSentAt: number | undefined;
  private lastError: string | undefined;
  private lastErrorAt: number | undefined;
  /** The profile as last accepted by the hub (JSON), or refused (not sent again until it changes). */
  private sentProfile: string | undefined;
  /** Where the ratings (`hub_ratings`) and appeals (`hub_appeals`) sent so far end, by meta key. */
  private readonly positions = new Map<string, number>();

  constructor(private readonly options: HubSenderOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
    this.batchSize = options.batchSize ?? 1_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.soonMs = options.soonMs ?? 250;
    this.minBackoffMs = options.minBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.readMeta = options.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.writeMeta = options.db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.acknowledged = this.loadPosition();
    for (const key of [RATINGS_KEY, APPEALS_KEY]) {
      const position = Number(this.readMeta.get(key)?.value ?? 0);
      this.positions.set(key, Number.isSafeInteger(position) && position > 0 ? position : 0);
    }
  }

  /** Where this epoch's sending resumes: its own record, or a previous epoch's (a restore). */
  private loadPosition(): number {
    const row = this.readMeta.get(SYNC_KEY);
    if (!row) return 0;
    try {
      const record = JSON.parse(row.value) as Partial<SyncRecord>;
      const seq = Number(record.acknowledged);
      if (!Number.isInteger(seq) || seq < 0) return 0;
      // A restored file: the hub's previous stream is cut here and the new one starts after it.
      return Math.min(seq, this.options.store.lastSeq());
    } catch {
      return 0;
    }
  }

  private savePosition(seq: number): void {
    this.acknowledged = seq;
    const record: SyncRecord = { epoch: this.options.store.epoch, acknowledged: seq };
    this.writeMeta.run(SYNC_KEY, JSON.stringify(record));
  }

  /** Send what the hub lacks soon. */
  start(): void {
    this.schedule(0);
  }

  /** New events were committed: send them soon. Never throws, never blocks. */
  notify(): void {
    try {
      if (this.stopped) return;
      if (this.running) {
        this.again = true;
        return;
      }
      // Waiting already: for the next batch, or for the backoff to pass.
      if (this.cancelTimer) return;
      this.schedule(this.soonMs);
    } catch (error) {
      this.options.logger.error('hub sync: could not schedule', { error });
    }
  }

  /** Run now (or join the run in progress); resolves when it is over. Never rejects. */
  sendNow(): Promise<void> {
    if (this.running) return this.running;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const run = this.run()
      .catch((error: unknown) => {
        this.fail(`Sync failed: ${describe(error)}`);
      })
      .finally(() => {
        this.running = undefined;
        this.afterRun();
      });
    this.running = run;
    return run;
  }

  state(): HubSyncState {
    let headSeq = this.acknowledged;
    try {
      if (!this.stopped) headSeq = this.options.store.lastSeq();
    } catch {
      // The database is closing; the last known position is the best answer.
    }
    return {
      configured: true,
      hubUrl: this.url,
      ...(this.lastSentAt !== undefined ? { lastSentAt: this.lastSentAt } : {}),
      lastAcknowledgedSeq: this.acknowledged,
      headSeq,
      behind: Math.max(0, headSeq - this.acknowledged),
      ...(this.lastError !== undefined ? { lastError: this.lastError } : {}),
      ...(this.lastErrorAt !== undefined ? { lastErrorAt: this.lastErrorAt } : {}),
    };
  }

  /** Stop: no more runs; a request in flight is cut off and waited for. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.abort?.abort();
    await this.running;
  }

  private schedule(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.options.timers.after(ms, () => {
      this.cancelTimer = undefined;
      void this.sendNow();
    });
  }

  private afterRun(): void {
    if (this.stopped) return;
    if (this.failures > 0) {
      const delay = Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** (this.failures - 1));
      this.schedule(delay);
    } else if (this.again) {
      this.again = false;
      this.schedule(this.soonMs);
    }
  }

  private async run(): Promise<void> {
    this.again = false;
    // Each GAP / BEFORE_STREAM moves the position once; more in one run means something is wrong.
    let resyncs = 0;
    while (!this.stopped) {
      const head = this.options.store.lastSeq();
      const batch = this.options.store.eventsSince(this.acknowledged, this.batchSize);
      if (batch.length === 0 && this.reportedHead === head) {
        // The log is at the hub: now what the centre says of itself, and its ratings.
        if ((await this.sendProfile()) === 'failed') return;
        if ((await this.sendRatings()) === 'failed') return;
        await this.sendAppeals();
        return;
      }
      const step = await this.post(batch, head);
      if (step === 'failed') return;
      if (step === 'done') continue;
      resyncs += 1;
      if (resyncs > 3) {
        this.fail('The hub keeps asking for other events; stopped this run.');
        return;
      }
    }
  }

  /** 'done': the batch was acknowledged; 'continue': the position moved to the hub's; 'failed'. */
  private async post(batch: readonly StoredEvent[], head: number): Promise<Step> {
    const epoch = this.options.store.epoch;
    const result = await this.postJson('/api/hub/events', {
      epoch,
      headSeq: head,
      events: batch.map(toWire),
    });
    if (!result || this.stopped) return 'failed';
    const { status, answer } = result;

    if (status === 200 && answer.ok) {
      const acknowledged = answer.data?.acknowledged;
      const sentTo = batch.at(-1)?.seq ?? this.acknowledged;
      if (typeof acknowledged === 'number' && acknowledged > head) {
        this.beyond(acknowledged, head, 'acknowledges');
        return 'failed';
      }
      const position = typeof acknowledged === 'number' ? acknowledged : this.acknowledged;
      if (batch.length > 0 && position < sentTo) {
        this.fail(`The hub acknowledged seq ${position} of a batch up to ${sentTo}.`);
        if (position > this.acknowledged) this.savePosition(position);
        return 'failed';
      }
      if (position !== this.acknowledged) this.savePosition(position);
      this.reportedHead = head;
      this.lastSentAt = this.now();
      this.succeeded();
      return 'done';
    }

    const code = answer.error?.code;
    const expected = answer.error?.expected;
    if (status === 409 && (code === 'GAP' || code === 'BEFORE_STREAM') && typeof expected === 'number') {
      if (expected - 1 > head) {
        this.beyond(expected - 1, head, 'expects');
        return 'failed';
      }
      this.options.logger.warn('hub sync: resuming from the hub position', {
        code,
        expected,
        was: this.acknowledged + 1,
        epoch,
      });
      this.savePosition(Math.max(0, expected - 1));
      return 'continue';
    }
    this.fail(`The hub refused the batch: ${status} ${code ?? ''} ${answer.error?.message ?? ''}`.trim());
    return 'failed';
  }

  /** One JSON post to the hub; the status and answer, or undefined when it could not be reached. */
  private async postJson(
    path: string,
    body: unknown,
  ): Promise<{ status: number; answer: HubAnswer } | undefined> {
    const abort = new AbortController();
    this.abort = abort;
    try {
      const response = await fetch(`${this.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any([abort.signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      return { status: response.status, answer: (await response.json().catch(() => ({}))) as HubAnswer };
    } catch (error) {
      if (!this.stopped) this.fail(`The hub could not be reached: ${describe(error)}`);
      return undefined;
    } finally {
      this.abort = undefined;
    }
  }

  /** The profile, when it changed since the hub last took (or refused) it. */
  private async sendProfile(): Promise<Step> {
    if (!this.options.profile) return 'done';
    const profile = this.options.profile();
    const text = JSON.stringify(profile);
    if (text === this.sentProfile) return 'done';
    const result = await this.postJson('/api/hub/profile', profile);
    if (!result || this.stopped) return 'failed';
    if (result.status === 400) {
      // The hub will refuse it again until it changes: said once, not retried in a loop.
      this.sentProfile = text;
      this.options.logger.warn('hub sync: the hub refused the centre profile', {
        message: result.answer.error?.message,
      });
      return 'done';
    }
    if (result.status !== 200 || !result.answer.ok) {
      this.fail(`The hub refused the profile: ${result.status} ${result.answer.error?.code ?? ''}`.trim());
      return 'failed';
    }
    this.sentProfile = text;
    return 'done';
  }

  /** Ratings after the last one the hub took, in batches. */
  private sendRatings(): Promise<Step> {
    return this.sendSince(RATINGS_KEY, 'ratings', this.options.ratingsSince, (entry) => ({
      position: entry.rowid,
      item: entry.rating,
    }));
  }

  /** Appeals changed since the last ones the hub took, as they stand now, in batches. */
  private sendAppeals(): Promise<Step> {
    return this.sendSince(APPEALS_KEY, 'appeals', this.options.appealsSince, (entry) => ({
      position: entry.seq,
      item: entry.appeal,
    }));
  }

  /**
   * Everything a source holds after the position kept under `key`, posted to
   * `/api/hub/<field>` as `{<field>: [...]}` in batches; the position moves (and is saved)
   * after each batch the hub took.
   */
  private async sendSince<T>(
    key: string,
    field: 'ratings' | 'appeals',
    source: ((after: number, limit: number) => readonly T[]) | undefined,
    split: (entry: T) => { position: number; item: unknown },
  ): Promise<Step> {
    if (!source) return 'done';
    while (!this.stopped) {
      const batch = source(this.positions.get(key) ?? 0, this.batchSize).map(split);
      if (batch.length === 0) return 'done';
      const result = await this.postJson(`/api/hub/${field}`, { [field]: batch.map((entry) => entry.item) });
      if (!result || this.stopped) return 'failed';
      if (result.status !== 200 || !result.answer.ok) {
        this.fail(`The hub refused the ${field}: ${result.status} ${result.answer.error?.code ?? ''}`.trim());
        return 'failed';
      }
      const position = batch.at(-1)?.position ?? 0;
      this.positions.set(key, position);
      this.writeMeta.run(key, String(position));
    }
    return 'failed';
  }

  /** The hub holds (or wants) seqs this centre never had: reported, never skipped. */
  private beyond(hubSeq: number, head: number, verb: string): void {
    const message =
      verb === 'expects'
        ? `The hub expects seq ${hubSeq + 1} next, but this centre's log ends at ${head}: its stream is ahead of this database.`
        : `The hub acknowledges seq ${hubSeq}, but this centre's log ends at ${head}: its stream is ahead of this database.`;
    this.options.logger.error('hub sync: the hub is ahead of the centre', {
      hubSeq,
      head,
      epoch: this.options.store.epoch,
    });
    this.fail(message, false);
  }

  private succeeded(): void {
    if (this.lastError !== undefined) this.options.logger.info('hub sync: working again', {});
    this.failures = 0;
    this.lastError = undefined;
    this.lastErrorAt = undefined;
  }

  private fail(message: string, log = true): void {
    this.failures += 1;
    if (log && message !== this.lastError) this.options.logger.warn('hub sync failed', { message });
    this.lastError = message;
    this.lastErrorAt = this.now();
  }
}

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
};
