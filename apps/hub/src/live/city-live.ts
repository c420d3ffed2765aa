/**
 * The city's live view, kept in this hub's memory: for every centre, its queue as core's
 * `evolve` folds today's events (from the last `day:started` on its chain), today's segments
 * (core's `SegmentLedger`), today's ratings and its profile. Each centre has its own reader
 * position on its chain, so the view never depends on who else reads the events; `kick` after
 * an ingest reads what is new, one centre at a time per centre. A position a restore cut away
 * loads the centre's day again. Listeners hear that something changed (the SSE stream sends
 * the whole view, at most every `throttleMs`).
 */
import {
  type Appeal,
  type Instant,
  type QueueEvent,
  type QueueState,
  SegmentLedger,
  appealUrgency,
  emptyState,
  evolve,
} from '@queue/core';
import type { CityLiveView, CityPublicView } from '@queue/protocol';
import type pg from 'pg';
import { type CentreProfile, profilesOf } from '../centre-data/profiles';
import { type ChainLink, type ChainPosition, chainOf, rangesAfter } from '../projection/chain';
import { type CentreSnapshot, centreLive, publicCentre } from './live-figures';

const READ_BATCH = 5_000;

interface CentreLive {
  state: QueueState;
  ledger: SegmentLedger;
  position?: ChainPosition;
  ratings: { count: number; sum: number };
  lastCall?: { ticketId: string; deskId: string; at: number };
}

interface CentreRow {
  id: string;
  name: string;
  revoked: boolean;
  last_seen_at: Date | null;
  behind: string | null;
  problems: string;
}

