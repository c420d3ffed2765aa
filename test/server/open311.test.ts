/**
 * The Open311 GeoReport v2 endpoint end to end on a real server: discovery, services and
 * their definitions in JSON and XML, filing appeals with a partner's key (form-encoded and
 * JSON), reading them back without anyone's personal data, the partner's own reference
 * against duplicates, wrong and revoked keys, bad input and unknown ids in the
 * specification's error format. Keys are issued by an administrator over the socket.
 */
import type { IssuedPartnerKey, PartnerKeyView, StaffAppeal } from '@queue/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, type TestServer, okData, rid, startServer } from './harness';

/** A strict little XML reader for the answers: elements and text only, as the endpoint writes them. */
interface XmlNode {
  readonly name: string;
  readonly children: XmlNode[];
  text: string;
}

const unescape = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) =>
    entity === 'amp' ? '&' : entity === 'lt' ? '<' : entity === 'gt' ? '>' : entity === 'quot' ? '"' : "'",
  );

const parseXml = (source: string): XmlNode => {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!source.startsWith(declaration)) throw new Error('no XML declaration');
  let at = declaration.length;
  const readElement = (): XmlNode => {
    const open = /^<([a-z_][a-z0-9_]*)>/.exec(source.slice(at));
    if (!open?.[1]) throw new Error(`expected an element at ${at}: ${source.slice(at, at + 30)}`);
    const node: XmlNode = { name: open[1], children: [], text: '' };
    at += open[0].length;
    for (;;) {
      const close = `</${node.name}>`;
      if (source.startsWith(close, at)) {
        at += close.length;
        return node;
      }
      if (source.startsWith('</', at)) throw new Error(`mismatched close at ${at}`);
      if (source[at] === '<') {
        node.children.push(readElement());
        continue;
      }
      const end = source.indexOf('<', at);
      if (end < 0) throw new Error('unterminated text');
      const raw = source.slice(at, end);
      if (/[<>]|&(?!(amp|lt|gt|quot|apos);)/.test(raw)) throw new Error(`unescaped text: ${raw}`);
      node.text += unescape(raw);
      at = end;
    }
  };
  const root = readElement();
  if (at !== source.length) throw new Error('content after the root element');
  return root;
};

const child = (node: XmlNode, name: string): XmlNode => {
  const found = node.children.find((entry) => entry.name === name);
  if (!found) throw new Error(`no <${name}> in <${node.name}>`);
  return found;
};
const textOf = (node: XmlNode, name: string): string => child(node, name).text;

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const APPLICANT = {
  first_name: 'Олена',
  last_name: 'Петренко-Особиста',
  email: 'olena.private@example.com',
  phone: '+380671112233',
  address_string: 'вул. Таємна, 7, кв. 3',
};
const DESCRIPTION = 'Довго чекала в черзі на реєстрацію\nДругий рядок з подробицями <&> "лапки"';

