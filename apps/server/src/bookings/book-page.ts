/**
 * The booking page's HTML: a phone-first shell, the texts of one language, and the page's
 * script, built by Vite from apps/book (typed and linted like the other front ends) and found
 * through the build's manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Language, LANGUAGES } from '@queue/core';
import { STATUS_MESSAGES } from '../status-page/messages';
import { BOOK_MESSAGES } from './messages';

/** Where the page's script is served from (`base` in apps/book/vite.config.ts). */
export const BOOK_APP_PATH = '/book-app/';

/**
 * The script's URL from the build's manifest, read until it is found (the build may come
 * after the server's start in development), then kept.
 */
export const bookScriptLocator = (distDir: string): (() => string | undefined) => {
  let found: string | undefined;
  return () => {
    if (found) return found;
    try {
      const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
        string,
        { readonly file?: string }
      >;
      const file = manifest['main.ts']?.file;
      found = file ? `${BOOK_APP_PATH}${file}` : undefined;
    } catch {
      return undefined;
    }
    return found;
  };
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export const renderBookPage = (language: Language, path: string, scriptSrc: string): string => {
  const text = BOOK_MESSAGES[language];
  // JSON inside a script element: `<` escaped so that no text can close the element.
  const texts = JSON.stringify(text).replace(/</g, '\\u003c');
  // Each language named in itself (as on the status page), large enough for a thumb.
  const links = LANGUAGES.filter((other) => other !== language)
    .map(
      (other) =>
        `<a href="${escapeHtml(path)}?lang=${other}" lang="${other}" hreflang="${other}">${escapeHtml(STATUS_MESSAGES[other].languageName)}</a>`,
    )
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
header{color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem;justify-content:space-between;align-items:center}header h1{font-size:1.3rem;margin:0}
header nav{display:flex;flex-wrap:wrap;gap:.5rem}header a{display:inline-flex;align-items:center;justify-content:center;min-width:3rem;min-height:3rem;box-sizing:border-box;padding:0 .7rem;color:#fff;border:2px solid #fff;border-radius:.5rem;font-weight:700}
main{background:#fff;border-radius:1rem 1rem 0 0;padding:1rem 1rem 2rem;min-height:80vh;max-width:32rem;margin:0 auto}
h2{margin:.3rem 0 1rem}button,input{font:inherit}.choice{display:block;width:100%;text-align:left;padding:.9rem;margin:.4rem 0;border:2px solid #0c1e3a;border-radius:.6rem;background:#fff}
.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(5.5rem,1fr));gap:.5rem}.slot{padding:.8rem 0;border:2px solid #0c1e3a;border-radius:.6rem;background:#fff;font-weight:700}
label{display:block;margin:.8rem 0;font-weight:600}input{display:block;width:100%;box-sizing:border-box;padding:.7rem;margin-top:.3rem;border:2px solid #667;border-radius:.5rem}
.primary,.danger{display:block;width:100%;padding:.9rem;margin:.6rem 0;border:0;border-radius:.6rem;color:#fff;background:#0c1e3a;font-weight:700}.danger{background:#b3261e}
.link{background:none;border:0;color:#0c1e3a;text-decoration:underline;padding:.8rem 0;min-width:3rem;min-height:3rem}main a{display:inline-block;padding:.8rem 0;color:#0c1e3a}.muted{color:#445}.alert{background:#ffe3e0;padding:.7rem;border-radius:.5rem}
.code{font-size:2.4rem;font-weight:800;letter-spacing:.15em;margin:.2rem 0}.qr{width:12rem;margin:0 auto}.status{font-weight:700}
</style>
</head>
<body>
<header><h1>${escapeHtml(text.title)}</h1><nav aria-label="${escapeHtml(STATUS_MESSAGES[language].languages)}">${links}</nav></header>
<main id="app" aria-live="polite"></main>
<script type="application/json" id="texts">${texts}</script>
<script type="module" src="${escapeHtml(scriptSrc)}"></script>
</body>
</html>`;
};
