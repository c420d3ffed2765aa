/** Who is logged in at this desk, and why the login screen is shown again, if it is. */
import type { LoginAnswer } from '@queue/protocol';
import type { MessageKey } from '@queue/ui';
import { create } from 'zustand';
import { forgetSession, loadSession, requestLogout, saveSession } from './session';

interface SessionState {
  readonly session?: LoginAnswer;
  readonly notice?: MessageKey;
}

const restored = loadSession();

export const useSession = create<SessionState>()(() =>
  restored && restored.expiresAt > Date.now() ? { session: restored } : {},
);

export const startSession = (session: LoginAnswer): void => {
  saveSession(session);
  useSession.setState({ session, notice: undefined });
};

export const endSession = (notice?: MessageKey): void => {
  const token = useSession.getState().session?.token;
  forgetSession();
  useSession.setState({ session: undefined, notice });
  if (token && !notice) void requestLogout(token);
};
