/**
 * Browser sessions for the city's staff pages: the live view's EventSource cannot send an
 * Authorization header, so `POST /api/hub/session {token}` trades the administrator's token
 * for a random session id in an HttpOnly, SameSite=Strict cookie. Sessions live in this hub's
 * memory for 12 hours; a restart asks for the token again.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'hub_session';
const LIFETIME_MS = 12 * 3_600_000;
const MAX_SESSIONS = 1_000;

export class SessionStore {
  private readonly sessions = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  open(): { id: string; cookie: string } {
    this.prune();
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, this.now() + LIFETIME_MS);
    return {
      id,
      cookie: `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${LIFETIME_MS / 1000}`,
    };
  }

  close(request: IncomingMessage): string {
    const id = sessionIdOf(request);
    if (id) this.sessions.delete(id);
    return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
  }

  valid(request: IncomingMessage): boolean {
    const id = sessionIdOf(request);
    if (!id) return false;
    const until = this.sessions.get(id);
    if (until === undefined) return false;
    if (until < this.now()) {
      this.sessions.delete(id);
      return false;
    }
    return true;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, until] of this.sessions) if (until < now) this.sessions.delete(id);
  }
}

const sessionIdOf = (request: IncomingMessage): string | undefined => {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
};
