/**
 * The visitor's status page (`/t/<ticket id>`): number, service, place in the queue and the
 * desk when called; after the visit, a rating form. It shows no personal data; the id in the
 * address is unguessable. Server-rendered first: with a script the page follows a live feed
 * (`/t/<id>/live`) and changes the moment the desk calls; without one it refreshes itself.
 */
import type { Centre, Instant, Language, Ticket, WaitEstimate } from '@queue/core';
import { LANGUAGES, findDesk, findService, formatClock, isOpenAt, localTime } from '@queue/core';
import { STATUS_MESSAGES, type StatusMessages } from './messages';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export const pickLanguage = (
  requested: string | null,
  acceptLanguage: string | undefined,
  /** The ticket's own language, before the browser's: the visitor chose it at the kiosk. */
  own?: Language,
): Language => {
  const wanted = [
    requested ?? '',
    own ?? '',
    ...(acceptLanguage ?? '').split(',').map((part) => part.trim().slice(0, 2)),
  ];
  return wanted.map((code) => LANGUAGES.find((language) => language === code)).find(Boolean) ?? 'uk';
};

const REFRESH_SECONDS = 15;

/** Follows the live feed and swaps the card's content; the feed ends when the visit does. */
const LIVE_SCRIPT = `(function(){if(!window.EventSource)return;var m=document.querySelector('main');
var s=new EventSource(location.pathname.replace(/\\/$/,'')+'/live'+location.search);
s.onmessage=function(e){var d=JSON.parse(e.data);m.innerHTML=d.html;m.dataset.status=d.status;if(!d.open)s.close();};})();`;

const page = (
  language: Language,
  title: string,
  body: string,
  refresh: boolean,
  live = false,
): string => `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? `<noscript><meta http-equiv="refresh" content="${REFRESH_SECONDS}"></noscript>` : ''}
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#0c1e3a;color:#fff;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;color:#0c1e3a;border-radius:1rem;padding:2rem;margin:1rem;max-width:26rem;width:100%;text-align:center}
.number{font-size:4rem;font-weight:800;margin:.25rem 0}.status{font-size:1.4rem;font-weight:700}
.called{background:#ffd400;border-radius:.5rem;padding:.75rem;font-size:1.6rem;font-weight:800}
nav a{margin:0 .4rem;color:#0c1e3a}small{color:#445}
.stars{display:flex;justify-content:center;gap:.3rem;margin:.5rem 0}.stars label{font-size:1.3rem;padding:.4rem .6rem;border:2px solid #0c1e3a;border-radius:.5rem}
textarea{width:100%;box-sizing:border-box;min-height:4rem;font:inherit}button{font:inherit;font-weight:700;padding:.6rem 1.4rem;margin-top:.5rem;border-radius:.5rem;border:0;background:#0c1e3a;color:#fff}
</style>
</head>
<body><main data-live="${live ? 'on' : 'off'}">${body}</main>${live ? `<script>${LIVE_SCRIPT}</script>` : ''}</body>
</html>`;

const languageLinks = (current: Language): string =>
  `<nav>${LANGUAGES.filter((language) => language !== current)
    .map((language) => `<a href="?lang=${language}">${language.toUpperCase()}</a>`)
    .join('')}</nav>`;

/** Whether the visit asks for a rating, or has one. */
export type RatingState = 'not-yet' | 'ask' | 'thanks';

export const ratingStateOf = (ticket: Ticket, rated: boolean): RatingState =>
  ticket.status !== 'completed' ? 'not-yet' : rated ? 'thanks' : 'ask';

const ratingForm = (ticket: Ticket, language: Language): string => {
  const text = STATUS_MESSAGES[language];
  const stars = [1, 2, 3, 4, 5]
    .map((score) => `<label><input type="radio" name="score" value="${score}" required> ${score}</label>`)
    .join('');
  return `<form method="post" action="/t/${escapeHtml(ticket.id)}/rating?lang=${language}" class="rating">
<p class="status">${escapeHtml(text.rateQuestion)}</p>
<fieldset class="stars" aria-label="${escapeHtml(text.rateScale)}">${stars}</fieldset>
<label>${escapeHtml(text.rateComment)}<textarea name="comment" maxlength="500"></textarea></label>
<button type="submit">${escapeHtml(text.rateSubmit)}</button>
</form>`;
};

