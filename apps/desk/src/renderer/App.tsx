/** The staff screen once logged in; before that the login form, or pairing where it is required. */
import { PairingScreen, useT } from '@queue/ui';
import { useEffect } from 'react';
import { LoginScreen } from './LoginScreen';
import { Workspace } from './Workspace';
import { useSession } from './session-store';
import { TERMINAL_KEY, terminalPaired, useTerminal } from './terminal';

export const App = () => {
  const t = useT();
  const session = useSession((state) => state.session);
  const terminal = useTerminal();
  useEffect(() => {
    document.title = t('desk.title');
  }, [t]);
  if (session) return <Workspace key={session.token} session={session} />;
  if (!terminal.token && terminal.pairingRequired) {
    return <PairingScreen kind="desk" storageKey={TERMINAL_KEY} onPaired={terminalPaired} />;
  }
  return <LoginScreen />;
};
