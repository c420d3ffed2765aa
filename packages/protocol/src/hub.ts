/**
 * The centre and its city hub: the sync as administrators see it (`hub:status`), and the city's
 * catalogue offered to the centre (`city-catalogue:offer`, `city-catalogue:apply`).
 */
import {
  type CatalogueChanges,
  type CentreChangeSummary,
  type CentreProblem,
  type CentreProblemKey,
  type CityCatalogue,
  validateCityCatalogue,
} from '@queue/core';
import { z } from 'zod';
import { CentreSchema } from './administration';
import { RequestId } from './schemas';

/** The centre's sync with its city hub, as administrators see it (`hub:status`). */
export interface HubSyncState {
  /** Whether QUEUE_HUB_URL and QUEUE_HUB_KEY are set: without them nothing is sent. */
  readonly configured: boolean;
  readonly hubUrl?: string;
  /** When the hub last acknowledged a batch, in ms since 1970. */
  readonly lastSentAt?: number;
  /** The newest seq of this epoch the hub has acknowledged. */
  readonly lastAcknowledgedSeq: number;
  /** The centre's newest seq. */
  readonly headSeq: number;
  /** Events the hub has not acknowledged yet: headSeq − lastAcknowledgedSeq. */
  readonly behind: number;
  /** The last failure (hub unreachable, key refused, a gap the centre cannot fill), until a batch goes through. */
  readonly lastError?: string;
  readonly lastErrorAt?: number;
}

// ---------------------------------------------------------------------------------------------
// One catalogue (docs/city.md, "One catalogue"): what the hub publishes and a centre applies.
// ---------------------------------------------------------------------------------------------

/** A catalogue document as the city administrator publishes it: the sections' shapes are the centre's own. */
export const CityCatalogueDocumentSchema = z.strictObject({
  organisations: CentreSchema.shape.organisations,
  categories: CentreSchema.shape.categories,
  services: CentreSchema.shape.services,
  specialDays: CentreSchema.shape.site.shape.specialDays,
  ticketTemplate: z.unknown().optional(),
});

export type CheckedCityCatalogue =
  | { readonly ok: true; readonly catalogue: Omit<CityCatalogue, 'version'> }
  | { readonly ok: false; readonly problems: readonly CentreProblem[] };

const MAX_CATALOGUE_PROBLEMS = 50;

/** A catalogue document checked for shape, then meaning (`validateCityCatalogue`); never throws. */
export const checkCityCatalogue = (document: unknown): CheckedCityCatalogue => {
  const parsed = CityCatalogueDocumentSchema.safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, MAX_CATALOGUE_PROBLEMS).map((issue) => ({
        path: issue.path.map(String).join('.'),
        key: 'shape' satisfies CentreProblemKey,
        params: { detail: issue.message },
      })),
    };
  }
  // The schema checks every field's shape; the branded ids are plain strings on the wire.
  const catalogue = parsed.data as unknown as Omit<CityCatalogue, 'version'>;
  const problems = validateCityCatalogue(catalogue);
  return problems.length > 0
    ? { ok: false, problems: problems.slice(0, MAX_CATALOGUE_PROBLEMS) }
    : { ok: true, catalogue };
};

/** The catalogue a centre was offered, as administrators see it (`city-catalogue:offer`). */
export interface CityCatalogueOfferView {
  /** Whether QUEUE_HUB_URL and QUEUE_HUB_KEY are set: without them nothing is offered. */
  readonly configured: boolean;
  /** The hub's newest catalogue and what applying it would change here. */
  readonly offered?: {
    readonly version: number;
    readonly changes: CatalogueChanges;
  };
  /** The city catalogue version this centre applied last. */
  readonly appliedVersion?: number;
  readonly appliedAt?: number;
  /** When the hub was last asked, and the last failure (until a fetch goes through). */
  readonly lastFetchedAt?: number;
  readonly lastError?: string;
}

/** `refresh`: ask the hub first (bounded by the request timeout) instead of answering from the last fetch. */
export const CityCatalogueOfferPayload = z.union([
  z.strictObject({ refresh: z.boolean().optional() }),
  z.undefined(),
]);
export type CityCatalogueOfferPayload = z.infer<typeof CityCatalogueOfferPayload>;

export const CityCatalogueApplyPayload = z.strictObject({
  /** A retried apply (the answer was lost) gets the first answer instead of applying twice. */
  requestId: RequestId,
  /** The version the administrator read the changes of; another one on offer now is refused (CATALOGUE_STALE). */
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type CityCatalogueApplyPayload = z.infer<typeof CityCatalogueApplyPayload>;

export interface CityCatalogueApplyAnswer {
  /** The centre configuration's new version. */
  readonly version: number;
  /** The city catalogue version applied. */
  readonly catalogueVersion: number;
  readonly summary: CentreChangeSummary;
}
