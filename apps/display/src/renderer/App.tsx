/**
 * The hall board: the newest call large, the previous calls beside it, the time above, the
 * waiting counts and notices when the board has them, and the running line below. One layout
 * for a landscape TV (1080p or 4K) and a portrait screen (see layout.css).
 */
import { ConnectionBanner, PairingScreen, localize, useLanguage, useT } from '@queue/ui';
import { useEffect, useMemo } from 'react';
import { CallList } from './components/CallList';
import { Clock } from './components/Clock';
import { CurrentCall } from './components/CurrentCall';
import { InfoPanel } from './components/InfoPanel';
import { SoundPrompt, SpeakerIcon } from './components/SoundPrompt';
import { Ticker } from './components/Ticker';
import { WaitingPanel } from './components/WaitingPanel';
import { callsShown } from './logic/calls-shown';
import { DEVICE_KEY, hasDevice, useQueue } from './state/queue';
import { useBoard, useBoardCalls } from './state/use-board';

export const App = () => {
  const t = useT();
  const language = useLanguage();
  const status = useQueue((state) => state.status);
  const siteName = useQueue((state) => state.sync.centre?.site.name);
  const board = useBoard();
  const calls = useBoardCalls(board);
  const shown = useMemo(() => callsShown(calls), [calls]);
  const info = board ? localize(board.info, language).trim() : '';
  const ticker = board ? localize(board.ticker, language) : '';
  const showWaiting = board?.showWaiting ?? false;
  const muted = board?.muted ?? false;

  useEffect(() => {
    document.title = t('display.title');
  }, [t]);

  // Without a token, or with one the server refuses (revoked), the board can only pair.
  if (!hasDevice || status === 'unauthorised') {
    return <PairingScreen kind="display" storageKey={DEVICE_KEY} revoked={hasDevice} />;
  }
  return (
    <div className={`board${showWaiting || info ? ' board--side' : ''}`} data-board={board?.id}>
      <header className="board__header">
        <h1 className="board__site">{siteName ? localize(siteName, language) : t('display.title')}</h1>
        {muted && (
          <span className="board__muted" data-testid="muted">
            <SpeakerIcon muted />
            {t('display.muted')}
          </span>
        )}
        {/* In the header, where the muted sign would be: it covers nothing and moves nothing. */}
        <SoundPrompt muted={muted} />
        <Clock />
      </header>
      <ConnectionBanner state={status} />
      <main className="board__main">
        <CurrentCall call={shown.current} />
        <CallList calls={shown.previous} />
        {(showWaiting || info) && (
          <aside className="board__side">
            {showWaiting && <WaitingPanel board={board} />}
            {info && <InfoPanel text={info} />}
          </aside>
        )}
      </main>
      <Ticker text={ticker} />
    </div>
  );
};
