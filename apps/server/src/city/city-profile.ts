/**
 * What the centre tells the city hub of itself besides its events (docs/city.md): its
 * catalogue without device pairings (kiosks and boards, which are the centre's business),
 * where residents book, and its open device alerts (kind and since, no messages); and its
 * ratings without comments, and its appeals without applicants, texts or staff names, which
 * stay home with the other personal data.
 */
import type { Centre } from '@queue/core';
import type { AppealStore, RatingStore } from '@queue/db';
import type { CityAppeal, DeviceAlert } from '@queue/protocol';
import type { RatingToSend } from './hub-sender';

export const cityProfileOf = (centre: Centre, alerts: readonly DeviceAlert[]): unknown => {
  const { kiosks, boards: _boards, ticketTemplate: _template, ...catalogue } = centre;
  const base = kiosks.find((kiosk) => kiosk.publicBaseUrl)?.publicBaseUrl?.replace(/\/+$/, '');
  return {
    catalogue: { ...catalogue, kiosks: [], boards: [] },
    ...(base && centre.booking?.enabled ? { bookUrl: `${base}/book` } : {}),
    alerts: alerts.map((alert) => ({ device: alert.deviceId, kind: alert.kind, since: alert.since })),
  };
};

export const ratingsForCity = (ratings: RatingStore, after: number, limit: number): RatingToSend[] =>
  ratings.since(after, limit).map(({ rowid, rating }) => ({
    rowid,
    rating: {
      ticketId: rating.ticketId,
      serviceDay: rating.serviceDay,
      serviceCode: rating.serviceCode,
      ...(rating.deskId ? { deskId: rating.deskId } : {}),
      ...(rating.operatorId ? { operatorId: rating.operatorId } : {}),
      score: rating.score,
      at: rating.at,
    },
  }));

/** Appeals changed since a place in the journal's log, as the hub may hold them (no personal data). */
export const appealsForCity = (
  store: AppealStore,
  afterSeq: number,
  limit: number,
): { seq: number; appeal: CityAppeal }[] =>
  store.changedSince(afterSeq, limit).map(({ seq, appeal }) => ({
    seq,
    appeal: {
      id: appeal.id,
      number: appeal.number,
      status: appeal.status,
      channel: appeal.channel,
      ...(appeal.appealClass ? { appealClass: appeal.appealClass } : {}),
      organisationId: appeal.assignee?.organisationId ?? appeal.topic.organisationId,
      receivedAt: appeal.receivedAt,
      receivedDay: appeal.receivedDay,
      classifyDueDay: appeal.classifyDueDay,
      answerDueDay: appeal.answerDueDay,
      finalDueDay: appeal.finalDueDay,
      extended: appeal.extension !== undefined,
      forwarded: appeal.forwarded !== undefined,
      ...(appeal.closedAt !== undefined ? { closedAt: appeal.closedAt } : {}),
      reopened: appeal.reopened,
      updatedAt: appeal.updatedAt,
    },
  }));
