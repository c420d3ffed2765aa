/**
 * The city catalogue on offer to this centre (docs/city.md, "One catalogue"): fetched from
 * the hub (`GET /api/hub/catalogue`) at start and every 10 minutes, in the background on the
 * injected timers, and kept in memory and in `meta` (so it survives a restart). Nothing here
 * changes the centre's configuration: applying an offer is its administrator's act
 * (`city-catalogue:apply`), which records the applied version here and reports it to the hub.
 *
 * Failures (the hub down, a key refused, a document that fails the check) are logged once
 * per distinct message and kept for administrators; the last good offer stays on offer.
 *
 * Meta: `city_catalogue_offer` = {catalogue, fetchedAt}; `city_catalogue_applied` =
 * {catalogue, appliedAt, reported}: the whole applied document, so that the next offer can
 * tell an entry the city removed from one that is the centre's own.
 */
import type Database from 'better-sqlite3';
import type { CityCatalogue } from '@queue/core';
import { checkCityCatalogue } from '@queue/protocol';
import type { Logger } from '../logger';
import type { Timers } from '../timers';

export interface CatalogueOfferOptions {
  readonly url: string;
  readonly key: string;
  readonly db: Database.Database;
  readonly timers: Timers;
  readonly logger: Logger;
  readonly now?: () => number;
  /** How often the hub is asked (10 minutes). */
  readonly intervalMs?: number;
  /** How long one request may take (15 s). */
  readonly timeoutMs?: number;
}

export interface AppliedCatalogue {
  readonly catalogue: CityCatalogue;
  readonly appliedAt: number;
  /** Whether the hub has been told; retried with each fetch until it has. */
  readonly reported: boolean;
}

interface HubAnswer {
  readonly ok?: boolean;
  readonly data?: { version?: unknown; catalogue?: unknown };
  readonly error?: { code?: string; message?: string };
}

const OFFER_KEY = 'city_catalogue_offer';
const APPLIED_KEY = 'city_catalogue_applied';

/** A stored or fetched catalogue with its version, checked again: meta is no more trusted than the wire. */
const catalogueFrom = (version: unknown, document: unknown): CityCatalogue | undefined => {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return undefined;
  if (typeof document !== 'object' || document === null) return undefined;
  // Stored documents carry their version beside the sections; the check is of the sections.
  const { version: _version, ...sections } = document as Record<string, unknown>;
  const checked = checkCityCatalogue(sections);
  return checked.ok ? { version, ...checked.catalogue } : undefined;
};

export class CatalogueOffer {
  private readonly url: string;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly readMeta;
  private readonly writeMeta;
  private offer: CityCatalogue | undefined;
  private fetchedAt: number | undefined;
  private applied: AppliedCatalogue | undefined;
  private lastError: string | undefined;
  private cancelTimer: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private stopped = false;

  constructor(private readonly options: CatalogueOfferOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 10 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.readMeta = options.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.writeMeta = options.db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.load();
  }

  private load(): void {
    const offer = this.readJson(OFFER_KEY) as
      { catalogue?: { version?: unknown }; fetchedAt?: unknown } | undefined;
    this.offer = offer?.catalogue ? catalogueFrom(offer.catalogue.version, offer.catalogue) : undefined;
    if (this.offer && typeof offer?.fetchedAt === 'number') this.fetchedAt = offer.fetchedAt;
    const applied = this.readJson(APPLIED_KEY) as
      Partial<Record<keyof AppliedCatalogue, unknown>> | undefined;
    const catalogue = applied?.catalogue as { version?: unknown } | undefined;
    const document = catalogue ? catalogueFrom(catalogue.version, catalogue) : undefined;
    if (document && typeof applied?.appliedAt === 'number') {
      this.applied = {
        catalogue: document,
        appliedAt: applied.appliedAt,
        reported: applied.reported === true,
      };
    }
  }

