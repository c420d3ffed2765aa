/**
 * The city catalogue for administrators (docs/city.md, "One catalogue"): what the hub offers
 * and what applying it would change (`city-catalogue:offer`), and applying it
 * (`city-catalogue:apply`). Applying goes through the same checked replace as
 * `centre:replace` (CentreConfig.replace: validation, ticket template and printer checks,
 * nobody stranded in the hall, saved with its audit entry, pushed live to every screen); the
 * applied catalogue is recorded in the same transaction and then reported to the hub.
 */
import { catalogueChanges, mergeCityCatalogue } from '@queue/core';
import type { Ack, CityCatalogueApplyAnswer, CityCatalogueOfferView } from '@queue/protocol';
import { type HandlerContext, type QueueSocket, auditAction, idempotencyOf, refuse } from './handler';
import { on } from './on';

export const registerCityCatalogueHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'city-catalogue:offer', async (payload): Promise<Ack<CityCatalogueOfferView>> => {
    const offer = context.catalogueOffer;
    if (!offer) return { ok: true, data: { configured: false } };
    if (payload?.refresh) await offer.refresh();
    const offered = offer.offered();
    const applied = offer.lastApplied();
    return {
      ok: true,
      data: {
        configured: true,
        ...(offered
          ? {
              offered: {
                version: offered.version,
                changes: catalogueChanges(context.config.current, offered, applied?.catalogue),
              },
            }
          : {}),
        ...(applied ? { appliedVersion: applied.catalogue.version, appliedAt: applied.appliedAt } : {}),
        ...offer.state(),
      },
    };
  });

  on(
    socket,
    context,
    'city-catalogue:apply',
    async (payload, principal): Promise<Ack<CityCatalogueApplyAnswer>> => {
      const offer = context.catalogueOffer;
      if (!offer)
        return refuse('NOT_FOUND', 'This centre has not joined a city hub (QUEUE_HUB_URL, QUEUE_HUB_KEY).');
      const retry = payload.requestId
        ? idempotencyOf(principal, 'city-catalogue:apply', payload.requestId)
        : undefined;
      if (retry) {
        const previous = context.store.answerFor(retry.principal, retry.requestId);
        if (previous !== undefined) return previous as Ack<CityCatalogueApplyAnswer>;
      }
      const offered = offer.offered();
      if (!offered || offered.version !== payload.version) {
        return refuse(
          'CATALOGUE_STALE',
          offered
            ? `City catalogue version ${payload.version} is not the one on offer (version ${offered.version} is): read its changes and apply again.`
            : 'No city catalogue is on offer.',
        );
      }
      const profiles = await context.printing.profileIds();
      // Read after the await: the merge is over the configuration in force at the replace.
      const next = mergeCityCatalogue(context.config.current, offered);
      const outcome = context.config.replace(
        next,
        context.config.version,
        (summary, version) => {
          auditAction(socket, context, {
            action: 'city-catalogue:apply',
            target: `centre:v${version}`,
            details: { catalogueVersion: offered.version, ...summary },
          });
          offer.recordApplied(offered);
          if (retry) {
            context.store.rememberAnswer({
              ...retry,
              answer: { ok: true, data: { version, catalogueVersion: offered.version, summary } },
            });
          }
        },
        profiles,
      );
      if (!outcome.ok) return outcome;
      context.logger.info('city catalogue applied', {
        catalogueVersion: offered.version,
        version: outcome.version,
      });
      void offer.reportApplied();
      return {
        ok: true,
        data: { version: outcome.version, catalogueVersion: offered.version, summary: outcome.summary },
      };
    },
  );
};
