/**
 * What the centre tells the city hub of itself besides its events (docs/city.md): its
 * catalogue without device pairings (kiosks and boards, which are the centre's business),
 * where residents book, and its open device alerts (kind and since, no messages); and its
 * ratings without comments, which stay home with the other personal data.
 */
import type { Centre } from '@queue/core';
import type { RatingStore } from '@queue/db';
import type { DeviceAlert } from '@queue/protocol';
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
