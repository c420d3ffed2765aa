/**
 * Runs one request once at a time: a retry that arrives while the first attempt is still
 * talking to the printer (or hashing a password) gets that attempt's answer instead of
 * starting a second one. Shared by every socket, keyed by principal and request id.
 */
export class InFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) return current as Promise<T>;
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
