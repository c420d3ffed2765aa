/**
 * An acknowledged appeal survives a power cut: the server process is killed with SIGKILL
 * right after registering answered, and started again on the same file. The appeal is
 * there with its number and history, a retry of the same request finds it instead of
 * registering another, and numbering goes on after it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildServer, WEEKDAY_10AM, clientsFor, okData, rid, spawnServer, tempDir } from './harness';

describe('appeals through a crash', () => {
  const dir = tempDir('appeal-crash');
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

  it('keeps an acknowledged appeal through a SIGKILL', { timeout: 60_000 }, async () => {
    const start = new Date(WEEKDAY_10AM).toISOString();
    server = await spawnServer(databaseFile, start);
    const supervisor = await clients.connect((await clients.login('supervisor', '2222')).token);
    const payload = {
      requestId: rid('crash'),
      channel: 'phone' as const,
      topic: { organisationId: 'gas' },
      summary: 'Запах газу',
      text: 'У під’їзді пахне газом.',
      applicant: { name: 'Марія Шевчук', phone: '+380 50 000 11 22' },
    };
    const registered = await okData(supervisor.emitWithAck('appeal:register', payload));
    // The answer is in hand: cut the power now.
    server.child.kill('SIGKILL');
    await server.exited;
    clients.closeSockets();

    server = await spawnServer(databaseFile, start);
    const again = await clients.connect((await clients.login('supervisor', '2222')).token);
    const details = await okData(again.emitWithAck('appeal:get', { appealId: registered.appeal.id }));
    expect(details.appeal).toMatchObject({
      number: registered.appeal.number,
      trackingCode: registered.appeal.trackingCode,
      status: 'registered',
      applicant: payload.applicant,
    });
    expect(details.history.map((entry) => entry.type)).toEqual(['appeal-registered']);
    const retried = await okData(again.emitWithAck('appeal:register', payload));
    expect(retried.appeal.id).toBe(registered.appeal.id);
    const next = await okData(again.emitWithAck('appeal:register', { ...payload, requestId: rid('next') }));
    expect(next.appeal.number).toBe('2026/2');
  });
});
