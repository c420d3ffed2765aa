/**
 * The visitor's status page (`/t/<ticket id>`): number, service, place in the queue and the
 * desk when called. It shows no personal data; the id in the address is unguessable. A plain
 * server-rendered page that refreshes itself, so any phone shows it without a script.
 */
import type { Centre, Language, Ticket, WaitEstimate } from '@queue/core';
import { LANGUAGES, findDesk, findService } from '@queue/core';
import { STATUS_MESSAGES } from './messages';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export const pickLanguage = (requested: string | null, acceptLanguage: string | undefined): Language => {
  const wanted = [
    requested ?? '',
    ...(acceptLanguage ?? '').split(',').map((part) => part.trim().slice(0, 2)),
  ];
  return wanted.map((code) => LANGUAGES.find((language) => language === code)).find(Boolean) ?? 'uk';
};

const REFRESH_SECONDS = 15;

const page = (language: Language, title: string, body: string, refresh: boolean): string => `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? `<meta http-equiv="refresh" content="${REFRESH_SECONDS}">` : ''}
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#0c1e3a;color:#fff;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;color:#0c1e3a;border-radius:1rem;padding:2rem;margin:1rem;max-width:26rem;width:100%;text-align:center}
.number{font-size:4rem;font-weight:800;margin:.25rem 0}.status{font-size:1.4rem;font-weight:700}
.called{background:#ffd400;border-radius:.5rem;padding:.75rem;font-size:1.6rem;font-weight:800}
nav a{margin:0 .4rem;color:#0c1e3a}small{color:#445}
</style>
</head>
<body><main>${body}</main></body>
</html>`;

const languageLinks = (current: Language): string =>
  `<nav>${LANGUAGES.filter((language) => language !== current)
    .map((language) => `<a href="?lang=${language}">${language.toUpperCase()}</a>`)
    .join('')}</nav>`;

export const renderTicketStatus = (
  centre: Centre,
  ticket: Ticket,
  estimate: WaitEstimate | undefined,
  language: Language,
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
    lines.push(`<p class="called">${escapeHtml(text.calledTo(desk))}</p>`);
  } else {
    lines.push(`<p class="status">${escapeHtml(text.status[ticket.status])}</p>`);
  }
  if (estimate && (ticket.status === 'waiting' || ticket.status === 'postponed')) {
    lines.push(`<p>${escapeHtml(text.ahead(estimate.ahead))}</p>`);
    lines.push(
      `<p>${escapeHtml(estimate.highMinutes <= 1 ? text.waitSoon : text.wait(estimate.lowMinutes, estimate.highMinutes))}</p>`,
    );
  }
  const open = ticket.status !== 'completed' && ticket.status !== 'no-show' && ticket.status !== 'cancelled';
  if (open) lines.push(`<small>${escapeHtml(text.refreshes)}</small>`);
  lines.push(languageLinks(language));
  return page(language, text.title, lines.join('\n'), open);
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
