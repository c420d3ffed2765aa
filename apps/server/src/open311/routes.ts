/**
 * The appeals journal as an Open311 GeoReport v2 endpoint (`docs/open311.md`), so a city's
 * contact centre or any 311 client can file appeals and follow them:
 *   GET  /open311/v2/discovery.{json|xml}        the service discovery document
 *   GET  /open311/v2/services.{json|xml}         the appeal topics
 *   GET  /open311/v2/services/<code>.{json|xml}  a topic's definition (its attributes)
 *   POST /open311/v2/requests.{json|xml}         file an appeal (api_key required)
 *   GET  /open311/v2/requests.{json|xml}         appeals, public data only
 *   GET  /open311/v2/requests/<id>.{json|xml}    one appeal, public data only
 * The topics are the centre's services, plus one general topic per organisation whose code
 * is `org.<organisationId>` (a service code never has a dot, so the two cannot collide).
 * `service_request_id` is the appeal's journal number with a hyphen (`2026-17`), never its
 * tracking code: the code is the applicant's credential for `/a/<code>`, so it goes only to
 * the partner that filed the appeal. The answer's text, likewise, is in `status_notes` only
 * for the partner that filed it (asked with its `api_key`); anyone else reads the status, the
 * dates and in whose favour it was decided. Nothing answered ever holds the
 * applicant's personal data or the appeal's text: requests are read through `publicAppeal`.
 * Errors are the specification's list of `{code, description}`, in the requested format.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import {
  type Appeal,
  type AppealStatus,
  type AppealTopic,
  type Centre,
  type Instant,
  type Language,
  CLOSED_APPEAL_STATUSES,
  APPEAL_STATUSES,
  endOfDay,
  isClosedAppeal,
  publicAppeal,
} from '@queue/core';
import type { AppealStore, PartnerKeyRecord, PartnerKeyStore, StoredAppeal } from '@queue/db';
import { ApplicantSchema } from '@queue/protocol';
import { z } from 'zod';
import type { AppealService } from '../appeals/appeal-service';
import { localDate } from '../appeals/receipt';
import type { Auditor } from '../audit';
import { readBody } from '@queue/http';
import { type HttpExchange, type Route, guarded, route } from '../http-routes';
import { RateLimit } from '../rate-limit';
import { hashToken } from '../secrets';
import { pickLanguage } from '../status-page/render';
import {
  type Open311Format,
  type Open311Record,
  type Open311Value,
  isoInZone,
  sendOpen311,
  sendOpen311Errors,
} from './format';
import { open311Messages as messages } from './messages';

export const OPEN311_BASE = '/open311/v2';
export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this implementation of the specification last changed (the discovery's changeset). */
export const OPEN311_CHANGESET = '2026-12-03T00:00:00Z';

/** Requests per address and minute, and of those, filings. */
export const OPEN311_READ_LIMIT = 120;
export const OPEN311_WRITE_LIMIT = 20;
/** The specification's defaults: the last 90 days, at most 1000 requests. */
export const OPEN311_DEFAULT_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;
/** At most this many ids in one `service_request_id` list. */
export const OPEN311_MAX_IDS = 100;
/** A filing's body: a 5000-character description percent-encoded, with room to spare. */
export const OPEN311_MAX_BODY_BYTES = 64 * 1024;

/** The general topic of an organisation: a dot, which no service code has. */
export const GENERAL_TOPIC_PREFIX = 'org.';
export const PARTNER_REFERENCE_ATTRIBUTE = 'partner_reference';

const DAY_MS = 86_400_000;
/** The scan behind a `service_code` filter, which the store cannot apply itself. */
const MAX_SCAN = 50_000;

export interface Open311Options {
  readonly appeals: AppealService;
  readonly store: AppealStore;
  readonly partnerKeys: PartnerKeyStore;
  readonly audit: Auditor;
  readonly centre: () => Centre;
  readonly now: () => Instant;
}

const FORMAT = '(json|xml)';
const path = (rest: string) => new RegExp(`^${OPEN311_BASE.replace(/\//g, '\\/')}/${rest}\\.${FORMAT}$`);
const DISCOVERY_PATH = new RegExp(`^/open311(?:/v2)?/discovery\\.${FORMAT}$`);
const SERVICES_PATH = path('services');
const SERVICE_PATH = path('services/([^/]{1,100}?)');
const REQUESTS_PATH = path('requests');
const REQUEST_PATH = path('requests/([^/]{1,100}?)');
const ANY_PATH = /^\/open311(?:\/.*)?$/;

