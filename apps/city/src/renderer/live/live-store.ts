/**
 * The live view's data: one fetch of `/api/hub/live`, then the whole view pushed on the
 * `/api/hub/live/stream` event stream (event `live`). EventSource reconnects by itself after a
 * dropped connection; when the hub refuses the stream (it closes for good, e.g. the session
 * expired) the view asks again by fetch, which tells a login apart from an outage.
 */
import type { CityLiveView } from '@queue/protocol';
import { create } from 'zustand';
import { hubJson, postJson } from '../shared/api';

const RETRY_MS = 5_000;

export type LivePhase = 'loading' | 'login' | 'ready' | 'failed';
export type LoginProblem = 'wrong' | 'failed';

interface LiveState {
  readonly phase: LivePhase;
  readonly view?: CityLiveView;
  /** When the view arrived, by this browser's clock (to age "seen N min ago" between pushes). */
  readonly receivedAt: number;
  /** The stream dropped and is being re-opened. */
  readonly reconnecting: boolean;
  readonly loginProblem?: LoginProblem;
  readonly signingIn: boolean;
}

export const useLiveStore = create<LiveState>()(() => ({
  phase: 'loading',
  receivedAt: 0,
  reconnecting: false,
  signingIn: false,
}));

let stream: EventSource | undefined;
let retry: number | undefined;

const received = (view: CityLiveView): void =>
  useLiveStore.setState({ phase: 'ready', view, receivedAt: Date.now(), reconnecting: false });

const closeStream = (): void => {
  stream?.close();
  stream = undefined;
  if (retry !== undefined) window.clearTimeout(retry);
  retry = undefined;
};

const later = (run: () => void): void => {
  if (retry !== undefined) window.clearTimeout(retry);
  retry = window.setTimeout(() => {
    retry = undefined;
    run();
  }, RETRY_MS);
};

const openStream = (): void => {
  closeStream();
  const source = new EventSource('/api/hub/live/stream');
  stream = source;
  source.addEventListener('live', (event) => {
    try {
      received(JSON.parse((event as MessageEvent<string>).data) as CityLiveView);
    } catch {
      // A malformed push is skipped; the next one replaces the whole view anyway.
    }
  });
  source.addEventListener('error', () => {
    if (stream !== source) return;
    useLiveStore.setState({ reconnecting: true });
    // CONNECTING: the browser retries by itself. CLOSED: it gave up (a refusal), so ask again.
    if (source.readyState === EventSource.CLOSED) {
      closeStream();
      later(() => void loadLive());
    }
  });
};

/** Fetch the view; a 401 means the login form, anything else not ok a retry. */
export const loadLive = async (): Promise<void> => {
  const answer = await hubJson<CityLiveView>('/api/hub/live');
  if (answer.ok) {
    received(answer.data);
    openStream();
    return;
  }
  if (answer.status === 401) {
    closeStream();
    useLiveStore.setState({ phase: 'login', reconnecting: false });
    return;
  }
  useLiveStore.setState((state) => (state.view ? { reconnecting: true } : { phase: 'failed' }));
  later(() => void loadLive());
};

/** Trade the administrator's token for the hub's session cookie, then load. */
export const signIn = async (token: string): Promise<void> => {
  useLiveStore.setState({ signingIn: true, loginProblem: undefined });
  const answer = await postJson<unknown>('/api/hub/session', { token });
  if (answer.ok) {
    useLiveStore.setState({ signingIn: false, phase: 'loading' });
    await loadLive();
    return;
  }
  const problem: LoginProblem = [400, 401, 403].includes(answer.status) ? 'wrong' : 'failed';
  useLiveStore.setState({ signingIn: false, loginProblem: problem });
};

export const stopLive = (): void => closeStream();