/**
 * "Called shortly" only while a desk that serves the service is open; once the service has
 * closed for the day, no wait at all (the ticket lapses at midnight), and a warning when the
 * wait may run past closing time.
 */
export const waitLinesOf = (
  centre: Centre,
  ticket: Ticket,
  estimate: WaitEstimate,
  text: StatusMessages,
  at: Instant,
): string[] => {
  const service = findService(centre, ticket.serviceCode);
  if (!isOpenAt(centre.site, service?.hours, at)) return [text.closedForToday];
  const wait =
    estimate.highMinutes > 1
      ? text.wait(estimate.lowMinutes, estimate.highMinutes)
      : estimate.capacity === 0
        ? text.noDeskOpen
        : text.waitSoon;
  if (estimate.closesBefore === undefined) return [wait];
  const closing = formatClock(localTime(estimate.closesBefore, centre.site.timeZone).minuteOfDay);
  return [wait, text.mayRunPastClosing(closing)];
};

/** The card's content: what the live feed sends too. */
export const renderTicketBody = (
  centre: Centre,
  ticket: Ticket,
  estimate: WaitEstimate | undefined,
  language: Language,
  rated: boolean,
  at: Instant,
): string => {
  const text = STATUS_MESSAGES[language];
  const service = findService(centre, ticket.serviceCode)?.name[language] ?? ticket.serviceCode;
  const desk = ticket.deskId ? findDesk(centre, ticket.deskId)?.name[language] : undefined;
  const lines: string[] = [
    `<p>${escapeHtml(text.ticket)}</p>`,
    `<p class="number">${escapeHtml(ticket.number)}</p>`,
    `<p>${escapeHtml(service)}</p>`,
  ];
  if (ticket.status === 'called' && desk) {
    lines.push(`<p class="called" data-testid="called">${escapeHtml(text.calledTo(desk))}</p>`);
  } else {
    lines.push(`<p class="status">${escapeHtml(text.status[ticket.status])}</p>`);
  }
  if (ticket.appointmentAt !== undefined && ticket.status === 'waiting') {
    const time = formatClock(localTime(ticket.appointmentAt, centre.site.timeZone).minuteOfDay);
    lines.push(`<p data-testid="booked-for">${escapeHtml(text.bookedFor(time))}</p>`);
  }
  if (estimate && (ticket.status === 'waiting' || ticket.status === 'postponed')) {
    lines.push(`<p>${escapeHtml(text.ahead(estimate.ahead))}</p>`);
    for (const line of waitLinesOf(centre, ticket, estimate, text, at)) {
      lines.push(`<p data-testid="wait">${escapeHtml(line)}</p>`);
    }
  }
  const rating = ratingStateOf(ticket, rated);
  if (rating === 'ask') lines.push(ratingForm(ticket, language));
  if (rating === 'thanks')
    lines.push(`<p class="status" data-testid="rated">${escapeHtml(text.rateThanks)}</p>`);
  if (isOpen(ticket)) lines.push(`<small>${escapeHtml(text.refreshes)}</small>`);
  lines.push(languageLinks(language));
  return lines.join('\n');
};

export const isOpen = (ticket: Ticket): boolean =>
  ticket.status !== 'completed' && ticket.status !== 'no-show' && ticket.status !== 'cancelled';

export const renderTicketStatus = (
  centre: Centre,
  ticket: Ticket,
  estimate: WaitEstimate | undefined,
  language: Language,
  rated: boolean,
  at: Instant,
): string => {
  const text = STATUS_MESSAGES[language];
  const open = isOpen(ticket);
  return page(
    language,
    text.title,
    renderTicketBody(centre, ticket, estimate, language, rated, at),
    open,
    open,
  );
};

export const renderNotFound = (language: Language): string => {
  const text = STATUS_MESSAGES[language];
  return page(
    language,
    text.title,
    `<p class="status">${escapeHtml(text.notFound)}</p>${languageLinks(language)}`,
    false,
  );
};

/** A short answer page (after a rating), with the way back to the ticket. */
export const renderNotice = (language: Language, message: string, backPath: string): string =>
  page(
    language,
    STATUS_MESSAGES[language].title,
    `<p class="status">${escapeHtml(message)}</p><p><a href="${escapeHtml(backPath)}">←</a></p>`,
    false,
  );