const formatOf = (value: string | undefined): Open311Format => (value === 'json' ? 'json' : 'xml');
/** The format a path asks for, for answers given before its route is known (limits, unknown paths). */
const formatOfPath = (pathname: string): Open311Format => (pathname.endsWith('.json') ? 'json' : 'xml');

const KEY_SERVICE: Readonly<Record<Language, string>> = {
  uk: 'Ключі API видають адміністратори центру (Налаштування → Партнери Open311), по одному на партнера.',
  ru: 'Ключи API выдают администраторы центра (Настройки → Партнёры Open311), по одному на партнёра.',
  en: 'API keys are issued by the centre’s administrators (Settings → Open311 partners), one per partner.',
};

/** Where the endpoint is, as the client reached it. */
const originOf = (request: IncomingMessage): string => {
  const secure = (request.socket as Partial<TLSSocket>).encrypted === true;
  return `${secure ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
};

/** A form's or a JSON object's fields as strings; `attribute: {x}` in JSON is `attribute[x]`. */
const fieldsOf = (raw: string, contentType: string): Record<string, string> | 'bad-body' => {
  const fields: Record<string, string> = {};
  if (contentType.includes('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(raw) as unknown;
    } catch {
      return 'bad-body';
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'bad-body';
    const scalar = (value: unknown): string | undefined =>
      typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : undefined;
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      if (name === 'attribute' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [code, inner] of Object.entries(value as Record<string, unknown>)) {
          const text = scalar(inner);
          if (text !== undefined) fields[`attribute[${code}]`] = text;
        }
        continue;
      }
      const text = scalar(value);
      if (text !== undefined) fields[name] = text;
    }
    return fields;
  }
  if (contentType.includes('application/x-www-form-urlencoded') || contentType === '') {
    for (const [name, value] of new URLSearchParams(raw)) {
      if (!(name in fields)) fields[name] = value;
    }
    return fields;
  }
  return 'bad-body';
};

/** Empty fields are absent: form clients send `email=` for a field left blank. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const coordinate = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(?:\.\d{1,12})?$/, 'a decimal number')
    .refine((value) => Number(value) >= min && Number(value) <= max, `between ${min} and ${max}`);

const PostFields = z.object({
  api_key: optional(z.string().max(200)),
  jurisdiction_id: optional(z.string().max(100)),
  service_code: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100),
  lat: optional(coordinate(-90, 90)),
  long: optional(coordinate(-180, 180)),
  address_string: optional(z.string().trim().max(300)),
  address_id: optional(z.string().max(100)),
  email: optional(z.email('an e-mail address').max(200)),
  device_id: optional(z.string().max(100)),
  account_id: optional(z.string().max(100)),
  first_name: optional(z.string().trim().max(75)),
  last_name: optional(z.string().trim().max(75)),
  phone: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{9,20}$/, 'a phone number'),
  ),
  description: z.string({ error: 'is required' }).trim().min(1, 'is required').max(5000),
  media_url: optional(z.url().max(1000)),
  [`attribute[${PARTNER_REFERENCE_ATTRIBUTE}]`]: optional(
    z.string().regex(/^[\x21-\x7E]{1,100}$/, 'up to 100 printable ASCII characters, no spaces'),
  ),
});

/** ISO 8601 with its zone; a `+` left unencoded in a query string reads as a space. */
const DateTime = z
  .string()
  .transform((value) => value.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'))
  .pipe(
    z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/,
        'an ISO 8601 date and time with its zone, like 2026-11-24T10:00:00+02:00',
      ),
  )
  .transform((value) => Date.parse(value))
  .refine((value) => Number.isFinite(value), 'not a real date');

const GetQuery = z.object({
  service_request_id: optional(z.string().max(OPEN311_MAX_IDS * 10)),
  service_code: optional(z.string().max(1000)),
  start_date: optional(DateTime),
  end_date: optional(DateTime),
  status: optional(
    z
      .string()
      .regex(/^(open|closed)(,(open|closed))?$/, 'open, closed or open,closed')
      .transform((value) => value.split(',') as ('open' | 'closed')[]),
  ),
  extensions: optional(z.enum(['true', 'false'])),
  jurisdiction_id: optional(z.string().max(100)),
  api_key: optional(z.string().max(200)),
  lang: optional(z.string().max(10)),
});

const issuesOf = (error: z.ZodError): string[] =>
  error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`);

