/**
 * Power-cut safety: kill the server process mid-burst with SIGKILL and start it again on
 * the same file. Every ticket a kiosk was told about must still exist, no number may be
 * given twice, and numbering goes on from the highest number issued.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Ticket } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChildServer,
  type ClientSocket,
  KIOSK_TOKEN,
  WEEKDAY_10AM,
  clientsFor,
  okData,
  rid,
  spawnServer,
  tempDir,
} from './harness';
import { ticketsOf } from '@queue/core';

const KIOSKS = 3;
const KILL_AFTER_ACKS = 150;
const SERVICES = [
  { code: 'bill-reconcile', prefix: 'А' },
  { code: 'doc-household', prefix: 'Д' },
] as const;

interface Sent {
  readonly requestId: string;
  readonly serviceCode: string;
}

describe('crash safety', () => {
  const dir = tempDir('crash');
  const databaseFile = join(dir, 'queue.sqlite');
  let server: ChildServer | undefined;
  const clients = clientsFor(() => server?.url ?? 'http://127.0.0.1:1');

  afterAll(async () => {
    clients.closeSockets();
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged ticket through a SIGKILL and numbers on', { timeout: 60_000 }, async () => {
    server = await spawnServer(databaseFile, new Date(WEEKDAY_10AM).toISOString());
    const first = server;
    const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => clients.connect(KIOSK_TOKEN)));

    const acked: IssuedTicket[] = [];
    const unanswered: Sent[] = [];
    let killed = false;
    const burst = async (kiosk: ClientSocket, index: number): Promise<void> => {
      for (let count = 0; ; count += 1) {
        const sent: Sent = {
          requestId: rid(`k${index}`),
          serviceCode: SERVICES[(index + count) % SERVICES.length]?.code ?? 'bill-reconcile',
        };
        let answer;
        try {
          answer = await kiosk.timeout(5_000).emitWithAck('ticket:issue', sent);
        } catch {
          // The server died with this request in flight: it may or may not have been carried out.
          unanswered.push(sent);
          return;
        }
        if (!answer.ok) throw new Error(`refused: ${answer.error.code} ${answer.error.message}`);
        acked.push(answer.data);
        if (acked.length >= KILL_AFTER_ACKS && !killed) {
          // Kill a moment later, unrelated to any one answer, so that requests are caught at
          // every stage: unsent, being committed, committed but not yet acknowledged.
          killed = true;
          setTimeout(() => first.child.kill('SIGKILL'), Math.random() * 5);
        }
      }
    };
    await Promise.all(kiosks.map((kiosk, index) => burst(kiosk, index)));
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    const ackedNumbers = acked.map((issued) => issued.ticket.number);
    expect(new Set(ackedNumbers).size).toBe(ackedNumbers.length);
    clients.closeSockets();

    // Start again on the same file, a minute later on the same day.
    server = await spawnServer(databaseFile, new Date(WEEKDAY_10AM + 60_000).toISOString());
    const { token } = await clients.login('supervisor', '2222');
    const staff = await clients.connect(token);
    const snapshot = await okData(staff.emitWithAck('sync:snapshot', {}));
    const tickets: Ticket[] = snapshot.queue ? ticketsOf(snapshot.queue) : [];
    const byNumber = new Map(tickets.map((ticket) => [ticket.number, ticket]));
    expect(byNumber.size).toBe(tickets.length);

    // Every acknowledged ticket survived, with the id the kiosk was given.
    for (const issued of acked) {
      expect(byNumber.get(issued.ticket.number)?.id, issued.ticket.number).toBe(issued.ticket.id);
    }
    // Nothing else besides the acknowledged ones and at most the requests that were in flight.
    expect(tickets.length).toBeGreaterThanOrEqual(acked.length);
    expect(tickets.length).toBeLessThanOrEqual(acked.length + unanswered.length);

    // Looked up one by one, as a desk would.
    for (const issued of [acked[0], acked.at(-1)]) {
      if (!issued) continue;
      const found = await okData(staff.emitWithAck('ticket:find', { number: issued.ticket.number }));
      expect(found.map((ticket) => ticket.id)).toEqual([issued.ticket.id]);
    }

    // Within each prefix the numbers run 1..n without gaps: each commit was whole or nothing.
    const highest = new Map<string, number>();
    for (const { prefix } of SERVICES) {
      const sequences = tickets
        .filter((ticket) => ticket.prefix === prefix)
        .map((ticket) => ticket.sequence)
        .sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, index) => index + 1));
      highest.set(prefix, sequences.at(-1) ?? 0);
    }

    // Retrying the requests whose answers were lost is safe: a request that was carried out
    // gets its ticket back, one that was not gets a new number.
    const kiosk = await clients.connect(KIOSK_TOKEN);
    const knownIds = new Set(tickets.map((ticket) => ticket.id));
    for (const sent of unanswered) {
      const retried = await okData(kiosk.emitWithAck('ticket:issue', sent));
      const existing = byNumber.get(retried.ticket.number);
      if (existing) {
        expect(retried.ticket.id).toBe(existing.id);
      } else {
        expect(knownIds.has(retried.ticket.id)).toBe(false);
        const prefix = retried.ticket.prefix;
        const next = (highest.get(prefix) ?? 0) + 1;
        expect(retried.ticket.sequence).toBe(next);
        highest.set(prefix, next);
        byNumber.set(retried.ticket.number, retried.ticket);
      }
    }

    // New tickets continue after the highest number of each prefix.
    for (const { code, prefix } of SERVICES) {
      const issued = await okData(
        kiosk.emitWithAck('ticket:issue', { requestId: rid('after'), serviceCode: code }),
      );
      const next = (highest.get(prefix) ?? 0) + 1;
      expect(issued.ticket.number).toBe(`${prefix}-${String(next).padStart(3, '0')}`);
      expect(byNumber.has(issued.ticket.number)).toBe(false);
    }

    // A clean stop this time.
    const second = server;
    second.child.kill('SIGTERM');
    await second.exited;
    expect(second.child.exitCode).toBe(0);
  });
});
