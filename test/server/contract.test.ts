/**
 * The contract table is what the server runs: every event in it has a handler, refusals for
 * a role come from the table, and anything else is an unknown event.
 */
import { CLIENT_EVENTS } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, type RecordingSocket, type TestServer, startServer } from './harness';

type Emit = (
  event: string,
  payload: unknown,
) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

describe('the executable contract', () => {
  let server: TestServer;
  let admin: RecordingSocket;
  let display: RecordingSocket;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin', 'desk-1')).token);
    display = await server.connect(DISPLAY_TOKEN);
  });
  afterAll(async () => {
    await server.close();
  });

  it('has a handler for every event in the table', async () => {
    for (const name of Object.keys(CLIENT_EVENTS)) {
      const answer = await (admin.emitWithAck as unknown as Emit)(name, { notAField: true });
      expect(answer.ok, name).toBe(false);
      expect(answer.error?.code, name).toBe('BAD_REQUEST');
      expect(answer.error?.message, name).not.toMatch(/^Unknown event/);
    }
  });

  it('refuses a board the events the table gives only to others, from the table itself', async () => {
    // The events without a payload: the schema passes, so only the role can refuse them.
    const bare = Object.entries(CLIENT_EVENTS).filter(
      ([, rule]) =>
        rule.senders !== 'anyone' && !rule.senders.includes('display') && rule.payload.safeParse({}).success,
    );
    expect(bare.length).toBeGreaterThanOrEqual(5);
    for (const [name] of bare) {
      const answer = await (display.emitWithAck as unknown as Emit)(name, {});
      expect(answer, name).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: `Your role may not send ${name}.` },
      });
    }
  });

  it('answers an event outside the table as unknown', async () => {
    const answer = await (admin.emitWithAck as unknown as Emit)('ticket:teleport', {});
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Unknown event: ticket:teleport.' },
    });
  });
});
