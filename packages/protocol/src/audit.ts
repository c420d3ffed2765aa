/**
 * Reading the audit log: administrators page back through privileged actions, newest first,
 * optionally one kind of action at a time.
 */
import { z } from 'zod';

/** What the server records; `action` is one of these or, for commands, the event's name. */
export const AUDIT_ACTIONS = [
  'login',
  'login:failed',
  'login:throttled',
  'login:refused',
  'logout',
  'connection:refused',
  'command:forbidden',
  'board:update',
  'ticket:cancel',
  'ticket:change-service',
  'ticket:reprint',
  'report:export',
  'retention:purge',
  'pairing:requested',
  'pairing:refused',
  'device:approve',
  'device:reject',
  'device:revoke',
  'device:rename',
  'session:closed',
  'centre:replace',
  'staff:save',
  'staff:reset-password',
  'desk:assign-services',
  'city-catalogue:apply',
] as const;

export const AuditListPayload = z.strictObject({
  /** Entries strictly older than this sequence number; the newest when absent. */
  before: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Page size, 50 by default. */
  limit: z.number().int().min(1).max(200).optional(),
  action: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z:-]+$/)
    .optional(),
});
export type AuditListPayload = z.infer<typeof AuditListPayload>;

export interface AuditRecord {
  readonly seq: number;
  readonly at: number;
  /** `staff:<id>`, `device:<id>`, `login:<name>` (a login attempt), or `system`. */
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly address?: string;
}
