/**
 * The public page's data: the city's centres as the hub last answered, refreshed every 30 s
 * (residents need minutes, not seconds, so no push). A failed refresh keeps the last answer
 * on screen and says how old it is.
 */
import type { CityPublicView } from '@queue/protocol';
import { create } from 'zustand';
import { hubJson } from '../shared/api';

export const PUBLIC_REFRESH_MS = 30_000;

interface PublicState {
  readonly view?: CityPublicView;
  /** The last refresh failed (the view, if any, is from an earlier one). */
  readonly failed: boolean;
}

export const usePublicStore = create<PublicState>()(() => ({ failed: false }));

const refresh = async (): Promise<void> => {
  const answer = await hubJson<CityPublicView>('/api/hub/public/centres');
  usePublicStore.setState(answer.ok ? { view: answer.data, failed: false } : { failed: true });
};

/** Loads now and every 30 s after; returns the stop. */
export const startPublicRefresh = (): (() => void) => {
  void refresh();
  const timer = window.setInterval(() => void refresh(), PUBLIC_REFRESH_MS);
  return () => window.clearInterval(timer);
};
