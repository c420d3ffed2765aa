/** The staff screen once logged in, the login form before. */
import { useT } from '@queue/ui';
import { useEffect } from 'react';
import { LoginScreen } from './LoginScreen';
import { Workspace } from './Workspace';
import { useSession } from './session-store';

export const App = () => {
  const t = useT();
  const session = useSession((state) => state.session);
  useEffect(() => {
    document.title = t('desk.title');
  }, [t]);
  return session ? <Workspace key={session.token} session={session} /> : <LoginScreen />;
};
