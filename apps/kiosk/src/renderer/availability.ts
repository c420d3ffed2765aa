/**
 * Whether the centre and each service are open now, and when they open next, on the
 * server's clock (the kiosk's own may be off) and in the site's time zone.
 */
import {
  type Centre,
  type Instant,
  type Language,
  type WeeklyHours,
  instant,
  isOpenAt,
  nextOpening,
} from '@queue/core';
import { localeOf, useLanguage } from '@queue/ui';
import { useEffect, useState } from 'react';
import { useQueue } from './queue';

const TICK_MS = 30_000;

/** The server's time now, refreshed every half minute. */
export const useServerNow = (): Instant => {
  const offset = useQueue((state) => state.sync.clockOffsetMs);
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setLocal(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return instant(local + offset);
};

export const isCentreOpen = (centre: Centre, at: Instant): boolean => isOpenAt(centre.site, undefined, at);

export const nextOpeningOf = (
  centre: Centre,
  hours: WeeklyHours | undefined,
  at: Instant,
): Instant | undefined => nextOpening(centre.site, hours, at);

/** "середа, 25 листопада, 08:00" in the screen's language and the site's zone. */
export const formatOpening = (at: Instant, language: Language, timeZone: string): string =>
  new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);

/** A formatter bound to the screen's language and the centre's zone. */
export const useFormatOpening = (centre: Centre): ((at: Instant) => string) => {
  const language = useLanguage();
  return (at) => formatOpening(at, language, centre.site.timeZone);
};
