/**
 * Who is on the other end of a connection: a staff member with a login session, or a
 * paired device with its token. Every socket and every privileged HTTP call goes through
 * `authenticate`; roles are then checked per command.
 */
import {
  type Desk,
  type DeskId,
  type DeskState,
  type Instant,
  deskHeldByColleague,
  loginDesk,
  mayWorkAtDesk,
} from '@queue/core';
import type { DeviceStore, PeopleStore, StaffRecord } from '@queue/db';
import type { LoginAnswer, Principal, Role } from '@queue/protocol';
import type { Auditor } from './audit';
import { ADDRESS_POLICY, LOGIN_POLICY, Throttle } from './login-throttle';
import { hashToken, newToken, verifySecret } from './secrets';

/** A session lasts a working shift and a little more. */
export const SESSION_HOURS = 14;

export const principalKey = (principal: Principal): string =>
  principal.kind === 'device' ? `device:${principal.deviceId}` : `staff:${principal.staffId}`;

export const hasRole = (principal: Principal, ...roles: Role[]): boolean =>
  principal.kind === 'device'
    ? roles.includes(principal.role)
    : principal.roles.some((role) => roles.includes(role));

/** Staff may log in only on a paired desk terminal, except from addresses trusted here. */
export interface TerminalRule {
  readonly devices: DeviceStore;
  /** Addresses that may log in without a paired terminal: the server's own machine. */
  readonly unpairedLoginsFrom: (address: string) => boolean;
}

export type LoginRefusal =
  | 'bad-credentials'
  | 'unknown-desk'
  /** No paired desk terminal (or a revoked one) and not from a trusted address. */
  | 'unpaired-terminal'
  /** The terminal is bound to another desk than the one asked for. */
  | 'wrong-terminal-desk'
  /** The desk belongs to an organisation the member of staff does not work for. */
  | 'other-organisation'
  /** Another operator is working at the desk (open or paused) and has not closed it. */
  | 'desk-occupied';

/** What logins need to know of desks and of whom staff work for. */
export interface DeskPlacement {
  /** The desk, if the configuration has it. */
  desk(id: string): Pick<Desk, 'organisationId'> | undefined;
  /** The organisations a member of staff works for; none means any desk. */
  organisationsOf(staffId: string): readonly string[];
  /** The desk's state now, to see whether a colleague is working at it. */
  deskState(id: string): Pick<DeskState, 'status' | 'operatorId'> | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
export const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && LOOPBACK.has(address);

const staffPrincipal = (staff: StaffRecord, deskId: DeskId | undefined): Principal => ({
  kind: 'staff',
  staffId: staff.id,
  name: staff.name,
  roles: staff.roles,
  ...(deskId ? { deskId } : {}),
});

export class Authenticator {
  private readonly byLogin = new Throttle(LOGIN_POLICY);
  private readonly byAddress = new Throttle(ADDRESS_POLICY);

  constructor(
    private readonly people: PeopleStore,
    private readonly placement: DeskPlacement,
    /** Logins, failures, back-offs and logouts go to the audit log. */
    private readonly audit?: Auditor,
    /** Without it any browser may log staff in (tests of other parts, tools). */
    private readonly terminals?: TerminalRule,
  ) {}

  authenticate(token: unknown, now: Instant): Principal | undefined {
    if (typeof token !== 'string' || token.length < 16 || token.length > 256) return undefined;
    const tokenHash = hashToken(token);
    const device = this.people.deviceByTokenHash(tokenHash);
    if (device) {
      // A desk terminal's token only vouches for staff logins made on it; it acts as nobody.
      return device.revokedAt === undefined && device.role !== 'desk'
        ? { kind: 'device', deviceId: device.id, role: device.role, name: device.name }
        : undefined;
    }
    const session = this.people.sessionByTokenHash(tokenHash);
    if (!session || session.expiresAt <= now) return undefined;
    const staff = this.people.staffById(session.staffId);
    if (!staff?.active) return undefined;
    return staffPrincipal(staff, session.deskId);
  }

