/**
 * The appeals journal's storage. Every change is an event appended to `appeal_events` and
 * the folded appeal written to `appeals` in the same IMMEDIATE transaction, decided inside
 * it, so two staff acting on one appeal at once cannot both move it, and a registration's
 * number, its event and the remembered answer to its request id commit together (a retry
 * after a crash finds the appeal, never registers a second).
 */
import type Database from 'better-sqlite3';
import {
  type Appeal,
  type AppealDecision,
  type AppealEvent,
  type Applicant,
  evolveAppeal,
} from '@queue/core';

export interface AppealFilter {
  readonly statuses?: readonly string[];
  readonly appealClass?: string;
  /** The responsible organisation (the assignee's, else the topic's). */
  readonly organisationIds?: readonly string[];
  readonly assigneeId?: string;
  /** Open, with its current term (hand-over while unassigned, else the answer) due on or before this day… */
  readonly dueBy?: string;
  /** …and on or after this one. */
  readonly dueFrom?: string;
  /** Open and past this day's end: overdue. */
  readonly overdueOn?: string;
  readonly from?: string;
  readonly to?: string;
  readonly search?: string;
  readonly partnerId?: string;
  readonly receivedFrom?: number;
  readonly receivedTo?: number;
  readonly ids?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface StoredAppeal {
  readonly appeal: Appeal;
  readonly applicant: Applicant;
  readonly purged: boolean;
}

export interface StoredAppealEvent {
  readonly seq: number;
  readonly event: AppealEvent;
}

/** What the caller decided inside the transaction: an event, or its own refusal. */
export type AppealVerdict<E> =
  { readonly ok: true; readonly event: AppealEvent } | { readonly ok: false; readonly error: E };

export type AppealWrite<E = Extract<AppealDecision, { ok: false }>['error']> =
  | { readonly ok: true; readonly appeal: Appeal; readonly event: AppealEvent }
  | { readonly ok: false; readonly error: E };

interface AppealRow {
  data: string;
  applicant_name: string | null;
  applicant_address: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  personal_purged_at: number | null;
}

const fromRow = (row: AppealRow): StoredAppeal => ({
  appeal: JSON.parse(row.data) as Appeal,
  applicant: {
    ...(row.applicant_name !== null ? { name: row.applicant_name } : {}),
    ...(row.applicant_address !== null ? { address: row.applicant_address } : {}),
    ...(row.applicant_phone !== null ? { phone: row.applicant_phone } : {}),
    ...(row.applicant_email !== null ? { email: row.applicant_email } : {}),
  },
  purged: row.personal_purged_at !== null,
});

/** The term that matters now, as `currentDueDay` in @queue/core: the hand-over while unassigned. */
const CURRENT_DUE = `CASE WHEN status = 'registered' AND json_extract(data, '$.classifyDueDay') < answer_due_day
  THEN json_extract(data, '$.classifyDueDay') ELSE answer_due_day END`;

const COLUMNS = `data, applicant_name, applicant_address, applicant_phone, applicant_email, personal_purged_at`;

/** The column values the journal filters on, from the folded appeal. */
const indexed = (appeal: Appeal) => ({
  status: appeal.status,
  appeal_class: appeal.appealClass ?? null,
  organisation_id: appeal.assignee?.organisationId ?? appeal.topic.organisationId,
  assignee_id: appeal.assignee?.staffId ?? null,
  answer_due_day: appeal.answerDueDay,
  closed_at: appeal.closedAt ?? null,
  data: JSON.stringify(appeal),
});

export interface RegisterInput<E> {
  /** The site-local year the appeal is received in: its number's sequence runs per year. */
  readonly year: number;
  /** Given the year's next sequence, the registration the rules decided. */
  readonly decide: (sequence: number) => AppealVerdict<E>;
  readonly applicant: Applicant;
  /** A retried request finds the appeal this remembered. */
  readonly request?: { readonly principal: string; readonly requestId: string };
  readonly partnerRequest?: string;
}

export class AppealStore {
  constructor(private readonly db: Database.Database) {}

  /** The appeal a request registered before, if it did. */
  registeredBy(principal: string, requestId: string): string | undefined {
    const row = this.db
      .prepare<[string, string], { answer: string }>(
        'SELECT answer FROM idempotency WHERE principal = ? AND request_id = ?',
      )
      .get(principal, requestId);
    if (!row) return undefined;
    const answer = JSON.parse(row.answer) as { appealId?: unknown };
    return typeof answer.appealId === 'string' ? answer.appealId : undefined;
  }

