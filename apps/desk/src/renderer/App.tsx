/** The operator's screen once logged in, the login form before. */
import { useT } from '@queue/ui';
import { useEffect } from 'react';
import { LoginScreen } from './LoginScreen';
import { OperatorScreen } from './OperatorScreen';
import { useSession } from './session-store';

export const App = () => {
  const t = useT();
  const session = useSession((state) => state.session);
  useEffect(() => {
    document.title = t('desk.title');
  }, [t]);
  return session ? <OperatorScreen key={session.token} session={session} /> : <LoginScreen />;
};
