/**
 * A desk is its operator's until it is closed: another operator cannot log in there, and a
 * session that was already there when a colleague opened the desk cannot act on that
 * colleague's visitors. The operator themselves, and supervisors, still can.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, type TestServer, okData, rid, startServer } from './harness';

const postLogin = (server: TestServer, body: unknown) =>
  fetch(`${server.url}/api/session`, { method: 'POST', body: JSON.stringify(body) });

describe('a desk worked by a colleague', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.close();
  });

  /** operator2 opens desk-2 and calls a visitor there; the ticket's id. */
  const colleagueServing = async (): Promise<string> => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile', language: 'uk' }),
    );
    const colleague = await server.connect((await server.login('operator2', '1111', 'desk-2')).token);
    await okData(colleague.emitWithAck('desk:open', { requestId: rid() }));
    const called = await okData(colleague.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(called.ticket?.id).toBe(issued.ticket.id);
    return issued.ticket.id;
  };

  it('refuses another operator a login there, with a clear answer', async () => {
    await colleagueServing();
    const refused = await postLogin(server, { login: 'operator1', secret: '1111', deskId: 'desk-2' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('DESK_OCCUPIED');
    // The operator at the desk logs in again (a restarted browser); a supervisor may step in.
    expect((await postLogin(server, { login: 'operator2', secret: '1111', deskId: 'desk-2' })).status).toBe(
      200,
    );
    expect((await postLogin(server, { login: 'supervisor', secret: '2222', deskId: 'desk-2' })).status).toBe(
      200,
    );
  });

  it("refuses commands on the colleague's visit from a session that was there before", async () => {
    // operator1 logs in at desk-2 while it is closed; operator2 then opens it.
    const early = await server.connect((await server.login('operator1', '1111', 'desk-2')).token);
    const ticketId = await colleagueServing();
    for (const [name, payload] of [
      ['visit:start', { requestId: rid(), ticketId }],
      ['visit:complete', { requestId: rid(), ticketId }],
      ['visit:recall', { requestId: rid(), ticketId }],
      ['visit:call-next', { requestId: rid() }],
      ['desk:close', { requestId: rid() }],
    ] as const) {
      const answer = await (early.emitWithAck as (event: string, body: unknown) => Promise<unknown>)(
        name,
        payload,
      );
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'DESK_OCCUPIED' } });
    }
    // The colleague's visit is untouched, and they go on serving it.
    const colleague = await server.connect((await server.login('operator2', '1111', 'desk-2')).token);
    const started = await okData(colleague.emitWithAck('visit:start', { requestId: rid(), ticketId }));
    expect(started.ticket).toMatchObject({ id: ticketId, status: 'serving' });
  });

  it('lets the next operator in once the desk is closed', async () => {
    const ticketId = await colleagueServing();
    const colleague = await server.connect((await server.login('operator2', '1111', 'desk-2')).token);
    await okData(colleague.emitWithAck('visit:start', { requestId: rid(), ticketId }));
    await okData(colleague.emitWithAck('visit:complete', { requestId: rid(), ticketId }));
    await okData(colleague.emitWithAck('desk:close', { requestId: rid() }));
    expect((await postLogin(server, { login: 'operator1', secret: '1111', deskId: 'desk-2' })).status).toBe(
      200,
    );
  });
});
