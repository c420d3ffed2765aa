/**
 * The page behind the QR code on every ticket: the visitor sees their number, place and
 * wait, and the desk the moment they are called; nothing personal; unknown codes and
 * sweeping are answered with nothing useful.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATUS_PAGE_LIMIT } from '../../apps/server/src/http';
import { KIOSK_TOKEN, type TestServer, okData, rid, startServer } from './harness';

describe('ticket status page', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    return { status: response.status, html: await response.text() };
  };

  it('shows the place in the queue, then the desk when called, in the visitor’s language', async () => {
    const { token } = await server.login('reception', '0000');
    const reception = await server.connect(token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'admin-help' }));
    const issued = await okData(
      reception.emitWithAck('ticket:issue', {
        requestId: rid(),
        serviceCode: 'admin-help',
        note: 'Іваненко, кв. 12',
      }),
    );

    const waiting = await page(issued.statusPath);
    expect(waiting.status).toBe(200);
    expect(waiting.html).toContain(issued.ticket.number);
    expect(waiting.html).toContain('Перед вами: 1');
    expect(waiting.html).toContain('Допомога адміністратора');
    expect(waiting.html).not.toContain('Іваненко');

    await okData(reception.emitWithAck('desk:open', { requestId: rid() }));
    await okData(reception.emitWithAck('visit:call-next', { requestId: rid() }));
    await okData(reception.emitWithAck('visit:start', { requestId: rid(), ticketId: await firstCalled() }));
    await okData(
      reception.emitWithAck('visit:complete', { requestId: rid(), ticketId: await firstCalled() }),
    );
    await okData(reception.emitWithAck('visit:call-next', { requestId: rid() }));

    const called = await page(`${issued.statusPath}?lang=en`);
    expect(called.html).toContain('Please go to Desk 12');
    const russian = await page(issued.statusPath, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(russian.html).toContain('Вас приглашают: Окно 12');

    async function firstCalled(): Promise<string> {
      const snapshot = await okData(reception.emitWithAck('sync:snapshot', {}));
      const desk = snapshot.queue?.desks['desk-12' as never];
      return desk?.currentTicketId ?? '';
    }
  });

  it('speaks the language the ticket was taken in, unless the visitor asks for another', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'admin-help', language: 'en' }),
    );
    expect((await page(issued.statusPath)).html).toContain('Help from the administrator');
    // The phone's own language does not override the one chosen at the kiosk…
    expect((await page(issued.statusPath, { 'accept-language': 'ru-RU,ru;q=0.9' })).html).toContain(
      'Help from the administrator',
    );
    // …but the page's own language links do.
    expect((await page(`${issued.statusPath}?lang=uk`)).html).toContain('Допомога адміністратора');
  });

  it('answers unknown codes with a plain not-found page and limits sweeping', async () => {
    const unknown = await page('/t/abcdefgh12345678');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('Талон не знайдено');
    expect((await page('/t/../../etc/passwd')).status).toBe(404);

    let limited = 0;
    for (let index = 0; index < STATUS_PAGE_LIMIT + 5; index += 1) {
      if ((await page(`/t/sweep${String(index).padStart(8, '0')}`)).status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThanOrEqual(5);
  });
});