  register<E>(input: RegisterInput<E>): AppealWrite<E> {
    return this.db
      .transaction((): AppealWrite<E> => {
        const last = this.db
          .prepare<[number], { n: number | null }>('SELECT max(sequence) AS n FROM appeals WHERE year = ?')
          .get(input.year);
        const sequence = (last?.n ?? 0) + 1;
        const decision = input.decide(sequence);
        if (!decision.ok) return decision;
        const { event } = decision;
        const appeal = evolveAppeal(undefined, event);
        if (!appeal || event.type !== 'appeal-registered') throw new Error('not a registration');
        const row = indexed(appeal);
        this.db
          .prepare(
            `INSERT INTO appeals (id, year, sequence, number, tracking_code, status, channel, appeal_class,
               organisation_id, assignee_id, received_at, received_day, answer_due_day, closed_at,
               partner_id, partner_request, data, applicant_name, applicant_address, applicant_phone, applicant_email)
             VALUES (@id, @year, @sequence, @number, @tracking_code, @status, @channel, @appeal_class,
               @organisation_id, @assignee_id, @received_at, @received_day, @answer_due_day, @closed_at,
               @partner_id, @partner_request, @data, @name, @address, @phone, @email)`,
          )
          .run({
            ...row,
            id: appeal.id,
            year: input.year,
            sequence,
            number: appeal.number,
            tracking_code: appeal.trackingCode,
            channel: appeal.channel,
            received_at: appeal.receivedAt,
            received_day: appeal.receivedDay,
            partner_id: appeal.partnerId ?? null,
            partner_request: input.partnerRequest ?? null,
            name: input.applicant.name ?? null,
            address: input.applicant.address ?? null,
            phone: input.applicant.phone ?? null,
            email: input.applicant.email ?? null,
          });
        this.append(event);
        if (input.request) {
          this.db
            .prepare(
              'INSERT OR REPLACE INTO idempotency (principal, request_id, answer, created_at) VALUES (?, ?, ?, ?)',
            )
            .run(
              input.request.principal,
              input.request.requestId,
              JSON.stringify({ appealId: appeal.id }),
              event.at,
            );
        }
        return { ok: true, appeal, event };
      })
      .immediate();
  }

  /** Decide on the appeal as stored now and, when the rules allow, record what happened. */
  apply<E>(appealId: string, decide: (appeal: Appeal | undefined) => AppealVerdict<E>): AppealWrite<E> {
    return this.db
      .transaction((): AppealWrite<E> => {
        const current = this.get(appealId)?.appeal;
        const decision = decide(current);
        if (!decision.ok) return decision;
        const appeal = evolveAppeal(current, decision.event);
        if (!appeal) throw new Error('an event for no appeal');
        const row = indexed(appeal);
        this.db
          .prepare(
            `UPDATE appeals SET status = @status, appeal_class = @appeal_class, organisation_id = @organisation_id,
               assignee_id = @assignee_id, answer_due_day = @answer_due_day, closed_at = @closed_at, data = @data
             WHERE id = @id`,
          )
          .run({ ...row, id: appeal.id });
        this.append(decision.event);
        return { ok: true, appeal, event: decision.event };
      })
      .immediate();
  }

  private append(event: AppealEvent): void {
    const { appealId, type, at, by, ...payload } = event;
    this.db
      .prepare('INSERT INTO appeal_events (appeal_id, type, at, actor, payload) VALUES (?, ?, ?, ?, ?)')
      .run(appealId, type, at, by, JSON.stringify(payload));
  }

  get(appealId: string): StoredAppeal | undefined {
    const row = this.db
      .prepare<[string], AppealRow>(`SELECT ${COLUMNS} FROM appeals WHERE id = ?`)
      .get(appealId);
    return row ? fromRow(row) : undefined;
  }

  byTrackingCode(code: string): StoredAppeal | undefined {
    const row = this.db
      .prepare<[string], AppealRow>(`SELECT ${COLUMNS} FROM appeals WHERE tracking_code = ?`)
      .get(code);
    return row ? fromRow(row) : undefined;
  }

  byNumber(number: string): StoredAppeal | undefined {
    const row = this.db
      .prepare<[string], AppealRow>(`SELECT ${COLUMNS} FROM appeals WHERE number = ?`)
      .get(number);
    return row ? fromRow(row) : undefined;
  }

  /** The appeal a partner filed under its own reference, if it did. */
  byPartnerRequest(partnerId: string, reference: string): StoredAppeal | undefined {
    const row = this.db
      .prepare<[string, string], AppealRow>(
        `SELECT ${COLUMNS} FROM appeals WHERE partner_id = ? AND partner_request = ?`,
      )
      .get(partnerId, reference);
    return row ? fromRow(row) : undefined;
  }

  /**
   * Appeals changed after a place in the journal's log (an event's seq), as they stand now,
   * with the seq of their last change, oldest change first: for city sync. An appeal not
   * returned changed later than every one returned, so the last seq returned is a safe place
   * to go on from.
   */
  changedSince(afterSeq: number, limit: number): { seq: number; appeal: Appeal }[] {
    return this.db
      .prepare<[number, number], { appeal_id: string; seq: number }>(
        `SELECT appeal_id, max(seq) AS seq FROM appeal_events WHERE seq > ?
          GROUP BY appeal_id ORDER BY seq LIMIT ?`,
      )
      .all(afterSeq, limit)
      .flatMap((row) => {
        const stored = this.get(row.appeal_id);
        return stored ? [{ seq: row.seq, appeal: stored.appeal }] : [];
      });
  }

