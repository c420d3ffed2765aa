/**
 * Administration: the whole configuration read and replaced (edits and imports alike, checked,
 * versioned, live and audited), staff accounts, and a supervisor moving a desk to other
 * services on the spot. Opening another desk needs nothing new: a supervisor sends `desk:open`
 * naming the desk and serves at it (audited as acting at someone else's desk).
 */
import { type StaffId, mayWorkAtDesk } from '@queue/core';
import type { StaffEntry } from '@queue/db';
import {
  type Ack,
  type CentreDocument,
  type CentreReplaceAnswer,
  type Principal,
  type StaffAccount,
  type StaffSavePayload,
} from '@queue/protocol';
import { randomBytes } from 'node:crypto';
import { hashSecret } from '../secrets';
import {
  type HandlerContext,
  type QueueSocket,
  auditAction,
  idempotencyOf,
  refuse,
  refuseOtherOrganisation,
} from './handler';
import { on } from './on';

const accountOf = (entry: StaffEntry): StaffAccount => ({
  id: entry.id,
  login: entry.login,
  name: entry.name,
  roles: entry.roles,
  organisationIds: entry.organisationIds,
  ...(entry.deskId ? { deskId: entry.deskId } : {}),
  active: entry.active,
});

/** A new account's id: its login in lower case, made unique when that is taken. */
const newStaffId = (context: HandlerContext, login: string): string => {
  const base = login.toLowerCase();
  return context.staff.byId(base) ? `${base}-${randomBytes(3).toString('hex')}` : base;
};

/**
 * A retried replace (the answer was lost on the way) gets the first answer, not a version
 * conflict with itself; written in the save's transaction.
 */
const rememberSuccess = (
  context: HandlerContext,
  retry: { readonly principal: string; readonly requestId: string },
  data: CentreReplaceAnswer,
): void => context.store.rememberAnswer({ ...retry, answer: { ok: true, data } });

