/** The time and date of the centre, by the server's clock, in the centre's time zone. */
import { formatDate, formatTime, useLanguage } from '@queue/ui';
import { useEffect, useState } from 'react';
import { useQueue } from '../state/queue';

export const Clock = () => {
  const language = useLanguage();
  const offset = useQueue((state) => state.sync.clockOffsetMs);
  const timeZone = useQueue((state) => state.sync.centre?.site.timeZone);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  const at = now + offset;
  return (
    <div className="clock">
      <time className="clock__time">{formatTime(at, language, timeZone)}</time>
      <span className="clock__date">{formatDate(at, language, timeZone)}</span>
    </div>
  );
};
