/**
 * The public appeals pages' HTML (`/appeal`, `/a/<code>`): a phone-first shell, the texts of
 * one language, and the page's script, a second entry of the booking page's build
 * (apps/book, `appeal.ts`), found through the build's manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Language, LANGUAGES } from '@queue/core';
import { BOOK_APP_PATH } from '../bookings/book-page';
import { STATUS_MESSAGES } from '../status-page/messages';
import { APPEAL_PAGE_MESSAGES } from './appeal-messages';

/** The manifest's key of the page's script (an input of apps/book/vite.config.ts). */
const ENTRY = 'appeal.ts';

/** The script's URL from the build's manifest, read until it is found, then kept. */
export const appealScriptLocator = (distDir: string): (() => string | undefined) => {
  let found: string | undefined;
  return () => {
    if (found) return found;
    try {
      const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
        string,
        { readonly file?: string }
      >;
      const file = manifest[ENTRY]?.file;
      found = file ? `${BOOK_APP_PATH}${file}` : undefined;
    } catch {
      return undefined;
    }
    return found;
  };
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export const renderAppealPage = (language: Language, path: string, scriptSrc: string): string => {
  const text = APPEAL_PAGE_MESSAGES[language];
  // JSON inside a script element: `<` escaped so that no text can close the element.
  const texts = JSON.stringify(text).replace(/</g, '\\u003c');
  // Each language named in itself (as on the status and booking pages), large enough for a thumb.
  const links = LANGUAGES.filter((other) => other !== language)
    .map(
      (other) =>
        `<a href="${escapeHtml(path)}?lang=${other}" lang="${other}" hreflang="${other}">${escapeHtml(STATUS_MESSAGES[other].languageName)}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(text.title)}</title>
<style>
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;background:#0c1e3a;color:#0c1e3a;line-height:1.4}
header{color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem}header h1{font-size:1.25rem;margin:0}
nav{display:flex;flex-wrap:wrap;gap:.5rem}nav a{display:inline-flex;align-items:center;justify-content:center;min-width:3rem;min-height:3rem;padding:0 .7rem;color:#fff;border:2px solid #fff;border-radius:.5rem;font-weight:700}
main{background:#fff;border-radius:1rem 1rem 0 0;padding:1rem 1rem 2rem;min-height:80vh;max-width:32rem;margin:0 auto;overflow-wrap:anywhere}
h2{margin:.3rem 0 .8rem;font-size:1.35rem}.box h2{font-size:1.15rem}h3{margin:1.2rem 0 .4rem;font-size:1.1rem}
button,input,select,textarea{font:inherit}
.field{margin:.9rem 0}label{display:block;font-weight:600}[hidden]{display:none}
input,select,textarea{display:block;width:100%;padding:.7rem;margin-top:.3rem;border:2px solid #667;border-radius:.5rem;background:#fff;color:#0c1e3a}
textarea{min-height:9rem;resize:vertical}textarea.short{min-height:4.5rem}
fieldset{border:2px solid #d5d9e2;border-radius:.7rem;margin:1rem 0;padding:.2rem .8rem .4rem;min-width:0}legend{font-weight:700;padding:0 .3rem}
.hint{display:block;font-weight:400;color:#3d4656;font-size:.92rem;margin-top:.2rem}
[aria-invalid="true"]{border-color:#b3261e}
.primary{display:block;width:100%;padding:.9rem;margin:1rem 0 .6rem;border:0;border-radius:.6rem;color:#fff;background:#0c1e3a;font-weight:700}.primary:disabled{background:#4a5670}
.muted{color:#3d4656}.alert{background:#ffe3e0;color:#5c0f0a;padding:.7rem;border-radius:.5rem}.alert ul{margin:.3rem 0 0;padding-left:1.2rem}
.number{font-size:1.3rem;font-weight:700}.code{font-size:2.2rem;font-weight:800;letter-spacing:.12em;margin:.1rem 0 .6rem;font-family:ui-monospace,monospace}
.qr{width:12rem;max-width:100%;margin:.4rem auto}.qr svg{display:block;width:100%;height:auto}
.status{display:inline-block;font-weight:700;background:#e3ecff;padding:.35rem .7rem;border-radius:1rem}
.status[data-status="answered"]{background:#dcf3e3}.status[data-status="dismissed"]{background:#eee}
dl{margin:.8rem 0}dt{font-weight:600;color:#3d4656;margin-top:.6rem}dd{margin:0;font-size:1.05rem}
.answer{white-space:pre-wrap;background:#f3f5f9;border-radius:.5rem;padding:.7rem;margin:.4rem 0}
.box{border-top:2px solid #d5d9e2;margin-top:1.5rem;padding-top:.5rem}
main a{color:#0c1e3a;display:inline-block;padding:.5rem 0}
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
