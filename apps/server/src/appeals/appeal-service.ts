/**
 * The appeals journal's application service: every way in (a desk, the public page, an
 * Open311 partner) registers and moves appeals through here, so the rules (`decideAppeal`),
 * the organisation scoping (`mayWorkAppeal` and friends), the audit and the change pushes
 * are the same whoever asks. Decisions are taken inside the store's transaction, on the
 * appeal as it is stored at that moment.
 */
import { randomBytes } from 'node:crypto';
import {
  type Appeal,
  type AppealCommand,
  type AppealMember,
  type Applicant,
  type Centre,
  type Instant,
  type NewAppeal,
  type PublicAppeal,
  appealNumber,
  appealPolicyOf,
  appealUrgency,
  bookingCodeFrom,
  buildAppealReport,
  decideAppeal,
  mayBeAssigned,
  mayHandOver,
  mayOversee,
  maySeeApplicant,
  mayWorkAppeal,
  publicAppeal,
  serviceDayOf,
} from '@queue/core';
import type { AppealFilter, AppealStore, StaffDirectory, StoredAppeal } from '@queue/db';
import type {
  Ack,
  AppealAssignee,
  AppealDetails,
  AppealHistoryEntry,
  AppealListAnswer,
  AppealListPayload,
  AppealReportAnswer,
  AppealReportPayload,
  StaffAppeal,
  WireError,
} from '@queue/protocol';
import type { Auditor } from '../audit';
import type { Logger } from '../logger';

/** Who acts: a member of staff (with what they may do), the public page, or a partner. */
export type AppealActorRef =
  | {
      readonly kind: 'staff';
      readonly member: AppealMember;
      readonly audit: string;
      readonly address?: string;
    }
  | { readonly kind: 'visitor'; readonly address: string }
  | { readonly kind: 'partner'; readonly partnerId: string; readonly address: string };

export interface AppealServiceOptions {
  readonly store: AppealStore;
  readonly staff: StaffDirectory;
  readonly audit: Auditor;
  readonly logger: Logger;
  readonly centre: () => Centre;
  readonly now: () => Instant;
  /** A registration or a step: screens of staff who work appeals refetch. */
  readonly changed: (appealId: string) => void;
  readonly randomBytes?: (size: number) => Uint8Array;
}

export interface RegistrationInput extends Omit<NewAppeal, 'appealId' | 'number' | 'trackingCode'> {
  readonly applicant: Applicant;
  readonly partnerRequest?: string;
}

export type AppealStep = Exclude<AppealCommand, { type: 'register' }>;

const refuse = (code: WireError['code'], message: string): Ack<never> => ({
  ok: false,
  error: { code, message },
});

/** Tracking codes collide once in about 10^12; a collision is drawn again. */
const CODE_ATTEMPTS = 5;

const actorId = (actor: AppealActorRef): string =>
  actor.kind === 'staff'
    ? actor.member.staffId
    : actor.kind === 'visitor'
      ? 'visitor'
      : `partner:${actor.partnerId}`;

const auditActor = (actor: AppealActorRef): string =>
  actor.kind === 'staff' ? actor.audit : actor.kind === 'visitor' ? 'visitor' : `partner:${actor.partnerId}`;

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error && /UNIQUE constraint failed: appeals\.tracking_code/.test(error.message);

export class AppealService {
  private readonly random: (size: number) => Uint8Array;

  constructor(private readonly options: AppealServiceOptions) {
    this.random = options.randomBytes ?? ((size) => randomBytes(size));
  }

  get policy() {
    return appealPolicyOf(this.options.centre().appeals);
  }

  private context(actor: AppealActorRef) {
    return {
      now: this.options.now(),
      centre: this.options.centre(),
      policy: this.policy,
      actor: {
        id: actorId(actor),
        oversees:
          actor.kind === 'staff' &&
          (actor.member.roles.includes('supervisor') || actor.member.roles.includes('admin')),
      },
    };
  }

