/**
 * The city catalogue's endpoints (docs/city.md, "One catalogue"):
 *
 *   POST /api/hub/admin/catalogue      Bearer <admin token>  {organisations, categories, services, specialDays, ticketTemplate?, note?, publishedBy?} → {version}
 *   GET  /api/hub/admin/catalogue      Bearer <admin token>  → {current: {version, document, …} | null, history, centres}
 *   GET  /api/hub/catalogue            Bearer <centre key>   → {version, publishedAt, catalogue}   (records fetched_version)
 *   POST /api/hub/catalogue/applied    Bearer <centre key>   {version} → {applied: true}
 *
 * A document is checked strictly for shape and with the centre's own validation (every
 * reference inside the catalogue, names in all languages, sane numbers) and its ticket
 * template with the printer's schema before it becomes a version: a centre is never offered
 * what it would refuse. The hub only answers; it never pushes into a centre.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { CentreProblem } from '@queue/core';
import { ticketTemplateSchema } from '@queue/printer';
import { checkCityCatalogue } from '@queue/protocol';
import { adminRouteFor } from './admin-route';
import {
  catalogueHistory,
  centresCatalogue,
  currentCatalogue,
  publishCatalogue,
  recordApplied,
  recordFetched,
} from './catalogue';
import { centreOfKey } from './enrolment';
import { type Ack, type Route, bearer, jsonRoute, ok, refuse, route, sendAck } from './http';

export interface CatalogueRouteDeps {
  readonly pool: pg.Pool;
  readonly adminToken: string;
}

/** A catalogue of hundreds of services with three languages each is well under this. */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;

const publishSchema = z
  .object({
    note: z.string().trim().max(2000).optional(),
    publishedBy: z.string().trim().min(1).max(200).optional(),
  })
  .catchall(z.unknown());

const describeProblems = (problems: readonly CentreProblem[]): string => {
  const shown = problems.slice(0, 10).map((problem) => {
    const params = problem.params
      ? ` (${Object.entries(problem.params)
          .map(([key, value]) => `${key}: ${value}`)
          .join(', ')})`
      : '';
    return `${problem.path || '(document)'}: ${problem.key}${params}`;
  });
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  return `The catalogue was refused, ${problems.length} problem(s): ${shown.join('; ')}${more}.`;
};

/** Every problem of a document, in the catalogue's own paths; empty when it may be published. */
const problemsOf = (document: unknown): readonly CentreProblem[] => {
  const checked = checkCityCatalogue(document);
  if (!checked.ok) return checked.problems;
  if (checked.catalogue.ticketTemplate === undefined) return [];
  const template = ticketTemplateSchema.safeParse(checked.catalogue.ticketTemplate);
  return template.success
    ? []
    : template.error.issues.slice(0, 10).map((issue) => ({
        path: ['ticketTemplate', ...issue.path.map(String)].join('.'),
        key: 'shape',
        params: { detail: issue.message },
      }));
};

const centreRefusal = (reason: 'unknown' | 'revoked'): Ack<never> =>
  reason === 'revoked'
    ? refuse('REVOKED', 'This centre has been revoked at the hub.')
    : refuse('UNAUTHENTICATED', 'A valid centre key is required (Authorization: Bearer <key>).');

export const catalogueRoutes = ({ pool, adminToken }: CatalogueRouteDeps): Route[] => {
  const adminRoute = adminRouteFor(adminToken);
  const appliedRoute = (centreId: string) =>
    jsonRoute(
      'POST',
      '/api/hub/catalogue/applied',
      z.strictObject({ version: z.number().int().min(1).max(2_147_483_647) }),
      async ({ version }) =>
        (await recordApplied(pool, centreId, version))
          ? ok({ applied: true })
          : refuse('NOT_FOUND', `The hub never published catalogue version ${version}.`),
    );

  return [
    adminRoute(
      'POST',
      '/api/hub/admin/catalogue',
      publishSchema,
      async ({ note, publishedBy, ...document }) => {
        const problems = problemsOf(document);
        if (problems.length > 0) return refuse('BAD_REQUEST', describeProblems(problems));
        const version = await publishCatalogue(pool, document, publishedBy ?? 'city administrator', note);
        return ok({ version });
      },
      { maxBytes: MAX_CATALOGUE_BYTES },
    ),
    adminRoute('GET', '/api/hub/admin/catalogue', z.object({}), async () => {
      const [current, history, centres] = await Promise.all([
        currentCatalogue(pool),
        catalogueHistory(pool),
        centresCatalogue(pool),
      ]);
      return ok({ current: current ?? null, history, centres });
    }),
    route('GET', '/api/hub/catalogue', async ({ request, response }) => {
      const who = await centreOfKey(pool, bearer(request));
      if (!who.ok) return sendAck(response, centreRefusal(who.reason));
      const current = await currentCatalogue(pool);
      if (!current) return sendAck(response, refuse('NOT_FOUND', 'The city has published no catalogue yet.'));
      await recordFetched(pool, who.centreId, current.version);
      sendAck(
        response,
        ok({ version: current.version, publishedAt: current.publishedAt, catalogue: current.document }),
      );
    }),
    route('POST', '/api/hub/catalogue/applied', async (exchange) => {
      // Whose record it is comes from the key alone; the body names only the version.
      const who = await centreOfKey(pool, bearer(exchange.request));
      if (!who.ok) return sendAck(exchange.response, centreRefusal(who.reason));
      await appliedRoute(who.centreId).handle(exchange);
    }),
  ];
};
