/**
 * A fixed-window request limit per client address for the public pages, so that nobody on
 * the guest Wi-Fi can hammer the server or sweep for ticket codes.
 */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Count a request; false when the address is over its limit for this window. */
  allow(address: string, now: number): boolean {
    const window = this.windows.get(address);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }
}
