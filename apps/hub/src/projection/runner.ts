/**
 * Keeps every centre's projection caught up: `kick(centreId)` after an ingest (and for every
 * centre at start) folds until nothing is left, one centre at a time per centre, and hands
 * each folded batch to the listeners (the live view). A failure is reported and retried on
 * the next kick; `idle()` resolves once nothing is running (tests, shutdown).
 */
import type pg from 'pg';
import { catchUpSummaries } from '../reports/day-summaries';
import { type ProjectedBatch, projectStep } from './projector';

export type BatchListener = (batch: ProjectedBatch) => void;

export class ProjectionRunner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly listeners = new Set<BatchListener>();
  private stopped = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly onError: (error: unknown, centreId: string) => void = () => undefined,
    private readonly batch = 5_000,
  ) {}

  onBatch(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fold what this centre has that the projection lacks, soon; never throws. */
  kick(centreId: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const current = this.running.get(centreId);
    if (current) {
      this.again.add(centreId);
      return current;
    }
    const run = this.drain(centreId).finally(() => {
      this.running.delete(centreId);
      if (this.again.delete(centreId)) void this.kick(centreId);
    });
    this.running.set(centreId, run);
    return run;
  }

  /** Every centre, at start. */
  async kickAll(): Promise<void> {
    const centres = await this.pool.query<{ id: string }>('SELECT id FROM centres ORDER BY id');
    await Promise.all(centres.rows.map((row) => this.kick(row.id)));
  }

  /** Resolves once no centre is being folded (kicks made meanwhile included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async drain(centreId: string): Promise<void> {
    let closedADay = false;
    try {
      for (;;) {
        if (this.stopped) break;
        const batch = await projectStep(this.pool, centreId, this.batch);
        if (batch.events.length === 0 && !batch.rebuilt) break;
        closedADay ||= batch.rebuilt || batch.events.some((event) => event.type === 'day:started');
        for (const listener of this.listeners) {
          try {
            listener(batch);
          } catch (error) {
            this.onError(error, centreId);
          }
        }
      }
      // A day closed: summarise it now, so that reports seldom have to.
      if (closedADay && !this.stopped) await this.summariseClosedDays(centreId);
    } catch (error) {
      this.onError(error, centreId);
    }
  }

  private async summariseClosedDays(centreId: string): Promise<void> {
    const profile = await this.pool.query<{ time_zone: string | null }>(
      "SELECT profile #>> '{catalogue,site,timeZone}' AS time_zone FROM centre_profiles WHERE centre_id = $1",
      [centreId],
    );
    // Hours are the centre's local hours: nothing is stored before its profile names its zone.
    const timeZone = profile.rows[0]?.time_zone;
    if (!timeZone) return;
    while (!this.stopped && (await catchUpSummaries(this.pool, centreId, timeZone, 30)) > 0) {
      // Thirty days at a time: a centre's whole history after a rebuild does not hold one query.
    }
  }
}