/** The first line of the description, as the appeal's summary (at most 200 characters). */
export const summaryOf = (description: string): string => {
  const line = description.split(/\r?\n/).find((entry) => entry.trim() !== '') ?? description;
  const trimmed = line.trim().replace(/\s+/g, ' ');
  return trimmed.length <= 200 ? trimmed : `${trimmed.slice(0, 199).trimEnd()}…`;
};

export const open311Routes = (options: Open311Options): Route[] => {
  const { appeals, store, partnerKeys, audit } = options;
  const reads = new RateLimit(OPEN311_READ_LIMIT, 60_000);
  const writes = new RateLimit(OPEN311_WRITE_LIMIT, 60_000);

  const languageOf = ({ request, url }: HttpExchange): Language =>
    pickLanguage(url.searchParams.get('lang'), request.headers['accept-language']);

  const organisationName = (centre: Centre, id: string, language: Language): string =>
    centre.organisations.find((entry) => entry.id === id)?.name[language] ?? id;

  /** Every topic: the centre's services, then each organisation's general topic. */
  const topics = (centre: Centre, language: Language): Open311Record[] => [
    ...centre.services.map((service) => ({
      service_code: service.code,
      service_name: service.name[language],
      description: messages.serviceDescription[language](service.name[language]),
      metadata: true,
      type: 'realtime',
      keywords: null,
      group: organisationName(centre, service.organisationId, language),
    })),
    ...centre.organisations.map((organisation) => ({
      service_code: `${GENERAL_TOPIC_PREFIX}${organisation.id}`,
      service_name: messages.generalTopic[language](organisation.name[language]),
      description: messages.generalDescription[language](organisation.name[language]),
      metadata: true,
      type: 'realtime',
      keywords: null,
      group: organisation.name[language],
    })),
  ];

  /** The appeal topic a service code names, or undefined. */
  const topicOf = (centre: Centre, code: string): AppealTopic | undefined => {
    if (code.startsWith(GENERAL_TOPIC_PREFIX)) {
      const organisation = centre.organisations.find(
        (entry) => entry.id === code.slice(GENERAL_TOPIC_PREFIX.length),
      );
      return organisation ? { organisationId: organisation.id } : undefined;
    }
    const service = centre.services.find((entry) => entry.code === code);
    return service ? { organisationId: service.organisationId, serviceCode: service.code } : undefined;
  };

  const serviceCodeOf = (topic: AppealTopic): string =>
    topic.serviceCode ?? `${GENERAL_TOPIC_PREFIX}${topic.organisationId}`;

  const serviceNameOf = (centre: Centre, topic: AppealTopic, language: Language): string => {
    const service = topic.serviceCode
      ? centre.services.find((entry) => entry.code === topic.serviceCode)
      : undefined;
    return service
      ? service.name[language]
      : messages.generalTopic[language](organisationName(centre, topic.organisationId, language));
  };

  /** `2026/17` → `2026-17`: the journal number, safe in a path. */
  const publicIdOf = (appeal: Appeal): string => appeal.number.replace('/', '-');
  const storedById = (id: string): StoredAppeal | undefined => {
    const match = /^(\d{4})-(\d{1,9})$/.exec(id.trim());
    return match ? store.byNumber(`${match[1]}/${Number(match[2])}`) : undefined;
  };

  const noticeOf = (appeal: Appeal, language: Language): string =>
    messages.notice[language](appeal.number, localDate(appeal.answerDueDay));

  /** The answer and the higher body, where it was forwarded, or why it was not considered. */
  const statusNotesOf = (
    view: ReturnType<typeof publicAppeal>,
    language: Language,
    full: boolean,
  ): string | null => {
    if (view.answer && !full) return messages.favour[language][view.answer.favour];
    if (view.answer) {
      const higher = view.answer.higherBody
        ? ` ${messages.higherBody[language](view.answer.higherBody.name[language], view.answer.higherBody.contact)}`
        : '';
      return `${messages.favour[language][view.answer.favour]} ${view.answer.result}${higher}`;
    }
    if (view.dismissedOn) return messages.dismissed[language][view.dismissedOn];
    if (view.forwardedTo) return messages.forwarded[language](view.forwardedTo);
    return null;
  };

  /** One service request as anyone may read it: `publicAppeal` and the topic, nobody's personal data. */
  /**
   * One service request as a reader may see it. `full`: the partner that filed it, who also
   * gets the answer's text and the tracking code to hand to the applicant.
   */
  const requestOf = (
    appeal: Appeal,
    language: Language,
    extensions: boolean,
    full = false,
  ): Open311Record => {
    const centre = options.centre();
    const { timeZone } = centre.site;
    const view = publicAppeal(appeal, (id) => centre.organisations.find((entry) => entry.id === id)?.name);
    const extended: Open311Record = {
      journal_number: view.number,
      appeal_status: view.status,
      answer_due_day: view.answerDueDay,
      extended: view.extended,
      forwarded_to: view.forwardedTo,
      favour: view.answer?.favour,
      dismissal_ground: view.dismissedOn,
      closed_datetime: view.closedAt !== undefined ? isoInZone(view.closedAt, timeZone) : undefined,
      ...(full ? { tracking_code: appeal.trackingCode } : {}),
    };
    return {
      service_request_id: publicIdOf(appeal),
      status: isClosedAppeal(view) ? 'closed' : 'open',
      status_notes: statusNotesOf(view, language, full),
      service_name: serviceNameOf(centre, appeal.topic, language),
      service_code: serviceCodeOf(appeal.topic),
      description: null,
      agency_responsible: view.organisation?.[language] ?? null,
      service_notice: noticeOf(appeal, language),
      requested_datetime: isoInZone(view.receivedAt, timeZone),
      updated_datetime: isoInZone(view.updatedAt, timeZone),
      // The end of the answer's last day: a second before the next local day starts.
      expected_datetime: isoInZone(endOfDay(centre.site, view.answerDueDay) - 1000, timeZone),
      address: null,
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
      ...(extensions ? { extended_attributes: extended } : {}),
    };
  };

  const fail = (
    exchange: HttpExchange,
    status: number,
    format: Open311Format,
    description: string | string[],
  ) => sendOpen311Errors(exchange.response, status, format, description);

  /** The partner a key belongs to; a wrong or revoked key is audited (once a minute per address). */
  const partnerOf = (apiKey: string | undefined, address: string): PartnerKeyRecord | undefined => {
    const found = apiKey ? partnerKeys.byHash(hashToken(apiKey)) : undefined;
    if (found) {
      partnerKeys.touch(found.id, options.now());
      return found;
    }
    audit.recordCoalesced(`open311 key refused ${address}`, {
      actor: 'unknown',
      action: 'open311:key-refused',
      target: 'open311',
      details: { reason: apiKey ? 'unknown or revoked key' : 'no key' },
      address,
    });
    return undefined;
  };

  const fileRequest = async (exchange: HttpExchange): Promise<void> => {
    const { request, response, address, params } = exchange;
    const format = formatOf(params[0]);
    const raw = await readBody(request, OPEN311_MAX_BODY_BYTES);
    if (raw === 'too-large') {
      response.setHeader('connection', 'close');
      return fail(exchange, 413, format, 'The request body is too large.');
    }
    const fields = fieldsOf(raw, (request.headers['content-type'] ?? '').toLowerCase());
    if (fields === 'bad-body') {
      return fail(
        exchange,
        400,
        format,
        'The body must be application/x-www-form-urlencoded or a JSON object.',
      );
    }
    const partner = partnerOf(fields.api_key, address);
    if (!partner) return fail(exchange, 403, format, 'api_key is missing, unknown or revoked.');
    const parsed = PostFields.safeParse(fields);
    if (!parsed.success) return fail(exchange, 400, format, issuesOf(parsed.error));
    const input = parsed.data;
    const centre = options.centre();
    const topic = topicOf(centre, input.service_code);
    if (!topic)
      return fail(exchange, 400, format, `service_code: there is no service ${input.service_code}.`);
    const name = [input.first_name, input.last_name].filter((part) => part !== undefined).join(' ');
    const applicant = ApplicantSchema.safeParse({
      name,
      ...(input.address_string !== undefined ? { address: input.address_string } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
    });
    const problems = [
      ...(applicant.success
        ? []
        : ['first_name, last_name: the applicant’s name is required (2 to 150 characters)']),
      ...((input.address_string ?? input.phone ?? input.email)
        ? []
        : ['email, phone, address_string: at least one, so that the answer can reach the applicant']),
    ];
    if (!applicant.success || problems.length > 0) return fail(exchange, 400, format, problems);
    const language = languageOf(exchange);
    const reference = input[`attribute[${PARTNER_REFERENCE_ATTRIBUTE}]`];
    const earlier = reference !== undefined ? store.byPartnerRequest(partner.id, reference) : undefined;
    const answered = (stored: StoredAppeal, status: number) =>
      sendOpen311(response, status, format, 'service_requests', [
        {
          service_request_id: publicIdOf(stored.appeal),
          service_notice: noticeOf(stored.appeal, language),
          account_id: null,
          // An extension: the code the applicant follows the appeal with, for the partner to pass on.
          extended_attributes: { tracking_code: stored.appeal.trackingCode },
        },
      ]);
    if (earlier) return answered(earlier, 200);
    const registered = appeals.register(
      {
        channel: 'partner',
        language,
        topic,
        summary: summaryOf(input.description),
        text: input.description,
        partnerId: partner.id,
        applicant: applicant.data,
        ...(reference !== undefined ? { partnerRequest: reference } : {}),
      },
      { kind: 'partner', partnerId: partner.id, address },
    );
    if (!registered.ok) {
      const status = registered.error.code === 'INTERNAL' ? 500 : 400;
      return fail(exchange, status, format, registered.error.message);
    }
    answered(registered.data, 201);
  };

  const statusesOf = (wanted: readonly ('open' | 'closed')[]): AppealStatus[] =>
    APPEAL_STATUSES.filter((status) =>
      CLOSED_APPEAL_STATUSES.includes(status) ? wanted.includes('closed') : wanted.includes('open'),
    );

  /** The partner asking, when a GET carries an `api_key` (a wrong one is refused, not ignored). */
  const readerOf = (exchange: HttpExchange): PartnerKeyRecord | undefined | 'refused' => {
    const apiKey = exchange.url.searchParams.get('api_key') ?? undefined;
    if (apiKey === undefined) return undefined;
    return partnerOf(apiKey, exchange.address) ?? 'refused';
  };

  const listRequests = (exchange: HttpExchange): void => {
    const { url, response, params } = exchange;
    const format = formatOf(params[0]);
    const parsed = GetQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) return fail(exchange, 400, format, issuesOf(parsed.error));
    const query = parsed.data;
    const language = languageOf(exchange);
    const extensions = query.extensions === 'true';
    const reader = readerOf(exchange);
    if (reader === 'refused') return fail(exchange, 403, format, 'api_key is unknown or revoked.');
    const send = (found: readonly StoredAppeal[]) =>
      sendOpen311(
        response,
        200,
        format,
        'service_requests',
        found.map((stored) =>
          requestOf(
            stored.appeal,
            language,
            extensions,
            reader !== undefined && stored.appeal.partnerId === reader.id,
          ),
        ),
      );
    // With ids, the other filters are ignored (as the specification says); unknown ids are left out.
    if (query.service_request_id !== undefined) {
      const ids = query.service_request_id
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      if (ids.length > OPEN311_MAX_IDS) {
        return fail(exchange, 400, format, `service_request_id: at most ${OPEN311_MAX_IDS} ids.`);
      }
      const found = ids.flatMap((id) => {
        const stored = storedById(id);
        return stored ? [stored] : [];
      });
      return send(found);
    }
    const now = options.now();
    const end =
      query.end_date ??
      (query.start_date !== undefined ? query.start_date + OPEN311_DEFAULT_DAYS * DAY_MS : now);
    const start = query.start_date ?? end - OPEN311_DEFAULT_DAYS * DAY_MS;
    if (start > end) return fail(exchange, 400, format, 'start_date: after end_date.');
    if (end - start > OPEN311_DEFAULT_DAYS * DAY_MS) {
      return fail(
        exchange,
        400,
        format,
        `start_date, end_date: may not span more than ${OPEN311_DEFAULT_DAYS} days.`,
      );
    }
    const codes = query.service_code
      ?.split(',')
      .map((code) => code.trim())
      .filter(Boolean);
    const { appeals: listed } = store.list({
      receivedFrom: start,
      receivedTo: end,
      ...(query.status ? { statuses: statusesOf(query.status) } : {}),
      limit: codes ? MAX_SCAN : OPEN311_MAX_REQUESTS,
    });
    const matching = codes
      ? listed.filter((stored) => codes.includes(serviceCodeOf(stored.appeal.topic)))
      : listed;
    send(
      [...matching].sort((a, b) => b.appeal.receivedAt - a.appeal.receivedAt).slice(0, OPEN311_MAX_REQUESTS),
    );
  };

  const routes: Route[] = [
    route('GET', DISCOVERY_PATH, (exchange) => {
      const format = formatOf(exchange.params[0]);
      const language = languageOf(exchange);
      const centre = options.centre();
      sendOpen311(exchange.response, 200, format, 'discovery', {
        changeset: OPEN311_CHANGESET,
        contact: centre.site.name[language],
        key_service: KEY_SERVICE[language],
        endpoints: [
          {
            specification: OPEN311_SPECIFICATION,
            url: `${originOf(exchange.request)}${OPEN311_BASE}`,
            changeset: OPEN311_CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
    }),
    route('GET', SERVICES_PATH, (exchange) => {
      const format = formatOf(exchange.params[0]);
      sendOpen311(exchange.response, 200, format, 'services', topics(options.centre(), languageOf(exchange)));
    }),
    route('GET', SERVICE_PATH, (exchange) => {
      const code = decodeURIComponent(exchange.params[0] ?? '');
      const format = formatOf(exchange.params[1]);
      const language = languageOf(exchange);
      if (!topicOf(options.centre(), code))
        return fail(exchange, 404, format, `There is no service ${code}.`);
      const definition: Open311Value = {
        service_code: code,
        attributes: [
          {
            variable: true,
            code: PARTNER_REFERENCE_ATTRIBUTE,
            datatype: 'string',
            required: false,
            datatype_description: messages.referenceDatatype[language],
            order: 1,
            description: messages.referenceDescription[language],
          },
        ],
      };
      sendOpen311(exchange.response, 200, format, 'service_definition', definition);
    }),
    route('POST', REQUESTS_PATH, fileRequest),
    route('GET', REQUESTS_PATH, listRequests),
    route('GET', REQUEST_PATH, (exchange) => {
      const format = formatOf(exchange.params[1]);
      const reader = readerOf(exchange);
      if (reader === 'refused') return fail(exchange, 403, format, 'api_key is unknown or revoked.');
      const stored = storedById(decodeURIComponent(exchange.params[0] ?? ''));
      if (!stored) return fail(exchange, 404, format, 'There is no service request with this id.');
      const extensions = exchange.url.searchParams.get('extensions') === 'true';
      const full = reader !== undefined && stored.appeal.partnerId === reader.id;
      sendOpen311(exchange.response, 200, format, 'service_requests', [
        requestOf(stored.appeal, languageOf(exchange), extensions, full),
      ]);
    }),
    // Anything else under /open311 is answered in the specification's error format.
    route('GET', ANY_PATH, (exchange) =>
      fail(
        exchange,
        404,
        formatOfPath(exchange.url.pathname),
        'No such endpoint; formats are .json and .xml.',
      ),
    ),
    route('POST', ANY_PATH, (exchange) =>
      fail(
        exchange,
        404,
        formatOfPath(exchange.url.pathname),
        'No such endpoint; formats are .json and .xml.',
      ),
    ),
  ];

  // Every request counts against the address's reads; a filing also against its writes.
  return guarded(routes, (exchange, method) => {
    const now = Date.now();
    if (reads.allow(exchange.address, now) && (method !== 'POST' || writes.allow(exchange.address, now)))
      return true;
    exchange.response.setHeader('retry-after', '60');
    fail(exchange, 429, formatOfPath(exchange.url.pathname), 'Too many requests; try again in a minute.');
    return false;
  });
};
