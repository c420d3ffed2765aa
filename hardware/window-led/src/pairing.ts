/**
 * A driver without a token pairs like a board does: it asks the server for a pairing code
 * (as a `display`), prints the code for the administrator to approve in the desk app (tab
 * Devices), and once approved keeps the secret, which is then its device token, in the token
 * file (readable by its user only).
 */
import { hostname } from 'node:os';
import { writeFile } from 'node:fs/promises';

interface Pending {
  readonly code: string;
  readonly secret: string;
  readonly expiresAt: number;
}

const post = async (
  server: string,
  path: string,
  body: unknown,
): Promise<{ status: number; data: unknown }> => {
  const response = await fetch(new URL(path, server), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => undefined)) as { data?: unknown } | undefined;
  return { status: response.status, data: json?.data };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface PairingOptions {
  readonly server: string;
  readonly tokenFile: string;
  readonly say: (line: string) => void;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

/** Pair, keep the token in the file and return it; tries again while the server is away or a code expires. */
export const pairDriver = async ({
  server,
  tokenFile,
  say,
  pollMs = 3_000,
  signal,
}: PairingOptions): Promise<string> => {
  for (;;) {
    signal?.throwIfAborted();
    let pending: Pending | undefined;
    try {
      const answer = await post(server, '/api/pairing', {
        kind: 'display',
        hint: `window-led ${hostname()}`.slice(0, 160),
      });
      pending = answer.data as Pending | undefined;
    } catch {
      pending = undefined;
    }
    if (!pending?.secret || !pending.code) {
      say(`pairing: the server at ${server} did not answer; trying again`);
      await sleep(pollMs * 5);
      continue;
    }
    say(
      `pairing: approve code ${pending.code.slice(0, 3)} ${pending.code.slice(3)} in the desk app, tab Devices`,
    );
    for (;;) {
      signal?.throwIfAborted();
      await sleep(pollMs);
      const status = await post(server, '/api/pairing/status', { secret: pending.secret }).then(
        (answer) => (answer.data as { status?: string } | undefined)?.status,
        () => 'offline',
      );
      if (status === 'approved') {
        await writeFile(tokenFile, `${pending.secret}\n`, { mode: 0o600 });
        say(`pairing: approved; the token is kept in ${tokenFile}`);
        return pending.secret;
      }
      if (status === 'rejected' || status === 'expired' || status === undefined) break;
    }
    say('pairing: the code was refused or expired; asking for a new one');
  }
};
