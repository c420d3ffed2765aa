/** Which page the address asks for: `/city/live` (and below) is the live view, the rest public. */
export type CityPage = 'public' | 'live';

export const pageOf = (pathname: string): CityPage =>
  /^\/city\/live(\/|$)/.test(pathname) ? 'live' : 'public';