export class CityLive {
  private readonly centres = new Map<string, CentreLive>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private profiles = new Map<string, CentreProfile>();
  private rows: CentreRow[] = [];
  private openAppeals: { centre_id: string; appeal: Appeal }[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number = Date.now,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  private readonly streams = new Set<() => void>();

  /** A pushed stream to end when the hub stops (an open EventSource would hold it up). */
  onStop(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  endStreams(): void {
    for (const end of [...this.streams]) end();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Load every centre (at start). */
  async load(): Promise<void> {
    await this.refreshDirectory();
    await Promise.all(this.rows.map((row) => this.kick(row.id)));
  }

  /** Read what is new for this centre; never rejects. */
  kick(centreId: string): Promise<void> {
    const previous = this.queues.get(centreId) ?? Promise.resolve();
    const next = previous
      .then(() => this.catchUp(centreId))
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        if (this.queues.get(centreId) === next) this.queues.delete(centreId);
        this.changed();
      });
    this.queues.set(centreId, next);
    return next;
  }

  /** The centre's profile or directory entry changed (a profile sent, a centre enrolled or revoked). */
  async refresh(): Promise<void> {
    try {
      await this.refreshDirectory();
    } catch (error) {
      this.onError(error);
    }
    this.changed();
  }

  /** Ratings the hub has just stored. */
  rated(centreId: string, ratings: readonly { serviceDay: string; score: number }[]): void {
    const centre = this.centres.get(centreId);
    if (!centre) return;
    for (const rating of ratings) {
      if (rating.serviceDay !== centre.state.serviceDay) continue;
      centre.ratings.count += 1;
      centre.ratings.sum += rating.score;
    }
    this.changed();
  }

  /** Resolves once every queued read is done. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  view(): CityLiveView {
    const now = this.now();
    return { at: now, centres: this.snapshots().map((snapshot) => centreLive(snapshot, now)) };
  }

  publicView(): CityPublicView {
    const now = this.now();
    return {
      at: now,
      centres: this.snapshots()
        .map((snapshot) => publicCentre(snapshot, now))
        .filter((centre) => centre !== undefined),
    };
  }

  private snapshots(): CentreSnapshot[] {
    const now = this.now();
    return this.rows.map((row) => {
      const timeZone = this.profiles.get(row.id)?.catalogue.site.timeZone ?? 'UTC';
      const urgencies = this.openAppeals
        .filter((entry) => entry.centre_id === row.id)
        .map((entry) => appealUrgency(entry.appeal, now as Instant, { timeZone }));
      const live = this.centres.get(row.id);
      const profile = this.profiles.get(row.id);
      return {
        centreId: row.id,
        enrolledName: row.name,
        revoked: row.revoked,
        ...(profile ? { profile } : {}),
        state: live?.state ?? emptyState(),
        segments: live?.ledger.all() ?? [],
        ratings: live?.ratings ?? { count: 0, sum: 0 },
        ...(live?.lastCall ? { lastCall: live.lastCall } : {}),
        sync: {
          behind: row.behind === null ? 0 : Math.max(0, Number(row.behind)),
          lastSeenAt: row.last_seen_at?.getTime() ?? null,
          problems: Number(row.problems),
        },
        appeals: {
          open: urgencies.length,
          overdue: urgencies.filter((urgency) => urgency === 'overdue').length,
          dueSoon: urgencies.filter((urgency) => urgency === 'due-soon').length,
        },
      };
    });
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /** Every centre's directory entry, profile and open appeals (a profile or appeals arrived, a centre joined). */
  private async refreshDirectory(): Promise<void> {
    const [profiles, appeals] = await Promise.all([
      profilesOf(this.pool),
      this.pool.query<{ centre_id: string; appeal: Appeal }>(
        "SELECT centre_id, appeal FROM centre_appeals WHERE status NOT IN ('answered', 'dismissed')",
      ),
      this.refreshRows(),
    ]);
    this.profiles = profiles;
    this.openAppeals = appeals.rows;
  }

  /** The centres' names, revocations and sync positions: cheap, read at every catch-up. */
  private async refreshRows(): Promise<void> {
    const rows = await this.pool.query<CentreRow>(
      `SELECT c.id, c.name, c.revoked_at IS NOT NULL AS revoked, c.last_seen_at,
              (SELECT s.head_seq - s.last_seq FROM centre_streams s WHERE s.centre_id = c.id
                ORDER BY s.started_at DESC LIMIT 1) AS behind,
              (SELECT count(*) FROM sync_problems p WHERE p.centre_id = c.id) AS problems
         FROM centres c ORDER BY c.name, c.id`,
    );
    this.rows = rows.rows;
  }

  private async catchUp(centreId: string): Promise<void> {
    await this.refreshRows();
    const chain = await chainOf(this.pool, centreId);
    let centre = this.centres.get(centreId);
    let ranges = centre ? rangesAfter(chain, centre.position) : undefined;
    if (!centre || !ranges) {
      centre = { state: emptyState(), ledger: new SegmentLedger(), ratings: { count: 0, sum: 0 } };
      this.centres.set(centreId, centre);
      ranges = await this.todayRanges(centreId, chain);
    }
    for (const range of ranges) {
      let from = range.from;
      while (from <= range.to) {
        const rows = await this.pool.query<{ seq: string; type: string; payload: QueueEvent }>(
          `SELECT seq, type, payload FROM centre_events
            WHERE centre_id = $1 AND epoch = $2 AND seq BETWEEN $3 AND $4 ORDER BY seq LIMIT $5`,
          [centreId, range.epoch, from, range.to, READ_BATCH],
        );
        for (const row of rows.rows) {
          if (row.payload && typeof row.payload === 'object' && row.payload.type === row.type) {
            await this.apply(centreId, centre, row.payload);
          }
          centre.position = { epoch: range.epoch, seq: Number(row.seq) };
        }
        if (rows.rows.length < READ_BATCH) break;
        from = Number(rows.rows.at(-1)?.seq ?? range.to) + 1;
      }
    }
  }

  /** The chain from its last `day:started` on: today's events. */
  private async todayRanges(centreId: string, chain: readonly ChainLink[]): Promise<ChainLink[]> {
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      const link = chain[index]!;
      const found = await this.pool.query<{ seq: string | null }>(
        `SELECT max(seq) AS seq FROM centre_events
          WHERE centre_id = $1 AND epoch = $2 AND type = 'day:started' AND seq BETWEEN $3 AND $4`,
        [centreId, link.epoch, link.from, link.to],
      );
      const seq = found.rows[0]?.seq;
      if (seq !== null && seq !== undefined) {
        return [{ epoch: link.epoch, from: Number(seq), to: link.to }, ...chain.slice(index + 1)];
      }
    }
    return [...chain];
  }

  private async apply(centreId: string, centre: CentreLive, event: QueueEvent): Promise<void> {
    try {
      centre.state = evolve(centre.state, event);
      if (event.type === 'day:started') {
        // A new service day: yesterday's visits and ratings leave the view.
        centre.ledger = new SegmentLedger();
        centre.ratings = await this.ratingsOf(centreId, event.serviceDay);
        delete centre.lastCall;
      } else {
        centre.ledger.apply(event);
      }
      if (event.type === 'ticket:called') {
        centre.lastCall = { ticketId: event.ticketId, deskId: event.deskId, at: event.at };
      }
    } catch {
      // A payload that is not the event it claims to be changes nothing (evolve is pure).
    }
  }

  private async ratingsOf(centreId: string, day: string): Promise<{ count: number; sum: number }> {
    const result = await this.pool.query<{ count: string; sum: string | null }>(
      'SELECT count(*) AS count, sum(score) AS sum FROM ratings WHERE centre_id = $1 AND service_day = $2',
      [centreId, day],
    );
    return { count: Number(result.rows[0]?.count ?? 0), sum: Number(result.rows[0]?.sum ?? 0) };
  }
}
