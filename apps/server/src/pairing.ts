/**
 * Pairing of new devices. A device without a token asks (`request`) and is given a six-digit
 * code to show and a long secret to keep; it polls with the secret (`status`) until an
 * administrator approves the code, which creates the device with the secret's hash as its
 * token hash, so the secret is the device's token from then on. Requests are rate-limited per
 * address and capped overall; every answer, refusal and revocation goes to the audit log.
 * In demo mode requests from the server's own machine are approved at once. The answer names
 * the server (id and key fingerprint), so a device knows which server it is being paired with.
 */
import { randomBytes } from 'node:crypto';
import {
  type DeskId,
  type DeviceKind,
  PAIRING_TTL_MS,
  answerPairing,
  normalizePairingCode,
  pairingCodeFrom,
  pairingStatusAt,
  validDeviceDesk,
} from '@queue/core';
import type { DeviceStore, PairedDevice, PairingRequestRecord, PeopleStore } from '@queue/db';
import type {
  DeviceApprovePayload,
  DeviceView,
  PairingRequestBody,
  PairingRequestView,
  PairingState,
  PairingTicket,
  WireError,
} from '@queue/protocol';
import type { Auditor } from './audit';
import type { Logger } from './logger';
import { RateLimit } from './rate-limit';
import { hashToken, newToken } from './secrets';

/** Pairing requests one address may make a minute: a device needs one every 15 minutes. */
export const PAIRING_REQUEST_LIMIT = 5;
/** Status polls one address may make a minute (a device polls every 2 s; a hall has a few). */
export const PAIRING_POLL_LIMIT = 240;
/** Requests waiting at once: beyond this a flood from the guest network is refused. */
export const MAX_PENDING_REQUESTS = 50;
const KEEP_ENDED_MS = 24 * 3_600_000;

export interface PairingDeps {
  readonly devices: DeviceStore;
  readonly people: PeopleStore;
  readonly audit: Auditor;
  readonly logger: Logger;
  readonly now: () => number;
  readonly knownDesk: (id: string) => boolean;
  /** Approve at once (demo mode, the server's own machine). */
  readonly autoApprove: (address: string) => boolean;
  /** Close live connections holding these credentials (token hashes). */
  readonly disconnect: (tokenHashes: readonly string[]) => void;
  /** Whether a device has a live connection now. */
  readonly online: (deviceId: string) => boolean;
  /** Called after anything the administrators' device lists show has changed. */
  readonly changed?: () => void;
  /** This server's identity, as a device pins it. */
  readonly server: PairingServer;
}

export interface PairingServer {
  readonly serverId: string;
  readonly fingerprint: string;
}

/** The pairing answer, with the server it is from. */
export type PairingAnswer = PairingTicket & { readonly server: PairingServer };

export interface Caller {
  readonly actor: string;
  readonly address: string;
}

const fail = (code: WireError['code'], message: string): WireError => ({ code, message });
const isWireError = (value: object): value is WireError => 'message' in value;

export class PairingService {
  private readonly requests = new RateLimit(PAIRING_REQUEST_LIMIT, 60_000);
  private readonly polls = new RateLimit(PAIRING_POLL_LIMIT, 60_000);

  constructor(private readonly deps: PairingDeps) {}

  /** A device asks to be paired. */
  request(body: PairingRequestBody, address: string): PairingAnswer | WireError {
    const now = this.deps.now();
    const { devices } = this.deps;
    if (!this.requests.allow(address, now))
      return this.refused(address, 'rate', 'Too many pairing requests.');
    devices.purgeEnded(now - KEEP_ENDED_MS);
    if (devices.pendingRequests(now).length >= MAX_PENDING_REQUESTS) {
      return this.refused(address, 'full', 'Too many devices are waiting; ask an administrator.');
    }
    const code = this.freshCode(now);
    const secret = newToken();
    const id = `pr-${randomBytes(9).toString('base64url')}`;
    const expiresAt = now + PAIRING_TTL_MS;
    const hint = body.hint?.slice(0, 160);
    const autoApproved = this.deps.autoApprove(address);
    devices.transaction(() => {
      devices.addRequest({
        id,
        code,
        secretHash: hashToken(secret),
        kind: body.kind,
        ...(hint ? { hint } : {}),
        address,
        createdAt: now,
        expiresAt,
      });
      this.deps.audit.record({
        actor: 'unknown',
        action: 'pairing:requested',
        target: `pairing:${code}`,
        details: { kind: body.kind },
        address,
      });
      if (autoApproved) {
        this.createDevice(id, body.kind, `${body.kind} ${address} (demo)`, undefined, now, {
          actor: 'system',
          address,
        });
      }
    });
    this.deps.changed?.();
    if (autoApproved) {
      this.deps.logger.warn('demo mode: pairing approved automatically for the server’s own machine', {
        kind: body.kind,
        address,
      });
    }
    const { serverId, fingerprint } = this.deps.server;
    return { code, secret, kind: body.kind, expiresAt, autoApproved, server: { serverId, fingerprint } };
  }

  /** How a device's request stands, found by its secret. */
  status(secret: string, address: string): PairingState | WireError {
    const now = this.deps.now();
    if (!this.polls.allow(address, now)) return this.refused(address, 'rate', 'Too many status requests.');
    const request = this.deps.devices.requestBySecretHash(hashToken(secret));
    if (!request) return fail('NOT_FOUND', 'No such pairing request.');
    const status = pairingStatusAt(request, now);
    const device = request.deviceId ? this.deps.devices.deviceById(request.deviceId) : undefined;
    if (status === 'approved' && device) {
      if (device.revokedAt !== undefined) return { status: 'rejected' };
      return {
        status,
        role: device.role,
        name: device.name,
        ...(device.deskId ? { deskId: device.deskId } : {}),
      };
    }
    return { status };
  }

