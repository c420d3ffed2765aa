/**
 * A fixed-window request limit per client address for the public pages, so that nobody on
 * the guest Wi-Fi can hammer the server or sweep for ticket codes. The windows live in a
 * bounded LRU: many addresses push out the quietest ones one at a time, never everyone's
 * count at once, and an address that keeps hammering stays the most recent.
 */
import { LRUCache } from 'lru-cache';

/** Addresses remembered at once; a few MB at most. */
export const RATE_LIMIT_KEYS = 50_000;

interface Window {
  start: number;
  count: number;
}

export class RateLimit {
  private readonly windows: LRUCache<string, Window>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    maxKeys = RATE_LIMIT_KEYS,
  ) {
    this.windows = new LRUCache<string, Window>({ max: maxKeys });
  }

  /** Count a request; false when the address is over its limit for this window. */
  allow(address: string, now: number): boolean {
    const window = this.windows.get(address);
    if (!window || now - window.start >= this.windowMs || now < window.start) {
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }
}
