/** The booking page's HTML: a phone-first shell, the texts of one language, and the script. */
import { type Language, LANGUAGES } from '@queue/core';
import { BOOK_SCRIPT } from './book-script';
import { BOOK_MESSAGES } from './messages';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export const renderBookPage = (language: Language, path: string): string => {
  const text = BOOK_MESSAGES[language];
  // JSON inside a script element: `<` escaped so that no text can close the element.
  const texts = JSON.stringify(text).replace(/</g, '\\u003c');
  const links = LANGUAGES.filter((other) => other !== language)
    .map((other) => `<a href="${escapeHtml(path)}?lang=${other}">${other.toUpperCase()}</a>`)
    .join(' ');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(text.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#0c1e3a;color:#0c1e3a}
header{color:#fff;padding:1rem;display:flex;justify-content:space-between;align-items:center}header h1{font-size:1.3rem;margin:0}header a{color:#fff;margin-left:.5rem}
main{background:#fff;border-radius:1rem 1rem 0 0;padding:1rem 1rem 2rem;min-height:80vh;max-width:32rem;margin:0 auto}
h2{margin:.3rem 0 1rem}button,input{font:inherit}.choice{display:block;width:100%;text-align:left;padding:.9rem;margin:.4rem 0;border:2px solid #0c1e3a;border-radius:.6rem;background:#fff}
.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(5.5rem,1fr));gap:.5rem}.slot{padding:.8rem 0;border:2px solid #0c1e3a;border-radius:.6rem;background:#fff;font-weight:700}
label{display:block;margin:.8rem 0;font-weight:600}input{display:block;width:100%;box-sizing:border-box;padding:.7rem;margin-top:.3rem;border:2px solid #667;border-radius:.5rem}
.primary,.danger{display:block;width:100%;padding:.9rem;margin:.6rem 0;border:0;border-radius:.6rem;color:#fff;background:#0c1e3a;font-weight:700}.danger{background:#b3261e}
.link{background:none;border:0;color:#0c1e3a;text-decoration:underline;padding:.8rem 0}.muted{color:#445}.alert{background:#ffe3e0;padding:.7rem;border-radius:.5rem}
.code{font-size:2.4rem;font-weight:800;letter-spacing:.15em;margin:.2rem 0}.qr{width:12rem;margin:0 auto}.status{font-weight:700}
</style>
</head>
<body>
<header><h1>${escapeHtml(text.title)}</h1><nav>${links}</nav></header>
<main id="app" aria-live="polite"></main>
<script type="application/json" id="texts">${texts}</script>
<script>${BOOK_SCRIPT}</script>
</body>
</html>`;
};