  pending(): PairingRequestView[] {
    return this.deps.devices.pendingRequests(this.deps.now()).map((request) => ({
      code: request.code,
      kind: request.kind,
      ...(request.hint ? { hint: request.hint } : {}),
      ...(request.address ? { address: request.address } : {}),
      createdAt: request.createdAt,
      expiresAt: request.expiresAt,
    }));
  }

  approve(payload: DeviceApprovePayload, caller: Caller): DeviceView | WireError {
    const now = this.deps.now();
    const request = this.pendingByCode(payload.code, now);
    if (isWireError(request)) return request;
    const deskId = payload.deskId as DeskId | undefined;
    if (!validDeviceDesk(payload.role, deskId)) {
      return fail('BAD_REQUEST', 'Only a desk terminal is bound to a desk.');
    }
    if (deskId && !this.deps.knownDesk(deskId)) return fail('UNKNOWN_DESK', 'No such desk.');
    const device = this.deps.devices.transaction(() =>
      this.createDevice(request.id, payload.role, payload.name, deskId, now, caller),
    );
    this.deps.changed?.();
    return this.view(device);
  }

  reject(code: string, caller: Caller): null | WireError {
    const now = this.deps.now();
    const request = this.pendingByCode(code, now);
    if (isWireError(request)) return request;
    this.deps.devices.transaction(() => {
      this.deps.devices.answerRequest(request.id, 'rejected');
      this.deps.audit.record({ ...caller, action: 'device:reject', target: `pairing:${request.code}` });
    });
    this.deps.changed?.();
    return null;
  }

  list(): DeviceView[] {
    return this.deps.devices.listDevices().map((device) => this.view(device));
  }

  /** Revoke a device: its token stops working and its live connections (and sessions) end now. */
  revoke(deviceId: string, caller: Caller): DeviceView | WireError {
    const { devices, people } = this.deps;
    const device = devices.deviceById(deviceId);
    if (!device) return fail('NOT_FOUND', 'No such device.');
    if (device.revokedAt !== undefined) return this.view(device);
    const now = this.deps.now();
    const ended = devices.transaction(() => {
      people.revokeDevice(deviceId, now);
      const sessions = devices.endSessionsOn(deviceId);
      this.deps.audit.record({
        ...caller,
        action: 'device:revoke',
        target: `device:${deviceId}`,
        details: { role: device.role, sessionsEnded: sessions.length },
      });
      return sessions;
    });
    const tokenHash = devices.tokenHashOf(deviceId);
    this.deps.disconnect([...(tokenHash ? [tokenHash] : []), ...ended]);
    this.deps.changed?.();
    return this.view(devices.deviceById(deviceId) ?? device);
  }

  rename(deviceId: string, name: string, caller: Caller): DeviceView | WireError {
    const { devices } = this.deps;
    const renamed = devices.transaction(() => {
      if (!devices.rename(deviceId, name)) return false;
      this.deps.audit.record({ ...caller, action: 'device:rename', target: `device:${deviceId}` });
      return true;
    });
    if (renamed) this.deps.changed?.();
    const device = renamed ? devices.deviceById(deviceId) : undefined;
    return device ? this.view(device) : fail('NOT_FOUND', 'No such device.');
  }

  /** Note that a device connected (for "last seen" on the admin screen). */
  seen(deviceId: string): void {
    this.deps.devices.touch(deviceId, this.deps.now());
  }

  private createDevice(
    requestId: string,
    role: DeviceKind,
    name: string,
    deskId: DeskId | undefined,
    now: number,
    caller: Caller,
  ): PairedDevice {
    const { devices, people } = this.deps;
    const secretHash = devices.secretHashOf(requestId);
    if (!secretHash) throw new Error('pairing request vanished');
    const id = `${role}-${randomBytes(6).toString('base64url')}`;
    people.addDevice({ id, name, role }, secretHash, now);
    devices.setDesk(id, deskId);
    devices.answerRequest(requestId, 'approved', id);
    this.deps.audit.record({
      ...caller,
      action: 'device:approve',
      target: `device:${id}`,
      details: { role, ...(deskId ? { deskId } : {}), auto: caller.actor === 'system' },
    });
    const device = devices.deviceById(id);
    if (!device) throw new Error('device vanished after pairing');
    return device;
  }

  private pendingByCode(typed: string, now: number): PairingRequestRecord | WireError {
    const code = normalizePairingCode(typed);
    const request = code ? this.deps.devices.pendingWithCode(code, now) : undefined;
    if (!request) return fail('NOT_FOUND', 'No device is waiting with this code (it may have expired).');
    const answer = answerPairing(request, 'approve', now);
    return 'refused' in answer ? fail('NOT_FOUND', 'This pairing request is no longer open.') : request;
  }

  private freshCode(now: number): string {
    for (;;) {
      const code = pairingCodeFrom(randomBytes(4).readUInt32BE(0));
      if (code && !this.deps.devices.pendingWithCode(code, now)) return code;
    }
  }

  private view(device: PairedDevice): DeviceView {
    return { ...device, online: this.deps.online(device.id) };
  }

  private refused(address: string, reason: string, message: string): WireError {
    this.deps.audit.recordCoalesced(`pairing ${reason} ${address}`, {
      actor: 'unknown',
      action: 'pairing:refused',
      details: { reason },
      address,
    });
    return fail('RATE_LIMITED', message);
  }
}
