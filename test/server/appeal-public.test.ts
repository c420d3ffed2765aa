/**
 * The applicant's public appeals endpoints on a real server: the form's options, filing an
 * appeal online (number, tracking code, link, QR, due day), following it by its code without
 * any personal data before and after staff answer it over the socket (a refusal names the
 * higher body), dismissal grounds, schema refusals, unknown codes and the rate limits.
 */
import type { AppealOptions, FiledAppealWithQr, PublicAppealView } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APPEAL_READ_LIMIT,
  APPEAL_WRITE_LIMIT,
  APPEAL_WRITE_WINDOW_MS,
} from '../../apps/server/src/appeals/appeal-http';
import { type TestServer, okData, rid, startServer } from './harness';

const APPLICANT = {
  name: 'Олена Петренко',
  phone: '+380671234567',
  email: 'olena.petrenko@example.com',
  address: 'вул. Садова, 12, кв. 5, Київ',
};

const BODY = {
  topic: { organisationId: 'passport', serviceCode: 'doc-residence' },
  summary: 'Не зареєстрували місце проживання',
  text: 'Прошу пояснити, чому мені відмовили в реєстрації місця проживання 20 листопада.',
  applicant: APPLICANT,
  language: 'uk',
};

/** No trace of the applicant's personal data in a public answer. */
const expectNoPersonalData = (answer: unknown): void => {
  const json = JSON.stringify(answer);
  for (const value of Object.values(APPLICANT)) expect(json).not.toContain(value);
  for (const key of ['applicant', '"name":"Олена', 'phone', 'email', 'address'])
    expect(json).not.toContain(key);
};

