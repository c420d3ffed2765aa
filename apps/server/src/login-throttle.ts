/**
 * Back-off after failed logins, per login name and per address, so a PIN cannot be
 * guessed by trying: after a few failures each further try waits twice as long, up to a cap.
 * A success clears the login's count. Kept in memory: a restart forgives, which is fine for
 * a LAN server (a brute-force run is slowed to a crawl either way).
 *
 * An attempt is reserved before its secret is checked (`reserve`) and settled after
 * (`settle`): attempts still being verified count against the free ones, so a burst of
 * parallel guesses gets no more tries than a patient one. A try that finds every free slot
 * taken waits its turn rather than being refused, so twenty desks logging in at once through
 * one address are served one after another; only a long queue is turned away. Records live
 * in a bounded LRU, so a flood of new names or addresses pushes out the quietest, never
 * everyone's count.
 */
import { LRUCache } from 'lru-cache';

export interface ThrottlePolicy {
  /** Failures allowed before waiting starts. */
  readonly freeAttempts: number;
  readonly firstLockMs: number;
  readonly maxLockMs: number;
}

export const LOGIN_POLICY: ThrottlePolicy = { freeAttempts: 5, firstLockMs: 30_000, maxLockMs: 15 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeAttempts: 20,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

/** Names or addresses remembered at once. */
export const THROTTLE_KEYS = 50_000;

/** Tries that may wait for a free slot of one key; more are told to come back later. */
export const MAX_WAITING_TRIES = 64;
/** What a try turned away from a full queue is told to wait. */
const QUEUE_FULL_RETRY_MS = 1_000;

interface AttemptRecord {
  failures: number;
  /** Attempts reserved and not yet settled. */
  pending: number;
  lockedUntil: number;
}

export class Throttle {
  private readonly records: LRUCache<string, AttemptRecord>;
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(
    private readonly policy: ThrottlePolicy,
    maxKeys = THROTTLE_KEYS,
  ) {
    this.records = new LRUCache<string, AttemptRecord>({ max: maxKeys });
  }

  /** Milliseconds to wait before the next try, 0 when a try is allowed now. */
  waitMs(key: string, now: number): number {
    const record = this.records.get(key);
    return record ? Math.max(0, record.lockedUntil - now) : 0;
  }

  /**
   * Take a try: 0 when it is taken (settle it later), else the milliseconds to wait. Tries in
   * flight count as failures until settled, so no more run at once than are free; a try
   * beyond them waits until one settles and then asks again.
   */
  async reserve(key: string, now: number): Promise<number> {
    for (;;) {
      const answer = this.tryReserve(key, now);
      if (answer !== 'busy') return answer;
      const queue = this.waiting.get(key) ?? [];
      if (queue.length >= MAX_WAITING_TRIES) return QUEUE_FULL_RETRY_MS;
      await new Promise<void>((wake) => {
        queue.push(wake);
        this.waiting.set(key, queue);
      });
    }
  }

  private tryReserve(key: string, now: number): number | 'busy' {
    const record = this.records.get(key) ?? { failures: 0, pending: 0, lockedUntil: 0 };
    const locked = record.lockedUntil - now;
    if (locked > 0) return locked;
    // Once locks have begun, one try at a time between them.
    const allowedAtOnce = Math.max(1, this.policy.freeAttempts - record.failures);
    if (record.pending >= allowedAtOnce) return 'busy';
    record.pending += 1;
    this.records.set(key, record);
    return 0;
  }

  /** The outcome of a reserved try. */
  settle(key: string, now: number, outcome: 'failed' | 'succeeded' | 'released'): void {
    const record = this.records.get(key);
    if (record) {
      record.pending = Math.max(0, record.pending - 1);
      if (outcome === 'failed') this.countFailure(record, now);
      if (outcome === 'succeeded') {
        record.failures = 0;
        record.lockedUntil = 0;
      }
      if (record.failures === 0 && record.pending === 0 && record.lockedUntil <= now)
        this.records.delete(key);
    }
    // Every waiter asks again: one takes the freed slot, the rest queue again or learn of a lock.
    const queue = this.waiting.get(key);
    this.waiting.delete(key);
    for (const wake of queue ?? []) wake();
  }

  fail(key: string, now: number): void {
    const record = this.records.get(key) ?? { failures: 0, pending: 0, lockedUntil: 0 };
    this.countFailure(record, now);
    this.records.set(key, record);
  }

  succeed(key: string): void {
    this.records.delete(key);
  }

  private countFailure(record: AttemptRecord, now: number): void {
    record.failures += 1;
    if (record.failures >= this.policy.freeAttempts) {
      record.lockedUntil = now + this.lockFor(record.failures - 1);
    }
  }

  /** The wait once `failures` tries have failed (the first lock after the free ones). */
  private lockFor(failures: number): number {
    const over = Math.max(0, failures + 1 - this.policy.freeAttempts);
    return Math.min(this.policy.maxLockMs, this.policy.firstLockMs * 2 ** over);
  }
}
