/** The hall board: the newest call large, the previous calls beside it, the time above. */
import { ConnectionBanner, useLocalize, useT } from '@queue/ui';
import { useEffect, useMemo } from 'react';
import { boardOf } from './board';
import { CallList } from './CallList';
import { Clock } from './Clock';
import { CurrentCall } from './CurrentCall';
import { hasDevice, useQueue } from './queue';

export const App = () => {
  const t = useT();
  const localize = useLocalize();
  const status = useQueue((state) => state.status);
  const calls = useQueue((state) => state.sync.calls);
  const siteName = useQueue((state) => state.sync.centre?.site.name);
  const board = useMemo(() => boardOf(calls), [calls]);

  useEffect(() => {
    document.title = t('display.title');
  }, [t]);

  return (
    <div className="board">
      <header className="board__header">
        <h1 className="board__site">{siteName ? localize(siteName) : t('display.title')}</h1>
        <Clock />
      </header>
      <ConnectionBanner state={hasDevice ? status : 'no-device'} />
      <main className="board__main">
        <CurrentCall call={board.current} />
        <CallList calls={board.previous} />
      </main>
    </div>
  );
};
