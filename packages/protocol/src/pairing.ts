/**
 * Device pairing on the wire: a new device asks over HTTP (it has no token yet) and polls
 * with its secret; administrators answer, list, rename and revoke devices over the socket.
 */
import { DEVICE_KINDS, type DeskId, type DeviceKind, type PairingStatus } from '@queue/core';
import { z } from 'zod';
import { DeskIdSchema } from './schemas';

const DeviceKindSchema = z.enum(DEVICE_KINDS as [DeviceKind, ...DeviceKind[]]);
const DeviceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const DeviceNameSchema = z.string().trim().min(1).max(80);

/** `POST /api/pairing`: a device without a token asks to be paired. */
export const PairingRequestBody = z.strictObject({
  kind: DeviceKindSchema,
  /** What the device says about itself (a browser's user agent): shown to the administrator. */
  hint: z.string().trim().max(160).optional(),
});
export type PairingRequestBody = z.infer<typeof PairingRequestBody>;

/** `POST /api/pairing/status`: the waiting device asks how its request stands. */
export const PairingStatusBody = z.strictObject({ secret: z.string().min(16).max(256) });
export type PairingStatusBody = z.infer<typeof PairingStatusBody>;

/** What a device gets for its request: the code to show, and its secret to keep. */
export interface PairingTicket {
  readonly code: string;
  /** Known only to the device; it becomes the device's token once approved. */
  readonly secret: string;
  readonly kind: DeviceKind;
  readonly expiresAt: number;
  /** Demo mode on the server's own machine: approved at once, nobody has to answer. */
  readonly autoApproved: boolean;
}

export interface PairingState {
  readonly status: PairingStatus;
  readonly role?: DeviceKind;
  readonly deskId?: DeskId;
  readonly name?: string;
}

/** Whether this browser may log staff in without being paired (the server's own machine). */
export interface TerminalPolicy {
  readonly pairingRequired: boolean;
}

export const DeviceApprovePayload = z.strictObject({
  /** The code the device shows, as the administrator typed or picked it. */
  code: z.string().trim().min(6).max(9),
  role: DeviceKindSchema,
  name: DeviceNameSchema,
  /** Desk terminals only: the desk staff logging in on it work at. */
  deskId: DeskIdSchema.optional(),
});
export type DeviceApprovePayload = z.infer<typeof DeviceApprovePayload>;

export const DeviceRejectPayload = z.strictObject({ code: z.string().trim().min(6).max(9) });
export type DeviceRejectPayload = z.infer<typeof DeviceRejectPayload>;

export const DeviceRevokePayload = z.strictObject({ deviceId: DeviceIdSchema });
export type DeviceRevokePayload = z.infer<typeof DeviceRevokePayload>;

export const DeviceRenamePayload = z.strictObject({ deviceId: DeviceIdSchema, name: DeviceNameSchema });
export type DeviceRenamePayload = z.infer<typeof DeviceRenamePayload>;

export interface PairingRequestView {
  readonly code: string;
  readonly kind: DeviceKind;
  readonly hint?: string;
  readonly address?: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface DeviceView {
  readonly id: string;
  readonly name: string;
  readonly role: DeviceKind;
  readonly deskId?: DeskId;
  readonly createdAt: number;
  readonly revokedAt?: number;
  readonly lastSeenAt?: number;
  /** Connected right now. */
  readonly online: boolean;
}
