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
main{background:#fff;color:#0c1e3a;border-radius:1rem;padding:1.25rem;margin:1rem;max-width:26rem;width:100%;box-sizing:border-box;text-align:center;overflow-wrap:anywhere}
h1{margin:.25rem 0;font-size:1rem;font-weight:400}h1 .number{display:block;font-size:4rem;font-weight:800;line-height:1.1}
.status{font-size:1.4rem;font-weight:700}
.called{background:#ffd400;border-radius:.5rem;padding:.75rem;font-size:1.6rem;font-weight:800}
nav{display:flex;flex-wrap:wrap;justify-content:center;gap:.5rem;margin-top:1rem}
nav a{display:inline-flex;align-items:center;justify-content:center;min-width:3rem;min-height:3rem;box-sizing:border-box;padding:0 .9rem;border:2px solid #0c1e3a;border-radius:.5rem;color:#0c1e3a;font-weight:700}
small{display:block;color:#445}
.rating fieldset{border:0;margin:0;padding:0;min-width:0}.rating legend{padding:0;margin:0 auto .4rem}
.stars{display:flex;justify-content:center;gap:.4rem;margin:0 0 .8rem}
.star{position:relative;display:flex;flex:1 1 0;flex-direction:column;align-items:center;justify-content:center;min-width:3rem;max-width:4.5rem;min-height:4rem;border:2px solid #0c1e3a;border-radius:.6rem;color:#0c1e3a;background:#fff}
.star input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.star__glyph{font-size:2rem;line-height:1}.star__score{font-size:.9rem;font-weight:700}
.star:has(input:checked),.star:has(~.star input:checked){background:#ffd400}
.star:has(input:focus-visible){outline:3px solid #ffbf00;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.comment{display:block;text-align:left;font-weight:600}
textarea{display:block;width:100%;box-sizing:border-box;min-height:4rem;margin-top:.3rem;font:inherit;font-weight:400}
button{font:inherit;font-weight:700;min-height:3rem;padding:.6rem 1.4rem;margin-top:.8rem;border-radius:.5rem;border:0;background:#0c1e3a;color:#fff}
</style>
</head>
<body><main data-live="${live ? 'on' : 'off'}">${body}</main>${live ? `<script>${LIVE_SCRIPT}</script>` : ''}</body>
</html>`;

/** The other languages, each named in itself, large enough for a thumb. */
const languageLinks = (current: Language): string =>
  `<nav aria-label="${escapeHtml(STATUS_MESSAGES[current].languages)}">${LANGUAGES.filter(
    (language) => language !== current,
  )
    .map(
      (language) =>
        `<a href="?lang=${language}" lang="${language}" hreflang="${language}">${escapeHtml(STATUS_MESSAGES[language].languageName)}</a>`,
    )
    .join('')}</nav>`;

/** Whether the visit asks for a rating, or has one. */
export type RatingState = 'not-yet' | 'ask' | 'thanks';

export const ratingStateOf = (ticket: Ticket, rated: boolean): RatingState =>
  ticket.status !== 'completed' ? 'not-yet' : rated ? 'thanks' : 'ask';

const ratingForm = (ticket: Ticket, language: Language): string => {
  const text = STATUS_MESSAGES[language];
  // Five large stars, each a real radio button named "4 з 5": the whole star is its target.
  const stars = [1, 2, 3, 4, 5]
    .map(
      (score) =>
        `<label class="star"><input type="radio" name="score" value="${score}" required>` +
        `<span class="star__glyph" aria-hidden="true">★</span><span class="star__score" aria-hidden="true">${score}</span>` +
        `<span class="visually-hidden">${escapeHtml(text.rateStar(score))}</span></label>`,
    )
    .join('');
  return `<form method="post" action="/t/${escapeHtml(ticket.id)}/rating?lang=${language}" class="rating">
<p class="status">${escapeHtml(text.rateQuestion)}</p>
<fieldset role="radiogroup"><legend>${escapeHtml(text.rateScale)}</legend><div class="stars">${stars}</div></fieldset>
<label class="comment">${escapeHtml(text.rateComment)}<textarea name="comment" maxlength="500"></textarea></label>
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
    `<h1>${escapeHtml(text.ticket)} <span class="number">${escapeHtml(ticket.number)}</span></h1>`,
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
    `<h1 class="status">${escapeHtml(text.notFound)}</h1>${languageLinks(language)}`,
    false,
  );
};

/** A short answer page (after a rating), with the way back to the ticket. */
export const renderNotice = (language: Language, message: string, backPath: string): string =>
  page(
    language,
    STATUS_MESSAGES[language].title,
    `<h1 class="status">${escapeHtml(message)}</h1><nav><a href="${escapeHtml(backPath)}">${escapeHtml(STATUS_MESSAGES[language].backToTicket)}</a></nav>`,
    false,
  );