  private readJson(key: string): unknown {
    const row = this.readMeta.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return undefined;
    }
  }

  /** The hub's newest catalogue as last fetched; undefined before the first one. */
  offered(): CityCatalogue | undefined {
    return this.offer;
  }

  /** The catalogue this centre applied last. */
  lastApplied(): AppliedCatalogue | undefined {
    return this.applied;
  }

  state(): { readonly lastFetchedAt?: number; readonly lastError?: string } {
    return {
      ...(this.fetchedAt !== undefined ? { lastFetchedAt: this.fetchedAt } : {}),
      ...(this.lastError !== undefined ? { lastError: this.lastError } : {}),
    };
  }

  /** Ask the hub now, then every interval. */
  start(): void {
    this.schedule(0);
  }

  /**
   * Record that the administrator applied this catalogue. Called inside the configuration's
   * save transaction, so the configuration and the record never disagree.
   */
  recordApplied(catalogue: CityCatalogue): void {
    this.applied = { catalogue, appliedAt: this.now(), reported: false };
    this.saveApplied();
  }

  /** Tell the hub which version this centre applied (background; retried with the next fetch). Never rejects. */
  async reportApplied(): Promise<void> {
    const applied = this.applied;
    if (!applied || applied.reported || this.stopped) return;
    try {
      const answer = await this.request('POST', '/api/hub/catalogue/applied', {
        version: applied.catalogue.version,
      });
      if (answer.status !== 200 || !answer.body.ok) {
        this.fail(`The hub refused the applied version: ${answer.status} ${answer.body.error?.code ?? ''}`);
        return;
      }
      if (this.applied === applied) {
        this.applied = { ...applied, reported: true };
        this.saveApplied();
      }
    } catch (error) {
      if (!this.stopped) this.fail(`The hub could not be reached: ${describe(error)}`);
    }
  }

  /** Fetch the offer now (or join the fetch in progress). Never rejects. */
  refresh(): Promise<void> {
    if (this.running) return this.running;
    const run = this.fetchOffer()
      .catch((error: unknown) => {
        if (!this.stopped) this.fail(`The hub could not be reached: ${describe(error)}`);
      })
      .then(() => this.reportApplied())
      .finally(() => {
        this.running = undefined;
      });
    this.running = run;
    return run;
  }

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
      void this.refresh().finally(() => {
        if (!this.stopped) this.schedule(this.intervalMs);
      });
    });
  }

  private async fetchOffer(): Promise<void> {
    const { status, body } = await this.request('GET', '/api/hub/catalogue');
    if (this.stopped) return;
    if (status === 404 && body.error?.code === 'NOT_FOUND') {
      // The city has published nothing yet: nothing on offer, and nothing wrong.
      this.succeeded();
      return;
    }
    if (status !== 200 || !body.ok) {
      this.fail(`The hub refused: ${status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim());
      return;
    }
    const catalogue = catalogueFrom(body.data?.version, body.data?.catalogue);
    if (!catalogue) {
      this.fail('The hub sent a catalogue that does not pass the check; the previous offer stays.');
      return;
    }
    this.offer = catalogue;
    this.fetchedAt = this.now();
    this.writeMeta.run(OFFER_KEY, JSON.stringify({ catalogue, fetchedAt: this.fetchedAt }));
    this.succeeded();
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: HubAnswer }> {
    const abort = new AbortController();
    this.abort = abort;
    try {
      const response = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.key}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.any([abort.signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      return { status: response.status, body: (await response.json().catch(() => ({}))) as HubAnswer };
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private saveApplied(): void {
    const applied = this.applied;
    if (!applied) return;
    this.writeMeta.run(APPLIED_KEY, JSON.stringify(applied));
  }

  private succeeded(): void {
    if (this.lastError !== undefined) this.options.logger.info('city catalogue: hub reached again', {});
    this.lastError = undefined;
  }

  private fail(message: string): void {
    if (message !== this.lastError) this.options.logger.warn('city catalogue: fetch failed', { message });
    this.lastError = message;
  }
}

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
};