  /** Register an appeal: its number, tracking code, event and (with `request`) the retry's answer, at once. */
  register(
    input: RegistrationInput,
    actor: AppealActorRef,
    request?: { readonly principal: string; readonly requestId: string },
  ): Ack<StoredAppeal> {
    const { store } = this.options;
    if (request) {
      const earlier = store.registeredBy(request.principal, request.requestId);
      const found = earlier ? store.get(earlier) : undefined;
      if (found) return { ok: true, data: found };
    }
    const context = this.context(actor);
    const year = Number(serviceDayOf(context.now, context.centre.site.timeZone).slice(0, 4));
    const { applicant, partnerRequest, ...fields } = input;
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
      const appealId = Buffer.from(this.random(12)).toString('base64url');
      const trackingCode = bookingCodeFrom(this.random(32));
      try {
        const written = store.register<WireError>({
          year,
          applicant,
          ...(request ? { request } : {}),
          ...(partnerRequest !== undefined ? { partnerRequest } : {}),
          decide: (sequence) =>
            decideAppeal(
              undefined,
              { type: 'register', ...fields, appealId, number: appealNumber(year, sequence), trackingCode },
              context,
            ),
        });
        if (!written.ok) return { ok: false, error: written.error };
        this.record(actor, 'appeal:register', written.appeal, { channel: written.appeal.channel });
        this.options.changed(written.appeal.id);
        return { ok: true, data: { appeal: written.appeal, applicant, purged: false } };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return refuse('INTERNAL', 'Could not draw a free tracking code.');
  }

  /** One step of an appeal's life, refused when the rules or the actor's scope forbid it. */
  act(appealId: string, step: AppealStep, actor: AppealActorRef & { kind: 'staff' }): Ack<Appeal> {
    const context = this.context(actor);
    const { member } = actor;
    const written = this.options.store.apply<WireError>(appealId, (appeal) => {
      if (!appeal)
        return { ok: false, error: { code: 'UNKNOWN_APPEAL', message: 'There is no such appeal.' } };
      const scope = this.scopeRefusal(step, appeal, member);
      if (scope) return { ok: false, error: scope };
      return decideAppeal(appeal, step, context);
    });
    if (!written.ok) return written;
    this.record(actor, `appeal:${step.type}`, written.appeal, this.auditDetails(step));
    this.options.changed(appealId);
    return { ok: true, data: written.appeal };
  }

  private scopeRefusal(step: AppealStep, appeal: Appeal, member: AppealMember): WireError | undefined {
    const other = {
      code: 'OTHER_ORGANISATION',
      message: 'This appeal belongs to an organisation you do not work for.',
    } as const;
    switch (step.type) {
      case 'classify':
        return mayHandOver(member, appeal) ? undefined : other;
      case 'assign': {
        if (!mayHandOver(member, appeal)) return other;
        if (step.staffId === undefined) return undefined;
        const person = this.options.staff.byId(step.staffId);
        if (!person?.active || !mayBeAssigned(person, step.organisationId)) {
          return {
            code: 'INVALID_ARGUMENT',
            message: 'That person does not work appeals for this organisation.',
          };
        }
        return undefined;
      }
      case 'reopen':
        return mayOversee(member, appeal)
          ? undefined
          : { code: 'FORBIDDEN', message: 'A supervisor of the organisation reopens an appeal.' };
      default:
        return mayWorkAppeal(member, appeal) ? undefined : other;
    }
  }

  /** Codes and ids only: the audit log is kept for good, free text is not put in it. */
  private auditDetails(step: AppealStep): Record<string, unknown> {
    switch (step.type) {
      case 'classify':
        return { appealClass: step.appealClass };
      case 'assign':
        return { organisationId: step.organisationId, ...(step.staffId ? { staffId: step.staffId } : {}) };
      case 'answer':
        return { favour: step.favour };
      case 'dismiss':
        return { ground: step.ground };
      default:
        return {};
    }
  }

  private record(
    actor: AppealActorRef,
    action: string,
    appeal: Appeal,
    details: Record<string, unknown>,
  ): void {
    this.options.audit.record({
      actor: auditActor(actor),
      action,
      target: `appeal:${appeal.number}`,
      details,
      ...(actor.kind !== 'staff'
        ? { address: actor.address }
        : actor.address
          ? { address: actor.address }
          : {}),
    });
  }

  private nameOf(staffId: string | undefined): string | undefined {
    return staffId === undefined ? undefined : this.options.staff.byId(staffId)?.name;
  }

  /** The appeal as this member of staff may see it. */
  viewFor(stored: StoredAppeal, member: AppealMember): StaffAppeal {
    const { appeal, applicant, purged } = stored;
    const allowed = maySeeApplicant(member, appeal);
    const hasData = Object.keys(applicant).length > 0;
    const assigneeName = this.nameOf(appeal.assignee?.staffId);
    return {
      ...appeal,
      urgency: appealUrgency(appeal, this.options.now(), this.options.centre().site),
      ...(allowed && hasData ? { applicant } : {}),
      applicantHidden: !allowed && hasData,
      applicantPurged: purged,
      ...(assigneeName ? { assigneeName } : {}),
    };
  }

  details(appealId: string, member: AppealMember): Ack<AppealDetails> {
    const stored = this.options.store.get(appealId);
    if (!stored) return refuse('UNKNOWN_APPEAL', 'There is no such appeal.');
    const names = new Map<string, string | undefined>();
    const history: AppealHistoryEntry[] = this.options.store.history(appealId).map(({ event }) => {
      if (!names.has(event.by)) names.set(event.by, this.nameOf(event.by));
      const byName = names.get(event.by);
      const detail =
        event.type === 'appeal-classified'
          ? event.appealClass
          : event.type === 'appeal-assigned'
            ? [event.organisationId, this.nameOf(event.staffId)].filter(Boolean).join(' · ')
            : event.type === 'appeal-extended' || event.type === 'appeal-reopened'
              ? event.reason
              : event.type === 'appeal-dismissed'
                ? event.ground
                : event.type === 'appeal-forwarded'
                  ? event.body
                  : event.type === 'appeal-answered'
                    ? event.favour
                    : undefined;
      return {
        type: event.type,
        at: event.at,
        by: event.by,
        ...(byName ? { byName } : {}),
        ...(detail ? { detail } : {}),
      };
    });
    return { ok: true, data: { appeal: this.viewFor(stored, member), history } };
  }

  list(payload: AppealListPayload, member: AppealMember): Ack<AppealListAnswer> {
    const { site } = this.options.centre();
    const today = serviceDayOf(this.options.now(), site.timeZone);
    const tomorrow = serviceDayOf((this.options.now() + 86_400_000) as Instant, site.timeZone);
    const filter: AppealFilter = {
      ...(payload.statuses ? { statuses: payload.statuses } : {}),
      ...(payload.appealClass ? { appealClass: payload.appealClass } : {}),
      ...(payload.organisationId ? { organisationIds: [payload.organisationId] } : {}),
      ...(payload.mine
        ? { assigneeId: member.staffId }
        : payload.assigneeId
          ? { assigneeId: payload.assigneeId }
          : {}),
      ...(payload.urgency === 'overdue' ? { overdueOn: today } : {}),
      ...(payload.urgency === 'due-soon'
        ? { dueBy: payload.dueBy && payload.dueBy < tomorrow ? payload.dueBy : tomorrow, dueFrom: today }
        : {}),
      ...(payload.urgency !== 'due-soon' && payload.dueBy ? { dueBy: payload.dueBy } : {}),
      ...(payload.from ? { from: payload.from } : {}),
      ...(payload.to ? { to: payload.to } : {}),
      ...(payload.search ? { search: payload.search } : {}),
      limit: payload.limit ?? 100,
      offset: payload.offset ?? 0,
    };
    const { appeals, total } = this.options.store.list(filter);
    return { ok: true, data: { appeals: appeals.map((stored) => this.viewFor(stored, member)), total } };
  }

  /** The applicant's view by tracking code; undefined when there is none. */
  track(code: string): PublicAppeal | undefined {
    const stored = this.options.store.byTrackingCode(code.toUpperCase());
    if (!stored) return undefined;
    const centre = this.options.centre();
    return publicAppeal(
      stored.appeal,
      (id) => centre.organisations.find((entry) => entry.id === id)?.name,
      centre.site.timeZone,
    );
  }

  assignees(organisationId: string): AppealAssignee[] {
    return this.options.staff
      .list()
      .filter((entry) => entry.active && mayBeAssigned(entry, organisationId))
      .map((entry) => ({ staffId: entry.id, name: entry.name }));
  }

  report(payload: AppealReportPayload, member: AppealMember): Ack<AppealReportAnswer> {
    if (payload.from > payload.to) return refuse('BAD_REQUEST', 'The period ends before it starts.');
    const unrestricted = member.roles.includes('admin') || member.organisationIds.length === 0;
    if (payload.organisationId && !unrestricted && !member.organisationIds.includes(payload.organisationId)) {
      return refuse('OTHER_ORGANISATION', 'You may report only on your organisations.');
    }
    const scope = payload.organisationId
      ? [payload.organisationId]
      : unrestricted
        ? undefined
        : member.organisationIds;
    const appeals = this.options.store.receivedBetween(payload.from, payload.to, scope);
    const report = buildAppealReport(
      appeals,
      {
        from: payload.from as never,
        to: payload.to as never,
        dimension: payload.dimension,
        now: this.options.now(),
      },
      this.options.centre().site,
    );
    const staffNames: Record<string, string> = {};
    if (payload.dimension === 'person') {
      for (const row of report.rows) {
        const name = this.nameOf(row.key);
        if (name) staffNames[row.key] = name;
      }
    }
    return { ok: true, data: { ...report, staffNames } };
  }
}