  /** Check a login and secret; open a session bound to a desk when one is chosen or assigned. */
  async login(
    login: string,
    secret: string,
    requestedDesk: string | undefined,
    now: Instant,
    address = 'unknown',
    terminalToken?: string,
  ): Promise<LoginAnswer | LoginRefusal | { readonly retryAfterMs: number }> {
    const loginKey = login.toLowerCase();
    const terminal = this.terminalFor(terminalToken, address);
    if (terminal === 'unpaired') {
      const reason = terminalToken ? 'revoked-terminal' : 'unpaired-terminal';
      this.audit?.recordCoalesced(`${reason} ${address}`, {
        actor: `login:${loginKey}`,
        action: 'login:refused',
        details: { reason },
        address,
      });
      return 'unpaired-terminal';
    }
    // Reserved before the secret is checked, so parallel guesses gain nothing (login-throttle.ts).
    // Always the login first, then the address: a try holding an address slot never waits.
    const loginWaitMs = await this.byLogin.reserve(loginKey, now);
    const addressWaitMs = loginWaitMs > 0 ? 0 : await this.byAddress.reserve(address, now);
    if (addressWaitMs > 0) this.byLogin.settle(loginKey, now, 'released');
    const waitMs = Math.max(loginWaitMs, addressWaitMs);
    const attempt = { actor: `login:${loginKey}`, address };
    if (waitMs > 0) {
      this.audit?.recordCoalesced(`throttled ${loginKey} ${address}`, {
        ...attempt,
        action: 'login:throttled',
        details: { retryAfterMs: waitMs },
      });
      return { retryAfterMs: waitMs };
    }
    const staff = this.people.staffByLogin(login);
    let ok: boolean;
    try {
      // Verify against a dummy hash for unknown logins so timing does not reveal them.
      ok = await verifySecret(secret, staff?.secretHash ?? DUMMY_HASH);
    } catch (error) {
      this.byLogin.settle(loginKey, now, 'released');
      this.byAddress.settle(address, now, 'released');
      throw error;
    }
    if (!staff || !staff.active || !ok) {
      this.byLogin.settle(loginKey, now, 'failed');
      this.byAddress.settle(address, now, 'failed');
      this.audit?.record({
        ...attempt,
        action: 'login:failed',
        details: { knownLogin: staff !== undefined },
      });
      return 'bad-credentials';
    }
    this.byLogin.settle(loginKey, now, 'succeeded');
    this.byAddress.settle(address, now, 'released');
    const placed = loginDesk(terminal?.deskId, requestedDesk as DeskId | undefined, staff.deskId);
    if ('refused' in placed) {
      this.audit?.record({
        actor: `staff:${staff.id}`,
        action: 'login:refused',
        target: `desk:${requestedDesk ?? ''}`,
        details: { reason: 'terminal-desk', terminal: terminal?.id ?? null },
        address,
      });
      return 'wrong-terminal-desk';
    }
    const { deskId } = placed;
    const desk = deskId ? this.placement.desk(deskId) : undefined;
    if (deskId && !desk) return 'unknown-desk';
    const membership = { roles: staff.roles, organisationIds: this.placement.organisationsOf(staff.id) };
    if (desk && !mayWorkAtDesk(membership, desk)) {
      this.audit?.record({
        actor: `staff:${staff.id}`,
        action: 'login:refused',
        target: `desk:${deskId ?? ''}`,
        details: { reason: 'organisation', deskOrganisation: desk.organisationId },
        address,
      });
      return 'other-organisation';
    }
    // A session at a desk acts on its visitors, so it must belong to whoever works there.
    const colleague = deskId
      ? deskHeldByColleague(this.placement.deskState(deskId), { staffId: staff.id, roles: staff.roles })
      : undefined;
    if (colleague) {
      this.audit?.record({
        actor: `staff:${staff.id}`,
        action: 'login:refused',
        target: `desk:${deskId ?? ''}`,
        details: { reason: 'desk-occupied', operator: colleague },
        address,
      });
      return 'desk-occupied';
    }
    this.audit?.record({
      actor: `staff:${staff.id}`,
      action: 'login',
      ...(deskId ? { target: `desk:${deskId}` } : {}),
      ...(terminal ? { details: { terminal: terminal.id } } : {}),
      address,
    });
    const token = newToken();
    const expiresAt = (now + SESSION_HOURS * 3_600_000) as Instant;
    this.people.addSession(
      hashToken(token),
      { staffId: staff.id, ...(deskId ? { deskId } : {}), expiresAt },
      now,
    );
    if (terminal) {
      this.terminals?.devices.bindSession(hashToken(token), terminal.id);
      this.terminals?.devices.touch(terminal.id, now);
    }
    return { token, principal: staffPrincipal(staff, deskId), expiresAt };
  }

  /** The paired desk terminal a login is made on; `undefined` where none is needed. */
  private terminalFor(
    token: string | undefined,
    address: string,
  ): { readonly id: string; readonly deskId?: DeskId } | 'unpaired' | undefined {
    if (!this.terminals) return undefined;
    const device = token ? this.terminals.devices.deviceByTokenHash(hashToken(token)) : undefined;
    if (device && device.role === 'desk' && device.revokedAt === undefined) {
      return { id: device.id, ...(device.deskId ? { deskId: device.deskId } : {}) };
    }
    return token || !this.terminals.unpairedLoginsFrom(address) ? 'unpaired' : undefined;
  }

  /** Whether a live connection's credential (by its hash) still holds at `now`. */
  stillValid(tokenHash: string, now: Instant): boolean {
    const device = this.people.deviceByTokenHash(tokenHash);
    if (device) return device.revokedAt === undefined;
    const session = this.people.sessionByTokenHash(tokenHash);
    return session !== undefined && session.expiresAt > now;
  }

  /** End a session; returns its token's hash so its live connections can be closed. */
  logout(token: string, address?: string): string {
    const tokenHash = hashToken(token);
    const session = this.people.sessionByTokenHash(tokenHash);
    this.people.deleteSession(tokenHash);
    if (session) {
      this.audit?.record({
        actor: `staff:${session.staffId}`,
        action: 'logout',
        ...(session.deskId ? { target: `desk:${session.deskId}` } : {}),
        ...(address ? { address } : {}),
      });
    }
    return tokenHash;
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