  history(appealId: string): StoredAppealEvent[] {
    return this.db
      .prepare<
        [string],
        { seq: number; appeal_id: string; type: string; at: number; actor: string; payload: string }
      >('SELECT seq, appeal_id, type, at, actor, payload FROM appeal_events WHERE appeal_id = ? ORDER BY seq')
      .all(appealId)
      .map((row) => ({
        seq: row.seq,
        event: {
          ...(JSON.parse(row.payload) as object),
          appealId: row.appeal_id,
          type: row.type,
          at: row.at,
          by: row.actor,
        } as AppealEvent,
      }));
  }

  private where(filter: AppealFilter): { sql: string; args: (string | number)[] } {
    const clauses: string[] = [];
    const args: (string | number)[] = [];
    const list = (column: string, values: readonly string[]) => {
      clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      args.push(...values);
    };
    if (filter.ids) list('id', filter.ids.length > 0 ? filter.ids : ['']);
    if (filter.statuses && filter.statuses.length > 0) list('status', filter.statuses);
    if (filter.organisationIds)
      list('organisation_id', filter.organisationIds.length > 0 ? filter.organisationIds : ['']);
    if (filter.appealClass === 'unclassified') clauses.push('appeal_class IS NULL');
    else if (filter.appealClass) {
      clauses.push('appeal_class = ?');
      args.push(filter.appealClass);
    }
    if (filter.assigneeId) {
      clauses.push('assignee_id = ?');
      args.push(filter.assigneeId);
    }
    const open = `status NOT IN ('answered', 'dismissed')`;
    if (filter.dueBy) {
      clauses.push(`${open} AND ${CURRENT_DUE} <= ?`);
      args.push(filter.dueBy);
    }
    if (filter.dueFrom) {
      clauses.push(`${open} AND ${CURRENT_DUE} >= ?`);
      args.push(filter.dueFrom);
    }
    if (filter.overdueOn) {
      clauses.push(`${open} AND ${CURRENT_DUE} < ?`);
      args.push(filter.overdueOn);
    }
    if (filter.from) {
      clauses.push('received_day >= ?');
      args.push(filter.from);
    }
    if (filter.to) {
      clauses.push('received_day <= ?');
      args.push(filter.to);
    }
    if (filter.receivedFrom !== undefined) {
      clauses.push('received_at >= ?');
      args.push(filter.receivedFrom);
    }
    if (filter.receivedTo !== undefined) {
      clauses.push('received_at <= ?');
      args.push(filter.receivedTo);
    }
    if (filter.partnerId) {
      clauses.push('partner_id = ?');
      args.push(filter.partnerId);
    }
    if (filter.search) {
      clauses.push('(number = ? OR tracking_code = ?)');
      args.push(filter.search, filter.search.toUpperCase());
    }
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', args };
  }

  /** Appeals matching the filter: open ones due first, then the newest. */
  list(filter: AppealFilter): { readonly appeals: StoredAppeal[]; readonly total: number } {
    const { sql, args } = this.where(filter);
    const total =
      this.db
        .prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM appeals ${sql}`)
        .get(...args)?.n ?? 0;
    const rows = this.db
      .prepare<(string | number)[], AppealRow>(
        `SELECT ${COLUMNS} FROM appeals ${sql}
         ORDER BY closed_at IS NOT NULL, CASE WHEN closed_at IS NULL THEN ${CURRENT_DUE} END, received_at DESC
         LIMIT ? OFFSET ?`,
      )
      .all(...args, filter.limit ?? 100, filter.offset ?? 0);
    return { appeals: rows.map(fromRow), total };
  }

  /** Every appeal received within the days, for reports and the journal's export. */
  receivedBetween(from: string, to: string, organisationIds?: readonly string[]): Appeal[] {
    const { sql, args } = this.where({ from, to, ...(organisationIds ? { organisationIds } : {}) });
    return this.db
      .prepare<(string | number)[], { data: string }>(
        `SELECT data FROM appeals ${sql} ORDER BY year, sequence`,
      )
      .all(...args)
      .map((row) => JSON.parse(row.data) as Appeal);
  }

  /**
   * Clear the applicant's personal data of appeals closed before `closedBefore`; the journal's
   * row and the history stay. Reopened appeals are open again, so they keep theirs.
   */
  purgePersonalDataBefore(closedBefore: number, at: number): number {
    return this.db
      .prepare(
        `UPDATE appeals SET applicant_name = NULL, applicant_address = NULL, applicant_phone = NULL,
           applicant_email = NULL, personal_purged_at = ?
         WHERE closed_at IS NOT NULL AND closed_at < ? AND personal_purged_at IS NULL`,
      )
      .run(at, closedBefore).changes;
  }
}
