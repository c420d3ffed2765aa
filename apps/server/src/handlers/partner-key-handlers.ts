/**
 * Administrators issue, list and revoke the Open311 partners' API keys (`docs/open311.md`).
 * A key is long and random, shown once in the issue's answer and stored only as its SHA-256
 * hash, like device tokens. Issuing and revoking are remembered by request id, so a retry
 * neither issues a second key nor shows the first one again, and audited without the key.
 */
import type { Ack, IssuedPartnerKey, PartnerKeyView, Principal } from '@queue/protocol';
import type { PartnerKeyRecord } from '@queue/db';
import { Auditor } from '../audit';
import { hashToken, newToken } from '../secrets';
import { type HandlerContext, type QueueSocket, auditAction, idempotencyOf, refuse } from './handler';
import { on } from './on';

/** Partners' keys carry a recognisable prefix, so one pasted in the wrong place is spotted. */
export const PARTNER_KEY_PREFIX = 'o311_';

export const newPartnerKey = (): string => `${PARTNER_KEY_PREFIX}${newToken()}`;

export const partnerKeyView = (record: PartnerKeyRecord): PartnerKeyView => ({ ...record });

/** The issued key's answer, remembered without the key itself: a retry is told it was issued. */
interface RememberedIssue {
  readonly issuedId: string;
}

export const registerPartnerKeyHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  const { partnerKeys, store } = context;
  const now = () => context.queue.now();

  on(socket, context, 'partner-key:list', () => ({ ok: true, data: partnerKeys.list().map(partnerKeyView) }));

  on(socket, context, 'partner-key:issue', (payload, principal: Principal): Ack<IssuedPartnerKey> => {
    const key = idempotencyOf(principal, 'partner-key:issue', payload.requestId);
    const previous = store.answerFor(key.principal, key.requestId) as Ack<RememberedIssue> | undefined;
    if (previous?.ok) {
      // The key was shown in the first answer and is not kept: a retry cannot show it again.
      return refuse(
        'BAD_REQUEST',
        'This key was already issued; revoke it and issue a new one if it was lost.',
      );
    }
    const apiKey = newPartnerKey();
    const id = partnerKeys.issue(payload.name, hashToken(apiKey), Auditor.actor(principal), now());
    const record = partnerKeys.get(id);
    if (!record) return refuse('INTERNAL', 'The key was not stored.');
    store.rememberAnswer({ ...key, answer: { ok: true, data: { issuedId: id } satisfies RememberedIssue } });
    auditAction(socket, context, {
      action: 'partner-key:issue',
      target: `partner-key:${id}`,
      details: { name: payload.name },
    });
    return { ok: true, data: { key: partnerKeyView(record), apiKey } };
  });

  on(socket, context, 'partner-key:revoke', (payload, principal): Ack<PartnerKeyView> => {
    const key = idempotencyOf(principal, 'partner-key:revoke', payload.requestId);
    const previous = store.answerFor(key.principal, key.requestId) as Ack<PartnerKeyView> | undefined;
    if (previous) return previous;
    const existing = partnerKeys.get(payload.id);
    if (!existing) return refuse('NOT_FOUND', 'There is no such key.');
    const revoked = partnerKeys.revoke(payload.id, now());
    if (!revoked) return refuse('NOT_FOUND', 'There is no such key.');
    const answer: Ack<PartnerKeyView> = { ok: true, data: partnerKeyView(revoked) };
    store.rememberAnswer({ ...key, answer });
    if (existing.revokedAt === undefined) {
      auditAction(socket, context, {
        action: 'partner-key:revoke',
        target: `partner-key:${payload.id}`,
        details: { name: existing.name },
      });
    }
    return answer;
  });
};
