/**
 * Back-off after failed logins, per login name and per address, so a PIN cannot be
 * guessed by trying: after a few failures each further try waits twice as long, up to a cap.
 * A success clears the login's count. Kept in memory: a restart forgives, which is fine for
 * a LAN server (a brute-force run is slowed to a crawl either way).
 */
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

interface Record {
  failures: number;
  lockedUntil: number;
}

export class Throttle {
  private readonly records = new Map<string, Record>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** Milliseconds to wait before the next try, 0 when a try is allowed now. */
  waitMs(key: string, now: number): number {
    const record = this.records.get(key);
    return record ? Math.max(0, record.lockedUntil - now) : 0;
  }

  fail(key: string, now: number): void {
    const record = this.records.get(key) ?? { failures: 0, lockedUntil: 0 };
    record.failures += 1;
    const over = record.failures - this.policy.freeAttempts;
    if (over >= 0) {
      record.lockedUntil = now + Math.min(this.policy.maxLockMs, this.policy.firstLockMs * 2 ** over);
    }
    this.records.set(key, record);
  }

  succeed(key: string): void {
    this.records.delete(key);
  }
}