describe('Open311 GeoReport v2', () => {
  let server: TestServer;
  let admin: ClientSocket;
  let apiKey: string;
  let keyView: PartnerKeyView;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  };
  const postForm = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  };
  const postJson = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  };
  const issue = (name: string, requestId = rid('key')) =>
    admin.emitWithAck('partner-key:issue', { requestId, name });

  const expectErrorJson = (body: string, code: number) => {
    const errors = JSON.parse(body) as { code: number; description: string }[];
    expect(Array.isArray(errors)).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(Object.keys(error).sort()).toEqual(['code', 'description']);
      expect(error.code).toBe(code);
      expect(error.description.length).toBeGreaterThan(0);
    }
    return errors;
  };
  const expectErrorXml = (body: string, code: number) => {
    const root = parseXml(body);
    expect(root.name).toBe('errors');
    expect(root.children.length).toBeGreaterThan(0);
    for (const error of root.children) {
      expect(error.name).toBe('error');
      expect(error.children.map((entry) => entry.name)).toEqual(['code', 'description']);
      expect(textOf(error, 'code')).toBe(String(code));
    }
  };

  beforeAll(async () => {
    server = await startServer();
    admin = await server.connect((await server.login('admin', 'admin')).token);
    const issued: IssuedPartnerKey = await okData(issue('Міський контакт-центр 1551'));
    apiKey = issued.apiKey;
    keyView = issued.key;
  });

  afterAll(async () => {
    await server.close();
  });

  describe('keys', () => {
    it('issues a long random key shown once, lists it by hash only, and refuses a retried issue', async () => {
      expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
      expect(keyView.name).toBe('Міський контакт-центр 1551');
      const listed = await okData(admin.emitWithAck('partner-key:list', {}));
      expect(listed.map((entry) => entry.id)).toContain(keyView.id);
      expect(JSON.stringify(listed)).not.toContain(apiKey);

      const requestId = rid('again');
      const first = await okData(issue('Retry partner', requestId));
      const retried = await issue('Retry partner', requestId);
      expect(retried.ok).toBe(false);
      const after = await okData(admin.emitWithAck('partner-key:list', {}));
      expect(after.filter((entry) => entry.name === 'Retry partner')).toHaveLength(1);
      expect(after.find((entry) => entry.id === first.key.id)?.revokedAt).toBeUndefined();
    });

    it('refuses the key commands to staff who are not administrators', async () => {
      const operator = await server.connect((await server.login('operator1', '1111')).token);
      const refused = await operator.emitWithAck('partner-key:issue', { requestId: rid('op'), name: 'Nope' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
      operator.close();
    });
  });

  describe('discovery and services', () => {
    it('answers the discovery document in JSON and XML', async () => {
      const json = await get('/open311/v2/discovery.json');
      expect(json.status).toBe(200);
      expect(json.type).toMatch(/^application\/json; charset=utf-8/);
      const discovery = JSON.parse(json.body) as {
        changeset: string;
        contact: string;
        key_service: string;
        endpoints: {
          specification: string;
          url: string;
          type: string;
          formats: string[];
          changeset: string;
        }[];
      };
      expect(discovery.changeset).toMatch(/Z$/);
      expect(discovery.endpoints).toEqual([
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${server.url}/open311/v2`,
          changeset: discovery.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ]);

      const xml = await get('/open311/v2/discovery.xml');
      expect(xml.type).toMatch(/^text\/xml; charset=utf-8/);
      const root = parseXml(xml.body);
      expect(root.name).toBe('discovery');
      const endpoint = child(child(root, 'endpoints'), 'endpoint');
      expect(textOf(endpoint, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(child(endpoint, 'formats').children.map((entry) => [entry.name, entry.text])).toEqual([
        ['format', 'text/xml'],
        ['format', 'application/json'],
      ]);
    });

    it('lists the centre’s services and a general topic per organisation, in the asked language', async () => {
      const json = await get('/open311/v2/services.json?lang=en');
      expect(json.status).toBe(200);
      const services = JSON.parse(json.body) as Record<string, unknown>[];
      const residence = services.find((entry) => entry.service_code === 'doc-residence');
      expect(residence).toEqual({
        service_code: 'doc-residence',
        service_name: 'Registration of residence',
        description: expect.any(String) as unknown,
        metadata: true,
        type: 'realtime',
        keywords: null,
        group: 'Passport office',
      });
      const general = services.find((entry) => entry.service_code === 'org.passport');
      expect(general).toMatchObject({ group: 'Passport office', metadata: true, type: 'realtime' });
      // A service code never has a dot, so a general topic cannot be taken for a service.
      const codes = services.map((entry) => String(entry.service_code));
      expect(new Set(codes).size).toBe(codes.length);

      const ukrainian = JSON.parse(
        (await get('/open311/v2/services.json', { 'accept-language': 'uk-UA,uk;q=0.9' })).body,
      ) as {
        service_code: string;
        service_name: string;
      }[];
      expect(ukrainian.find((entry) => entry.service_code === 'doc-residence')?.service_name).toBe(
        'Реєстрація місця проживання',
      );

      const root = parseXml((await get('/open311/v2/services.xml')).body);
      expect(root.name).toBe('services');
      expect(root.children.length).toBe(services.length);
      const first = root.children[0];
      if (!first) throw new Error('no service');
      expect(first.name).toBe('service');
      expect(first.children.map((entry) => entry.name)).toEqual([
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]);
      expect(textOf(first, 'metadata')).toBe('true');
    });

    it('defines a service’s attributes, and answers 404 for an unknown one', async () => {
      const json = await get('/open311/v2/services/org.passport.json');
      expect(json.status).toBe(200);
      const definition = JSON.parse(json.body) as {
        service_code: string;
        attributes: Record<string, unknown>[];
      };
      expect(definition.service_code).toBe('org.passport');
      expect(definition.attributes).toEqual([
        expect.objectContaining({
          variable: true,
          code: 'partner_reference',
          datatype: 'string',
          required: false,
          order: 1,
        }),
      ]);
      const root = parseXml((await get('/open311/v2/services/doc-residence.xml')).body);
      expect(root.name).toBe('service_definition');
      expect(textOf(root, 'service_code')).toBe('doc-residence');
      const attribute = child(child(root, 'attributes'), 'attribute');
      expect(textOf(attribute, 'code')).toBe('partner_reference');
      expect(textOf(attribute, 'required')).toBe('false');

      const missing = await get('/open311/v2/services/no-such-service.json');
      expect(missing.status).toBe(404);
      expectErrorJson(missing.body, 404);
      const missingXml = await get('/open311/v2/services/no-such-service.xml');
      expect(missingXml.status).toBe(404);
      expectErrorXml(missingXml.body, 404);
    });
  });

  describe('service requests', () => {
    let formId = '';
    let formCode = '';
    let jsonId = '';

    it('files an appeal form-encoded and answers the spec’s list of one', async () => {
      const filed = await postForm('/open311/v2/requests.json', {
        api_key: apiKey,
        service_code: 'doc-residence',
        description: DESCRIPTION,
        ...APPLICANT,
        'attribute[partner_reference]': 'CC1551-0001',
      });
      expect(filed.status).toBe(201);
      const answer = JSON.parse(filed.body) as {
        service_request_id: string;
        service_notice: string;
        account_id: null;
        extended_attributes: { tracking_code: string };
      }[];
      expect(answer).toHaveLength(1);
      const [first] = answer;
      if (!first) throw new Error('no answer');
      expect(Object.keys(first).sort()).toEqual([
        'account_id',
        'extended_attributes',
        'service_notice',
        'service_request_id',
      ]);
      // The id is the journal number; the tracking code (the applicant's credential) goes to
      // the filing partner alone.
      expect(first.service_request_id).toMatch(/^\d{4}-\d+$/);
      expect(first.extended_attributes.tracking_code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(first.service_notice).toMatch(/\d{4}\/\d+/);
      formId = first.service_request_id;
      formCode = first.extended_attributes.tracking_code;

      // The partner's own reference: a retry files no second appeal.
      const retried = await postForm('/open311/v2/requests.xml', {
        api_key: apiKey,
        service_code: 'doc-residence',
        description: DESCRIPTION,
        ...APPLICANT,
        'attribute[partner_reference]': 'CC1551-0001',
      });
      expect(retried.status).toBe(200);
      const root = parseXml(retried.body);
      expect(root.name).toBe('service_requests');
      const request = child(root, 'request');
      expect(textOf(request, 'service_request_id')).toBe(formId);
      expect(request.children.map((entry) => entry.name)).toEqual([
        'service_request_id',
        'service_notice',
        'account_id',
        'extended_attributes',
      ]);

      const journal = await okData(admin.emitWithAck('appeal:list', { search: formCode }));
      expect(journal.total).toBe(1);
      const appeal: StaffAppeal | undefined = journal.appeals[0];
      expect(appeal?.channel).toBe('partner');
      expect(appeal?.partnerId).toBe(keyView.id);
      expect(appeal?.summary).toBe('Довго чекала в черзі на реєстрацію');
      expect(appeal?.text).toBe(DESCRIPTION.trim());
      expect(appeal?.applicant).toEqual({
        name: 'Олена Петренко-Особиста',
        address: APPLICANT.address_string,
        phone: APPLICANT.phone,
        email: APPLICANT.email,
      });
    });

    it('files an appeal as JSON with the attribute as an object', async () => {
      const filed = await postJson('/open311/v2/requests.json?lang=en', {
        api_key: apiKey,
        service_code: 'org.water',
        description: 'No hot water for a week',
        first_name: 'Taras',
        email: 'taras.private@example.com',
        attribute: { partner_reference: 'CC1551-0002' },
      });
      expect(filed.status).toBe(201);
      const [first] = JSON.parse(filed.body) as { service_request_id: string; service_notice: string }[];
      if (!first) throw new Error('no answer');
      expect(first.service_notice).toMatch(
        /^Registered as No\. \d{4}\/\d+\. The answer is due by \d{2}\.\d{2}\.\d{4}\.$/,
      );
      jsonId = first.service_request_id;
      expect(jsonId).not.toBe(formId);
    });

    it('reads one request back in both formats with the spec’s fields and no personal data', async () => {
      const json = await get(`/open311/v2/requests/${formId}.json?lang=en`);
      expect(json.status).toBe(200);
      const [request] = JSON.parse(json.body) as Record<string, unknown>[];
      if (!request) throw new Error('no request');
      expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
      expect(request).toMatchObject({
        service_request_id: formId,
        status: 'open',
        status_notes: null,
        service_code: 'doc-residence',
        service_name: 'Registration of residence',
        agency_responsible: 'Passport office',
        description: null,
        address: null,
      });
      expect(String(request.requested_datetime)).toMatch(ISO_WITH_OFFSET);
      expect(String(request.updated_datetime)).toMatch(ISO_WITH_OFFSET);
      // The end of the answer's due day in Kyiv (EET in winter).
      expect(String(request.expected_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+02:00$/);
      for (const secret of [...Object.values(APPLICANT), 'Довго чекала', 'Другий рядок']) {
        expect(json.body).not.toContain(secret);
      }

      const xml = await get(`/open311/v2/requests/${formId}.xml`);
      expect(xml.status).toBe(200);
      const root = parseXml(xml.body);
      expect(root.name).toBe('service_requests');
      const element = child(root, 'request');
      expect(element.children.map((entry) => entry.name)).toEqual(REQUEST_FIELDS);
      expect(textOf(element, 'service_request_id')).toBe(formId);
      expect(textOf(element, 'status')).toBe('open');
      for (const secret of Object.values(APPLICANT)) expect(xml.body).not.toContain(secret);

      const extended = JSON.parse(
        (await get(`/open311/v2/requests/${formId}.json?extensions=true`)).body,
      ) as {
        extended_attributes: Record<string, unknown>;
      }[];
      expect(extended[0]?.extended_attributes).toMatchObject({
        appeal_status: 'registered',
        extended: false,
      });
      expect(String(extended[0]?.extended_attributes.journal_number)).toMatch(/^\d{4}\/\d+$/);
    });

    it('lists requests by ids, service code, status and dates', async () => {
      const byIds = JSON.parse(
        (await get(`/open311/v2/requests.json?service_request_id=${formId},${jsonId},2026-9999,ZZZZZZZZ`))
          .body,
      ) as { service_request_id: string }[];
      expect(byIds.map((entry) => entry.service_request_id)).toEqual([formId, jsonId]);

      const water = JSON.parse((await get('/open311/v2/requests.json?service_code=org.water')).body) as {
        service_request_id: string;
      }[];
      expect(water.map((entry) => entry.service_request_id)).toEqual([jsonId]);

      const all = await get('/open311/v2/requests.json?status=open');
      const open = JSON.parse(all.body) as { service_request_id: string; status: string }[];
      expect(open.map((entry) => entry.service_request_id).sort()).toEqual([formId, jsonId].sort());
      for (const secret of [...Object.values(APPLICANT), 'taras.private@example.com', 'No hot water']) {
        expect(all.body).not.toContain(secret);
      }
      const closed = JSON.parse((await get('/open311/v2/requests.json?status=closed')).body) as unknown[];
      expect(closed).toEqual([]);

      // A `+` left unencoded in the query reads as a space; it is taken for the offset's sign.
      const inRange = JSON.parse(
        (
          await get(
            '/open311/v2/requests.json?start_date=2026-11-24T00:00:00+02:00&end_date=2026-11-25T00:00:00Z',
          )
        ).body,
      ) as unknown[];
      expect(inRange).toHaveLength(2);
      const before = JSON.parse(
        (await get('/open311/v2/requests.json?start_date=2026-10-01T00:00:00Z&end_date=2026-11-01T00:00:00Z'))
          .body,
      ) as unknown[];
      expect(before).toEqual([]);

      const xml = parseXml((await get('/open311/v2/requests.xml?service_code=doc-residence')).body);
      expect(xml.name).toBe('service_requests');
      expect(xml.children.map((entry) => textOf(entry, 'service_request_id'))).toEqual([formId]);
    });

    it('tells the answer once the appeal is closed', async () => {
      const journal = await okData(admin.emitWithAck('appeal:list', { search: jsonId.replace('-', '/') }));
      const appealId = journal.appeals[0]?.id;
      if (!appealId) throw new Error('no appeal');
      await okData(
        admin.emitWithAck('appeal:classify', { requestId: rid('cl'), appealId, appealClass: 'A' }),
      );
      await okData(
        admin.emitWithAck('appeal:assign', { requestId: rid('as'), appealId, organisationId: 'water' }),
      );
      await okData(
        admin.emitWithAck('appeal:answer', {
          requestId: rid('an'),
          appealId,
          result: 'The pipe was repaired on 25 November.',
          favour: 'applicant',
        }),
      );
      // Anyone reads that it is closed and in whose favour; the answer's words go to the partner
      // that filed it, who also gets the tracking code back.
      const [publicView] = JSON.parse((await get(`/open311/v2/requests/${jsonId}.json?lang=en`)).body) as {
        status: string;
        status_notes: string;
      }[];
      expect(publicView?.status).toBe('closed');
      expect(publicView?.status_notes).toBe('Decided in the applicant’s favour.');
      const listed = await get('/open311/v2/requests.json?status=closed&lang=en');
      expect(listed.body).not.toContain('The pipe was repaired');
      const [partnerView] = JSON.parse(
        (await get(`/open311/v2/requests/${jsonId}.json?lang=en&extensions=true&api_key=${apiKey}`)).body,
      ) as { status_notes: string; extended_attributes: { tracking_code?: string } }[];
      expect(partnerView?.status_notes).toBe(
        'Decided in the applicant’s favour. The pipe was repaired on 25 November.',
      );
      expect(partnerView?.extended_attributes.tracking_code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      // Another partner's key reads the public view; a wrong key is refused.
      const other = await okData(issue('Another partner'));
      const [otherView] = JSON.parse(
        (await get(`/open311/v2/requests/${jsonId}.json?lang=en&extensions=true&api_key=${other.apiKey}`))
          .body,
      ) as { status_notes: string; extended_attributes: { tracking_code?: string } }[];
      expect(otherView?.status_notes).toBe('Decided in the applicant’s favour.');
      expect(otherView?.extended_attributes.tracking_code).toBeUndefined();
      expect((await get(`/open311/v2/requests/${jsonId}.json?api_key=o311_wrong`)).status).toBe(403);
    });

    it('refuses a wrong, a missing and a revoked key with 403 in the error format', async () => {
      const fields = {
        service_code: 'org.passport',
        description: 'Test',
        first_name: 'Іван',
        phone: '+380501234567',
      };
      const wrong = await postForm('/open311/v2/requests.json', { ...fields, api_key: 'o311_wrong' });
      expect(wrong.status).toBe(403);
      expectErrorJson(wrong.body, 403);
      const missing = await postForm('/open311/v2/requests.xml', fields);
      expect(missing.status).toBe(403);
      expectErrorXml(missing.body, 403);

      const doomed = await okData(issue('Revoked partner'));
      const works = await postForm('/open311/v2/requests.json', { ...fields, api_key: doomed.apiKey });
      expect(works.status).toBe(201);
      const revoked = await okData(
        admin.emitWithAck('partner-key:revoke', { requestId: rid('rv'), id: doomed.key.id }),
      );
      expect(revoked.revokedAt).toBeDefined();
      expect(revoked.lastUsedAt).toBeDefined();
      const refused = await postForm('/open311/v2/requests.xml', { ...fields, api_key: doomed.apiKey });
      expect(refused.status).toBe(403);
      expectErrorXml(refused.body, 403);

      const audit = await okData(admin.emitWithAck('audit:list', { limit: 100 }));
      const actions = audit.map((entry) => entry.action);
      expect(actions).toContain('partner-key:issue');
      expect(actions).toContain('partner-key:revoke');
      expect(actions).toContain('open311:key-refused');
      expect(JSON.stringify(audit)).not.toContain(doomed.apiKey);
    });

    it('answers bad input with 400 and unknown ids with 404, in the requested format', async () => {
      const noDescription = await postForm('/open311/v2/requests.json', {
        api_key: apiKey,
        service_code: 'doc-residence',
        first_name: 'Іван',
        phone: '+380501234567',
      });
      expect(noDescription.status).toBe(400);
      expect(expectErrorJson(noDescription.body, 400)[0]?.description).toMatch(/description/);

      const badEmail = await postForm('/open311/v2/requests.xml', {
        api_key: apiKey,
        service_code: 'doc-residence',
        description: 'x',
        first_name: 'Іван',
        email: 'not-an-email',
      });
      expect(badEmail.status).toBe(400);
      expectErrorXml(badEmail.body, 400);

      const noContact = await postForm('/open311/v2/requests.json', {
        api_key: apiKey,
        service_code: 'doc-residence',
        description: 'x',
        first_name: 'Іван',
      });
      expect(noContact.status).toBe(400);

      const unknownService = await postForm('/open311/v2/requests.json', {
        api_key: apiKey,
        service_code: 'org-passport',
        description: 'x',
        first_name: 'Іван',
        phone: '+380501234567',
      });
      expect(unknownService.status).toBe(400);
      expect(expectErrorJson(unknownService.body, 400)[0]?.description).toMatch(/service_code/);

      const notJson = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
      expect(notJson.status).toBe(400);
      expectErrorJson(await notJson.text(), 400);

      const badDate = await get('/open311/v2/requests.json?start_date=yesterday');
      expect(badDate.status).toBe(400);
      expectErrorJson(badDate.body, 400);
      const tooLong = await get(
        '/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z',
      );
      expect(tooLong.status).toBe(400);
      expectErrorXml(tooLong.body, 400);
      const badStatus = await get('/open311/v2/requests.json?status=pending');
      expect(badStatus.status).toBe(400);

      for (const id of ['ZZZZZZZZ', '2026%2F1', 'nonsense-id']) {
        const json = await get(`/open311/v2/requests/${id}.json`);
        expect(json.status).toBe(404);
        expectErrorJson(json.body, 404);
      }
      const xml = await get('/open311/v2/requests/ZZZZZZZZ.xml');
      expect(xml.status).toBe(404);
      expectErrorXml(xml.body, 404);
      const elsewhere = await get('/open311/v2/nothing.xml');
      expect(elsewhere.status).toBe(404);
      expectErrorXml(elsewhere.body, 404);
    });
  });
});