export const registerAdminHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'centre:get', (): Ack<CentreDocument> => {
    return { ok: true, data: { version: context.config.version, centre: context.config.current } };
  });

  on(socket, context, 'centre:replace', async (payload, principal): Promise<Ack<CentreReplaceAnswer>> => {
    const retry = idempotencyOf(principal, 'centre:replace', payload.requestId);
    const previous = context.store.answerFor(retry.principal, retry.requestId);
    if (previous !== undefined) return previous as Ack<CentreReplaceAnswer>;
    const profiles = await context.printing.profileIds();
    const outcome = context.config.replace(
      payload.centre,
      payload.baseVersion,
      (summary, version) => {
        auditAction(socket, context, {
          action: 'centre:replace',
          target: `centre:v${version}`,
          details: { baseVersion: payload.baseVersion, ...summary },
        });
        rememberSuccess(context, retry, { version, summary });
      },
      profiles,
    );
    if (!outcome.ok) return outcome;
    context.logger.info('configuration replaced', { version: outcome.version });
    return { ok: true, data: { version: outcome.version, summary: outcome.summary } };
  });

  on(socket, context, 'desk:assign-services', (payload, principal): Ack<CentreReplaceAnswer> => {
    const centre = context.config.current;
    if (!centre.desks.some((desk) => desk.id === payload.deskId)) {
      return refuse('NOT_FOUND', `There is no desk ${payload.deskId}.`);
    }
    const foreign = refuseOtherOrganisation(context, principal, payload.deskId);
    if (foreign) return { ok: false, error: foreign };
    const next = {
      ...centre,
      desks: centre.desks.map((desk) =>
        desk.id === payload.deskId ? { ...desk, services: payload.services } : desk,
      ),
    };
    const retry = idempotencyOf(principal, 'desk:assign-services', payload.requestId);
    const previous = context.store.answerFor(retry.principal, retry.requestId);
    if (previous !== undefined) return previous as Ack<CentreReplaceAnswer>;
    const outcome = context.config.replace(next, context.config.version, (summary, version) => {
      auditAction(socket, context, {
        action: 'desk:assign-services',
        target: `desk:${payload.deskId}`,
        details: { version, services: payload.services },
      });
      rememberSuccess(context, retry, { version, summary });
    });
    return outcome.ok ? { ok: true, data: { version: outcome.version, summary: outcome.summary } } : outcome;
  });

  on(socket, context, 'staff:list', (): Ack<StaffAccount[]> => {
    return { ok: true, data: context.staff.list().map(accountOf) };
  });

  on(socket, context, 'staff:save', async (payload, principal): Promise<Ack<StaffAccount>> => {
    if (principal.kind !== 'staff') return refuse('FORBIDDEN', 'Only staff manage staff accounts.');
    // A retry (the answer was lost) gets the first attempt's answer, not LOGIN_TAKEN by itself.
    const retry = idempotencyOf(principal, 'staff:save', payload.requestId);
    return context.inflight.run(`${retry.principal} ${retry.requestId}`, async () => {
      const previous = context.store.answerFor(retry.principal, retry.requestId);
      if (previous !== undefined) return previous as Ack<StaffAccount>;
      return saveStaff(payload, principal, retry);
    });
  });

  const saveStaff = async (
    payload: StaffSavePayload,
    principal: Principal & { readonly kind: 'staff' },
    retry: { readonly principal: string; readonly requestId: string },
  ): Promise<Ack<StaffAccount>> => {
    const existing = payload.id ? context.staff.byId(payload.id) : undefined;
    if (payload.id && !existing) return refuse('NOT_FOUND', `There is no staff member ${payload.id}.`);
    if (!existing && !payload.secret) return refuse('BAD_REQUEST', 'A new account needs a password.');
    const holder = context.staff
      .list()
      .find((entry) => entry.login.toLowerCase() === payload.login.toLowerCase());
    if (holder && holder.id !== existing?.id) {
      return refuse('LOGIN_TAKEN', `The login ${payload.login} belongs to another account.`);
    }
    const centre = context.config.current;
    const ownDesk = payload.deskId ? centre.desks.find((desk) => desk.id === payload.deskId) : undefined;
    if (payload.deskId && !ownDesk) return refuse('NOT_FOUND', `There is no desk ${payload.deskId}.`);
    const unknown = payload.organisationIds.find(
      (id) => !centre.organisations.some((entry) => entry.id === id),
    );
    if (unknown) return refuse('NOT_FOUND', `There is no organisation ${unknown}.`);
    if (ownDesk && !mayWorkAtDesk(payload, ownDesk)) {
      return refuse('OTHER_ORGANISATION', `Desk ${ownDesk.id} belongs to an organisation not among theirs.`);
    }
    // An administrator cannot lock themselves out of administration.
    if (existing?.id === principal.staffId && (!payload.active || !payload.roles.includes('admin'))) {
      return refuse('BAD_REQUEST', 'You cannot remove your own administrator role or deactivate yourself.');
    }
    const secretHash = payload.secret ? await hashSecret(payload.secret) : undefined;
    const entry: StaffEntry = {
      id: (existing?.id ?? newStaffId(context, payload.login)) as StaffId,
      login: payload.login,
      name: payload.name,
      roles: [...new Set(payload.roles)],
      organisationIds: [...new Set(payload.organisationIds)],
      ...(payload.deskId ? { deskId: payload.deskId as StaffEntry['deskId'] } : {}),
      active: payload.active,
    };
    const answer: Ack<StaffAccount> = { ok: true, data: accountOf(entry) };
    context.staff.transaction(() => {
      context.staff.save(entry, secretHash);
      if (!entry.active || secretHash) context.staff.endSessions(entry.id);
      auditAction(socket, context, {
        action: 'staff:save',
        target: `staff:${entry.id}`,
        details: {
          created: existing === undefined,
          roles: entry.roles,
          organisationIds: entry.organisationIds,
          deskId: entry.deskId ?? null,
          active: entry.active,
          secretChanged: secretHash !== undefined,
        },
      });
      context.store.rememberAnswer({ ...retry, answer });
    });
    return answer;
  };

  on(socket, context, 'staff:reset-password', async (payload): Promise<Ack<null>> => {
    if (!context.staff.byId(payload.id))
      return refuse('NOT_FOUND', `There is no staff member ${payload.id}.`);
    const secretHash = await hashSecret(payload.secret);
    context.staff.transaction(() => {
      context.staff.setSecret(payload.id, secretHash);
      context.staff.endSessions(payload.id);
      auditAction(socket, context, { action: 'staff:reset-password', target: `staff:${payload.id}` });
    });
    return { ok: true, data: null };
  });
};
