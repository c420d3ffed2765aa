/**
 * Who is on the other end of a connection: a staff member with a login session, or a
 * paired device with its token. Every socket and every privileged HTTP call goes through
 * `authenticate`; roles are then checked per command.
 */
import type { DeskId, Instant } from '@queue/core';
import type { PeopleStore, StaffRecord } from '@queue/db';
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
    private readonly knownDesks: (id: string) => boolean,
    /** Logins, failures, back-offs and logouts go to the audit log. */
    private readonly audit?: Auditor,
  ) {}

  authenticate(token: unknown, now: Instant): Principal | undefined {
    if (typeof token !== 'string' || token.length < 16 || token.length > 256) return undefined;
    const tokenHash = hashToken(token);
    const device = this.people.deviceByTokenHash(tokenHash);
    if (device) {
      return device.revokedAt === undefined
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
  ): Promise<LoginAnswer | 'bad-credentials' | 'unknown-desk' | { readonly retryAfterMs: number }> {
    const loginKey = login.toLowerCase();
    const waitMs = Math.max(this.byLogin.waitMs(loginKey, now), this.byAddress.waitMs(address, now));
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
    // Verify against a dummy hash for unknown logins so timing does not reveal them.
    const ok = await verifySecret(secret, staff?.secretHash ?? DUMMY_HASH);
    if (!staff || !staff.active || !ok) {
      this.byLogin.fail(loginKey, now);
      this.byAddress.fail(address, now);
      this.audit?.record({
        ...attempt,
        action: 'login:failed',
        details: { knownLogin: staff !== undefined },
      });
      return 'bad-credentials';
    }
    this.byLogin.succeed(loginKey);
    const deskId = (requestedDesk ?? staff.deskId) as DeskId | undefined;
    if (deskId && !this.knownDesks(deskId)) return 'unknown-desk';
    this.audit?.record({
      actor: `staff:${staff.id}`,
      action: 'login',
      ...(deskId ? { target: `desk:${deskId}` } : {}),
      address,
    });
    const token = newToken();
    const expiresAt = (now + SESSION_HOURS * 3_600_000) as Instant;
    this.people.addSession(
      hashToken(token),
      { staffId: staff.id, ...(deskId ? { deskId } : {}), expiresAt },
      now,
    );
    return { token, principal: staffPrincipal(staff, deskId), expiresAt };
  }

  logout(token: string, address?: string): void {
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
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