describe('public appeals', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as {
        ok: boolean;
        data: T;
        error: { code: string; message: string };
      },
    };
  };

  const file = (body: unknown = BODY) => call<FiledAppealWithQr>('POST', '/api/appeal', body);
  const follow = (code: string) => call<PublicAppealView>('GET', `/api/appeal/${code}`);

  /** A supervisor's socket and the appeal's id, found in the journal by its tracking code. */
  const staffFor = async (trackingCode: string) => {
    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    const list = await okData(supervisor.emitWithAck('appeal:list', { search: trackingCode }));
    expect(list.appeals).toHaveLength(1);
    const appeal = list.appeals[0]!;
    expect(appeal.channel).toBe('online');
    // Staff with the right see who wrote it; the public never does.
    expect(appeal.applicant?.name).toBe(APPLICANT.name);
    return { supervisor, appealId: appeal.id };
  };

  it('offers the organisations and their services in the asked language', async () => {
    const options = await call<AppealOptions>('GET', '/api/appeal/options?lang=en');
    expect(options.status).toBe(200);
    const passport = options.body.data.organisations.find((entry) => entry.id === 'passport');
    expect(passport?.name).toBe('Passport office');
    expect(passport?.services).toContainEqual({ code: 'doc-residence', name: 'Registration of residence' });
    const uk = await call<AppealOptions>('GET', '/api/appeal/options?lang=uk');
    expect(uk.body.data.organisations.find((entry) => entry.id === 'passport')?.name).toBe('Паспортний стіл');
  });

  it('files an appeal online and answers its number, code, link, QR and due day', async () => {
    const filed = await file();
    expect(filed.status).toBe(201);
    const data = filed.body.data;
    expect(data.number).toMatch(/^2026\/\d+$/);
    expect(data.trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(data.trackingUrl).toBe(new URL(`/a/${data.trackingCode}`, data.trackingUrl).href);
    expect(data.trackingUrl.endsWith(`/a/${data.trackingCode}`)).toBe(true);
    expect(data.answerDueDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.answerDueDay > '2026-11-24').toBe(true);
    expect(data.qr).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expectNoPersonalData(data);

    const view = await follow(data.trackingCode);
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({
      number: data.number,
      status: 'registered',
      receivedDay: '2026-11-24',
      answerDueDay: data.answerDueDay,
      extended: false,
    });
    expect(view.body.data.organisation?.uk).toBe('Паспортний стіл');
    expectNoPersonalData(view.body);
    // Codes are read in any case.
    expect((await follow(data.trackingCode.toLowerCase())).status).toBe(200);
  });

  it('shows the answer once staff give it, with the higher body for a refusal, and still no personal data', async () => {
    const { trackingCode } = (await file()).body.data;
    const { supervisor, appealId } = await staffFor(trackingCode);
    await okData(supervisor.emitWithAck('appeal:classify', { requestId: rid(), appealId, appealClass: 'B' }));
    await okData(
      supervisor.emitWithAck('appeal:assign', {
        requestId: rid(),
        appealId,
        organisationId: 'passport',
        staffId: 'supervisor',
      }),
    );
    const assigned = await follow(trackingCode);
    expect(assigned.body.data.status).toBe('assigned');
    expectNoPersonalData(assigned.body);

    await okData(
      supervisor.emitWithAck('appeal:answer', {
        requestId: rid(),
        appealId,
        result: 'У реєстрації відмовлено: бракувало довідки про право власності.',
        favour: 'organisation',
      }),
    );
    const answered = await follow(trackingCode);
    expect(answered.status).toBe(200);
    expect(answered.body.data.status).toBe('answered');
    expect(answered.body.data.closedAt).toBeTypeOf('number');
    expect(answered.body.data.answer).toMatchObject({
      result: 'У реєстрації відмовлено: бракувало довідки про право власності.',
      favour: 'organisation',
      higherBody: {
        name: { en: 'City Office of the State Consumer Protection Service' },
        contact: expect.stringContaining('consumer@example.gov.ua') as unknown,
      },
    });
    expectNoPersonalData(answered.body);
    // Nor the staff's names.
    expect(JSON.stringify(answered.body)).not.toContain('Керівник зміни');
  });

  it('shows the ground an appeal was closed on without an answer on the merits', async () => {
    const { trackingCode } = (await file()).body.data;
    const { supervisor, appealId } = await staffFor(trackingCode);
    await okData(supervisor.emitWithAck('appeal:classify', { requestId: rid(), appealId, appealClass: 'A' }));
    await okData(
      supervisor.emitWithAck('appeal:assign', {
        requestId: rid(),
        appealId,
        organisationId: 'passport',
        staffId: 'supervisor',
      }),
    );
    await okData(supervisor.emitWithAck('appeal:dismiss', { requestId: rid(), appealId, ground: 'repeat' }));
    const view = await follow(trackingCode);
    expect(view.body.data).toMatchObject({ status: 'dismissed', dismissedOn: 'repeat' });
    expect(view.body.data.answer).toBeUndefined();
    expectNoPersonalData(view.body);
  });

  it('refuses a body that fails the schema with 400 and what was wrong', async () => {
    const noContact = await file({ ...BODY, applicant: { name: APPLICANT.name } });
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.code).toBe('BAD_REQUEST');
    expect(noContact.body.error.message).toMatch(/applicant/);
    expect(noContact.body.error.message).toMatch(/so that the answer can reach you/);

    const badPhone = await file({ ...BODY, applicant: { name: APPLICANT.name, phone: 'call me' } });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toMatch(/applicant\.phone/);

    const noText = await file({ ...BODY, text: '   ' });
    expect(noText.status).toBe(400);
    expect(noText.body.error.message).toMatch(/text/);

    const extra = await file({ ...BODY, channel: 'in-person' });
    expect(extra.status).toBe(400);

    const notJson = await fetch(`${server.url}/api/appeal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"topic":',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses a topic the centre does not have', async () => {
    const unknownOrganisation = await file({ ...BODY, topic: { organisationId: 'nowhere' } });
    expect(unknownOrganisation.status).toBe(400);
    expect(unknownOrganisation.body.error.code).toBe('UNKNOWN_ORGANISATION');
    const otherService = await file({
      ...BODY,
      topic: { organisationId: 'water', serviceCode: 'doc-residence' },
    });
    expect(otherService.status).toBe(400);
  });

  it('answers 404 NOT_FOUND for an unknown or malformed code', async () => {
    const unknown = await follow('ABCDEFGH');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    for (const bad of ['short', 'ABCDEFGHJ', 'ABCDEFG1', '%3Cscript%3E']) {
      const malformed = await follow(bad);
      expect(malformed.status).toBe(404);
      expect(malformed.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('limits filing per address tightly, and reads per address, with 429 RATE_LIMITED and Retry-After', async () => {
    for (let count = 0; count < APPEAL_WRITE_LIMIT; count += 1) expect((await file()).status).toBe(201);
    const refused = await file();
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.retryAfter).toBe(String(APPEAL_WRITE_WINDOW_MS / 1000));

    // Reads go on until their own limit (the writes counted as reads too).
    let status = 200;
    let made = APPEAL_WRITE_LIMIT + 1;
    let last: Awaited<ReturnType<typeof follow>> | undefined;
    while (status !== 429 && made <= APPEAL_READ_LIMIT) {
      last = await follow('ABCDEFGH');
      status = last.status;
      made += 1;
    }
    expect(status).toBe(429);
    expect(made).toBe(APPEAL_READ_LIMIT + 1);
    expect(last?.body.error.code).toBe('RATE_LIMITED');
    expect(last?.retryAfter).toBe('60');
  });

  it('serves the pages in the asked language', async () => {
    for (const path of ['/appeal', '/a/ABCDEFGH', '/a']) {
      const response = await fetch(`${server.url}${path}?lang=ru`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<html lang="ru">');
      expect(html).toContain('Письменное обращение');
      expect(html).toMatch(/src="\/book-app\/assets\/appeal-[^"]+\.js"/);
    }
  });
});
