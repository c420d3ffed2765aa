/**
 * This browser as a desk terminal: the token it holds once an administrator paired it, and
 * whether the server wants it paired before anyone logs in (it does, except on the server's
 * own machine). Logins carry the token; the server binds them to the terminal's desk.
 */
import { forgetDeviceToken, pairingRequiredHere, takeDeviceToken } from '@queue/ui';
import { create } from 'zustand';

export const TERMINAL_KEY = 'queue.desk.terminal';

interface TerminalState {
  readonly token?: string;
  /** Unknown until the server answered; the login form is shown meanwhile. */
  readonly pairingRequired?: boolean;
}

const saved = takeDeviceToken(TERMINAL_KEY);

export const useTerminal = create<TerminalState>()(() => (saved ? { token: saved } : {}));

void pairingRequiredHere().then((pairingRequired) => useTerminal.setState({ pairingRequired }));

export const terminalPaired = (token: string): void => useTerminal.setState({ token });

/** The server refused the terminal's token (revoked): forget it and pair again where required. */
export const terminalRefused = (): void => {
  forgetDeviceToken(TERMINAL_KEY);
  useTerminal.setState({ token: undefined });
};
