/**
 * The server's side of the audit log: records privileged actions without ever failing the
 * action itself (a write error is logged), and folds floods of the same refusal (a revoked
 * kiosk reconnecting every few seconds, a script retrying a forbidden command) into one
 * entry a minute per key, so that the append-only table cannot be filled by an attacker.
 * Entries carry ids and codes, never free text typed by staff or visitors: the log is kept
 * for good, and retention cannot reach into it.
 */
import type { AuditQuery, AuditStore, NewAuditEntry } from '@queue/db';
import { LRUCache } from 'lru-cache';
import type { Ack, AuditRecord, Principal } from '@queue/protocol';
import { principalKey } from './auth';
import type { Logger } from './logger';

export type AuditInput = Omit<NewAuditEntry, 'at'>;

const COALESCE_MS = 60_000;
/** Keys folded at once: a flood of new keys pushes out the oldest, never all of them. */
const MAX_KEYS = 10_000;

export class Auditor {
  private readonly recent = new LRUCache<string, { at: number; suppressed: number }>({ max: MAX_KEYS });

  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  record(entry: AuditInput): void {
    try {
      this.store.append({ ...entry, at: this.now() });
    } catch (error) {
      this.logger.error('audit write failed', { action: entry.action, error });
    }
  }

  /** Record at most one entry per key a minute; the next one counts those folded into it. */
  recordCoalesced(key: string, entry: AuditInput): void {
    const at = this.now();
    const last = this.recent.get(key);
    if (last && at - last.at < COALESCE_MS && at >= last.at) {
      last.suppressed += 1;
      return;
    }
    this.recent.set(key, { at, suppressed: 0 });
    const suppressed = last?.suppressed ?? 0;
    this.record(suppressed > 0 ? { ...entry, details: { ...entry.details, suppressed } } : entry);
  }

  list(query: AuditQuery): AuditRecord[] {
    return this.store.list(query);
  }

  /** A command's outcome: ok, or the refusal's code (never its message or the payload's text). */
  static outcome(answer: Ack<unknown>): Record<string, unknown> {
    return answer.ok ? { ok: true } : { ok: false, code: answer.error.code };
  }

  static actor(principal: Principal): string {
    return principalKey(principal);
  }
}
