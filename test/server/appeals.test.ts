/**
 * The appeals journal through a real server and real sockets: an appeal registered from a
 * visit, handed over, taken, extended and answered; the organisation scoping and the roles
 * refused by the server itself (not only hidden on screens); personal data shown only to
 * those who may see it; a retried registration registering one appeal; the rules' refusals
 * arriving as typed codes; and the terms following the site's calendar.
 */
import type { StaffAppeal } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, type RecordingSocket, type TestServer, okData, rid, startServer } from './harness';

const APPLICANT = {
  name: 'Олена Коваль',
  address: 'вул. Садова, 3, кв. 7',
  phone: '+380 67 123 45 67',
  email: 'olena@example.com',
};

const register = (socket: RecordingSocket, extra: Record<string, unknown> = {}) =>
  socket.emitWithAck('appeal:register', {
    requestId: rid('appeal'),
    channel: 'in-person',
    topic: { organisationId: 'heat', serviceCode: 'heat-consult' },
    summary: 'Немає опалення',
    text: 'Радіатори холодні з понеділка, у під’їзді № 3.',
    applicant: APPLICANT,
    ...extra,
  });

describe('appeals journal', () => {
  let server: TestServer;
  let admin: RecordingSocket;
  let supervisor: RecordingSocket;
  let operator: RecordingSocket;
  let heat: RecordingSocket;
  let water: RecordingSocket;
  let callCentre: RecordingSocket;
  let kiosk: RecordingSocket;
  let heatId: string;

  const account = async (login: string, roles: string[], organisationIds: string[]) =>
    okData(
      admin.emitWithAck('staff:save', {
        requestId: rid('staff'),
        login,
        name: `Працівник ${login}`,
        roles: roles as never,
        organisationIds,
        active: true,
        secret: 'secret-123456',
      }),
    );
  const connectAs = async (login: string, secret: string, deskId?: string) =>
    server.connect((await server.login(login, secret, deskId)).token);

  beforeAll(async () => {
    server = await startServer();
    admin = await connectAs('admin', 'admin');
    heatId = (await account('heat1', ['operator'], ['heat'])).id;
    await account('water1', ['operator'], ['water']);
    await account('call1', ['call-centre'], []);
    supervisor = await connectAs('supervisor', '2222');
    operator = await connectAs('operator1', '1111', 'desk-1');
    heat = await connectAs('heat1', 'secret-123456');
    water = await connectAs('water1', 'secret-123456');
    callCentre = await connectAs('call1', 'secret-123456');
    kiosk = await server.connect(KIOSK_TOKEN);
  });

  afterAll(async () => {
    await server.close();
  });

  it('registers from a visit, hands over, extends and answers, with every step in the history', async () => {
    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile', language: 'uk' }),
    );
    await okData(operator.emitWithAck('desk:open', { requestId: rid() }));
    await okData(operator.emitWithAck('visit:call-next', { requestId: rid() }));

    const registered = await okData(register(operator, { ticketId: issued.ticket.id, language: 'uk' }));
    const appeal = registered.appeal;
    expect(appeal.number).toBe('2026/1');
    expect(appeal.trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(appeal).toMatchObject({ status: 'registered', channel: 'in-person', ticketId: issued.ticket.id });
    // Registered on Tuesday 24 November 2026: hand-over by the 25th, an answer by 4 December.
    expect(appeal).toMatchObject({ receivedDay: '2026-11-24', classifyDueDay: '2026-11-25' });
    expect(appeal.answerDueDay).toBe('2026-12-04');
    expect(appeal.finalDueDay).toBe('2026-12-15');
    // The registrant sees what they typed; the tracking link is on the answer.
    expect(appeal.applicant).toEqual(APPLICANT);
    expect(registered.trackingUrl).toMatch(new RegExp(`/a/${appeal.trackingCode}$`));

    await okData(
      callCentre.emitWithAck('appeal:classify', { requestId: rid(), appealId: appeal.id, appealClass: 'B' }),
    );
    const assigned = await okData(
      callCentre.emitWithAck('appeal:assign', {
        requestId: rid(),
        appealId: appeal.id,
        organisationId: 'heat',
        staffId: heatId,
      }),
    );
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignee: { organisationId: 'heat', staffId: heatId },
    });

    const taken = await okData(heat.emitWithAck('appeal:take', { requestId: rid(), appealId: appeal.id }));
    expect(taken.status).toBe('in-progress');
    const extended = await okData(
      heat.emitWithAck('appeal:extend', {
        requestId: rid(),
        appealId: appeal.id,
        reason: 'Потрібне обстеження',
      }),
    );
    expect(extended.answerDueDay).toBe('2026-12-14');
    expect(extended.extension?.previousDueDay).toBe('2026-12-04');
    const again = await heat.emitWithAck('appeal:extend', {
      requestId: rid(),
      appealId: appeal.id,
      reason: 'Ще раз',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_EXTENDED' } });

    const answered = await okData(
      heat.emitWithAck('appeal:answer', {
        requestId: rid(),
        appealId: appeal.id,
        result: 'Опалення відновлено, зроблено перерахунок',
        favour: 'applicant',
      }),
    );
    expect(answered).toMatchObject({
      status: 'answered',
      resolution: { kind: 'answered', favour: 'applicant' },
    });

    const details = await okData(heat.emitWithAck('appeal:get', { appealId: appeal.id }));
    expect(details.history.map((entry) => entry.type)).toEqual([
      'appeal-registered',
      'appeal-classified',
      'appeal-assigned',
      'appeal-taken',
      'appeal-extended',
      'appeal-answered',
    ]);
    expect(details.history.at(-1)?.byName).toBe('Працівник heat1');
    expect(details.appeal.applicant).toEqual(APPLICANT);
  });

  it('shows personal data only to the organisation, the assignee and supervisors', async () => {
    const mine = await okData(heat.emitWithAck('appeal:list', { mine: true }));
    expect(mine.total).toBe(1);
    expect(mine.appeals[0]?.applicant?.name).toBe(APPLICANT.name);

    const seenByOthers: StaffAppeal[] = [
      ...(await okData(water.emitWithAck('appeal:list', {}))).appeals,
      ...(await okData(operator.emitWithAck('appeal:list', {}))).appeals,
      ...(await okData(callCentre.emitWithAck('appeal:list', {}))).appeals,
    ];
    expect(seenByOthers.length).toBeGreaterThan(0);
    for (const appeal of seenByOthers) {
      expect(appeal.applicant).toBeUndefined();
      expect(appeal.applicantHidden).toBe(true);
      expect(JSON.stringify(appeal)).not.toContain(APPLICANT.phone);
    }
    const supervised = await okData(supervisor.emitWithAck('appeal:list', {}));
    expect(supervised.appeals[0]?.applicant?.email).toBe(APPLICANT.email);
  });

  it('refuses other organisations, the wrong roles and illegal steps on the server', async () => {
    const { appeal } = await okData(register(callCentre, { channel: 'phone' }));
    expect(appeal.number).toBe('2026/2');
    // Answer before assignment.
    const early = await supervisor.emitWithAck('appeal:answer', {
      requestId: rid(),
      appealId: appeal.id,
      result: 'x',
      favour: 'applicant',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_ASSIGNED' } });
    // A class-A appeal is not extended; only class C is forwarded.
    await okData(
      supervisor.emitWithAck('appeal:classify', { requestId: rid(), appealId: appeal.id, appealClass: 'A' }),
    );
    await okData(
      supervisor.emitWithAck('appeal:assign', {
        requestId: rid(),
        appealId: appeal.id,
        organisationId: 'heat',
      }),
    );
    expect(
      await heat.emitWithAck('appeal:extend', { requestId: rid(), appealId: appeal.id, reason: 'reason' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_EXTENDABLE' } });
    expect(
      await heat.emitWithAck('appeal:forward', { requestId: rid(), appealId: appeal.id, body: 'Region' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_CLASS_C' } });
    // Another organisation's specialist, and an operator of none, may not work it.
    for (const outsider of [water, operator]) {
      expect(
        await outsider.emitWithAck('appeal:take', { requestId: rid(), appealId: appeal.id }),
      ).toMatchObject({
        ok: false,
        error: { code: 'OTHER_ORGANISATION' },
      });
    }
    // Only someone who works appeals for the organisation can be named for it.
    const waterStaff = (await okData(admin.emitWithAck('staff:list', {}))).find(
      (entry) => entry.login === 'water1',
    );
    expect(
      await supervisor.emitWithAck('appeal:assign', {
        requestId: rid(),
        appealId: appeal.id,
        organisationId: 'heat',
        staffId: waterStaff?.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    // A refusal names the higher body from the organisation's settings.
    const refused = await okData(
      heat.emitWithAck('appeal:answer', {
        requestId: rid(),
        appealId: appeal.id,
        result: 'Нарахування правильне',
        favour: 'organisation',
      }),
    );
    expect(refused.resolution).toMatchObject({
      favour: 'organisation',
      higherBody: { contact: expect.any(String) },
    });
    // Reopening is a supervisor's: the contract table refuses anyone else's role.
    expect(
      await heat.emitWithAck('appeal:reopen', { requestId: rid(), appealId: appeal.id, reason: 'new facts' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const reopened = await okData(
      supervisor.emitWithAck('appeal:reopen', {
        requestId: rid(),
        appealId: appeal.id,
        reason: 'Нові факти',
      }),
    );
    expect(reopened).toMatchObject({ status: 'assigned', reopened: 1 });
    expect(reopened.resolution).toBeUndefined();
    // The kiosk is no member of staff at all.
    expect(await register(kiosk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The report is for supervisors and administrators.
    expect(
      await heat.emitWithAck('appeal:report', { from: '2026-11-01', to: '2026-11-30', dimension: 'total' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('registers one appeal for a retried request, and a retried step acts once', async () => {
    const requestId = rid('retry');
    const payload = {
      requestId,
      channel: 'email' as const,
      topic: { organisationId: 'water' },
      summary: 'Лічильник',
      text: 'Прошу повірити лічильник.',
      applicant: { name: 'Іван Петренко', email: 'ivan@example.com' },
    };
    const [first, second] = await Promise.all([
      okData(callCentre.emitWithAck('appeal:register', payload)),
      okData(callCentre.emitWithAck('appeal:register', payload)),
    ]);
    expect(second.appeal.id).toBe(first.appeal.id);
    const third = await okData(callCentre.emitWithAck('appeal:register', payload));
    expect(third.appeal.id).toBe(first.appeal.id);
    const found = await okData(supervisor.emitWithAck('appeal:list', { search: first.appeal.number }));
    expect(found.total).toBe(1);

    const classify = { requestId: rid(), appealId: first.appeal.id, appealClass: 'B' as const };
    await okData(supervisor.emitWithAck('appeal:classify', classify));
    await okData(supervisor.emitWithAck('appeal:classify', classify));
    const details = await okData(supervisor.emitWithAck('appeal:get', { appealId: first.appeal.id }));
    expect(details.history.filter((entry) => entry.type === 'appeal-classified')).toHaveLength(1);
  });

  it('marks an appeal overdue once the clock passes its answer day, and reports it', async () => {
    const { appeal } = await okData(register(callCentre, { channel: 'phone' }));
    const before = await okData(supervisor.emitWithAck('appeal:list', { urgency: 'overdue' }));
    expect(before.appeals.map((entry) => entry.id)).not.toContain(appeal.id);
    server.clock.advanceMinutes(11 * 24 * 60);
    const after = await okData(supervisor.emitWithAck('appeal:list', { urgency: 'overdue' }));
    const row = after.appeals.find((entry) => entry.id === appeal.id);
    expect(row?.urgency).toBe('overdue');
    const report = await okData(
      supervisor.emitWithAck('appeal:report', { from: '2026-11-01', to: '2026-11-30', dimension: 'total' }),
    );
    expect(report.total.received).toBe(4);
    expect(report.total.answered).toBe(1);
    expect(report.total.overdueNow).toBeGreaterThanOrEqual(2);
  });

  it('clears the personal data of appeals closed longer ago than the setting, and keeps the row', async () => {
    const closed = (await okData(supervisor.emitWithAck('appeal:list', { statuses: ['answered'] }))).appeals;
    expect(closed.length).toBeGreaterThan(0);
    // Two years on nothing is cleared; past three years the answered appeal loses its applicant.
    server.clock.at = Date.parse('2028-12-01T10:00:00+02:00');
    expect(server.app.retention.run()).toMatchObject({ appeals: 0 });
    server.clock.at = Date.parse('2029-12-10T10:00:00+02:00');
    expect(server.app.retention.run()).toMatchObject({ appeals: closed.length });
    const after = await okData(supervisor.emitWithAck('appeal:get', { appealId: closed[0]?.id ?? '' }));
    expect(after.appeal).toMatchObject({
      number: closed[0]?.number,
      status: 'answered',
      applicantPurged: true,
    });
    expect(after.appeal.applicant).toBeUndefined();
    expect(after.appeal.resolution).toMatchObject({ kind: 'answered' });
    // Open appeals keep theirs.
    const open = (await okData(supervisor.emitWithAck('appeal:list', { statuses: ['registered'] }))).appeals;
    expect(open[0]?.applicant?.name).toBeDefined();
  });
});
