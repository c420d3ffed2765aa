/**
 * The first-run setup page (`/setup`): one server-rendered form with a small script that
 * sends it as JSON to `/api/setup`, shows each problem beside its field and in a summary
 * that is announced, and, once the centre is set up, waits for the server to run it and
 * points to the desk app. Every text comes from `SETUP_MESSAGES`; the script gets its table.
 */
import { LANGUAGES, type Language } from '@queue/core';
import { SETUP_MESSAGES } from './messages';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** JSON inside a script element: no `</script>` can end it early. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export const DEFAULT_TIME_ZONE = 'Europe/Kyiv';

/** The zones this machine knows, under their current names (ICU may still say Europe/Kiev). */
export const timeZoneChoices = (): readonly string[] => {
  const known = Intl.supportedValuesOf('timeZone').map((zone) =>
    zone === 'Europe/Kiev' ? DEFAULT_TIME_ZONE : zone,
  );
  return [...new Set([DEFAULT_TIME_ZONE, ...known])].sort();
};

export const pickSetupLanguage = (requested: string | null): Language =>
  LANGUAGES.find((language) => language === requested) ?? 'uk';

const STYLE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,sans-serif;background:#eef2f7;color:#0c1e3a}
main{max-width:46rem;margin:0 auto;padding:1rem}
header{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.5rem}
h1{font-size:1.6rem;margin:.25rem 0}h2{font-size:1.2rem;margin:0 0 .5rem}
nav ul{display:flex;gap:.25rem;list-style:none;margin:0;padding:0}
nav a{display:inline-block;min-width:2.75rem;min-height:2.75rem;padding:.55rem .5rem;text-align:center;color:#0c1e3a;font-weight:600}
nav a[aria-current]{text-decoration:none;background:#0c1e3a;color:#fff;border-radius:.4rem}
form,#done,#errors{background:#fff;border-radius:.75rem;padding:1rem;margin:1rem 0}
fieldset{border:1px solid #b8c4d4;border-radius:.5rem;margin:0 0 1rem;padding:.75rem;min-width:0}
legend{font-weight:700;padding:0 .25rem}
.field{margin:0 0 .75rem}.field:last-child{margin-bottom:0}
label{display:block;font-weight:600}
input,select,button{font:inherit}
input[type=text],input[type=password],input[type=file],select{display:block;width:100%;min-height:2.75rem;padding:.45rem .6rem;border:1px solid #5a6b82;border-radius:.4rem;background:#fff;color:#0c1e3a}
.hours{display:flex;flex-wrap:wrap;gap:.5rem 1rem}.hours .field{flex:1 1 6rem;margin:0}
.check,.choice{display:flex;gap:.6rem;align-items:flex-start;font-weight:600;margin:.5rem 0 0;min-height:2.75rem}
.check input,.choice input{width:1.4rem;height:1.4rem;margin:.1rem 0 0;flex:none}
.choice span{display:block}.choice small{display:block;font-weight:400}
.hint{margin:.2rem 0 0;color:#3d4d63;font-size:.93rem}
.error{margin:.25rem 0 0;color:#a1001a;font-weight:600;overflow-wrap:anywhere}
[aria-invalid=true]{border:2px solid #a1001a!important}
#errors{border:2px solid #a1001a}#errors ul{margin:0;padding-left:1.2rem;overflow-wrap:anywhere}#errors a{color:#a1001a}
button{min-height:3rem;padding:.6rem 1.5rem;border:0;border-radius:.5rem;background:#0c1e3a;color:#fff;font-weight:700;cursor:pointer;max-width:100%}
button:disabled{background:#5a6b82;cursor:wait}
.desk-link{display:inline-block;margin:.5rem 0;padding:.7rem 1.2rem;border-radius:.5rem;background:#0c1e3a;color:#fff;font-weight:700;max-width:100%}
:focus-visible{outline:3px solid #ffb000;outline-offset:2px}`;

/** Sends the form, shows the problems, then waits for the centre to run. */
const SCRIPT = `(function(){
var T=JSON.parse(document.getElementById('setup-text').textContent);
var form=document.getElementById('setup'),summary=document.getElementById('errors'),list=summary.querySelector('ul');
var button=form.querySelector('button[type=submit]'),el=function(id){return document.getElementById(id)};
var TARGET={centreName:'centreName',timeZone:'timeZone',weekdays:'weekdays-from',weekend:'weekend-from',login:'login',adminName:'adminName',password:'password',passwordAgain:'passwordAgain',catalogue:'catalogueFile',code:'code'};
var sync=function(){el('file-row').hidden=!el('catalogue-file').checked;var closed=el('weekendClosed').checked;el('weekend-from').disabled=closed;el('weekend-to').disabled=closed;};
form.addEventListener('change',sync);sync();
var clear=function(){form.querySelectorAll('[aria-invalid]').forEach(function(n){n.removeAttribute('aria-invalid')});
form.querySelectorAll('.error').forEach(function(n){n.textContent='';n.hidden=true});list.textContent='';summary.hidden=true;};
var show=function(problems){clear();problems.forEach(function(p){
var text=(T.problems[p.key]||p.message||'')+(p.details?' '+p.details.join('; '):'');
var id=TARGET[p.field];if(p.field==='catalogue'&&!el('catalogue-file').checked)id='catalogue-'+form.querySelector('input[name=catalogue]:checked').value;
var error=p.field&&el(p.field+'-error'),target=id&&el(id);
if(error){error.textContent=text;error.hidden=false;}if(target)target.setAttribute('aria-invalid','true');
var item=document.createElement('li');if(target){var a=document.createElement('a');a.href='#'+id;a.textContent=text;item.appendChild(a);}else item.textContent=text;list.appendChild(item);});
summary.hidden=false;summary.focus();};
var busy=function(on){button.disabled=on;button.textContent=on?T.working:T.submit;};
var waitForCentre=function(){fetch('/health',{cache:'no-store'}).then(function(r){return r.ok?r.json():null}).catch(function(){return null}).then(function(h){
if(h&&h.status==='ok'){el('done-status').textContent=T.doneReady;el('done-ready').hidden=false;return;}setTimeout(waitForCentre,500);});};
var done=function(login,desk){form.hidden=true;summary.hidden=true;el('done-login').textContent=login;el('desk-link').href=desk;el('done').hidden=false;el('done-title').focus();waitForCentre();};
form.addEventListener('submit',function(event){event.preventDefault();if(button.disabled)return;
var kind=form.querySelector('input[name=catalogue]:checked').value,file=el('catalogueFile').files[0];
var read=kind!=='file'?Promise.resolve({kind:kind}):!file?Promise.reject('fileMissing'):file.text().then(function(t){try{return{kind:'file',centre:JSON.parse(t)}}catch(e){throw 'fileNotJson'}});
read.then(function(catalogue){var body={centreName:el('centreName').value,timeZone:el('timeZone').value,
weekdays:{from:el('weekdays-from').value,to:el('weekdays-to').value},
admin:{login:el('login').value.trim(),name:el('adminName').value,password:el('password').value,passwordAgain:el('passwordAgain').value},catalogue:catalogue};
body.language=document.documentElement.lang;if(!el('weekendClosed').checked)body.weekend={from:el('weekend-from').value,to:el('weekend-to').value};if(el('code'))body.code=el('code').value;
busy(true);return fetch('/api/setup',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)}).then(function(r){return r.json()}).then(function(answer){
busy(false);if(answer.ok)return done(body.admin.login,answer.data.desk);show(answer.problems||[{message:answer.error&&answer.error.message}]);},function(){busy(false);show([{key:'network'}]);});},
function(key){show([{field:'catalogue',key:key}]);});});
})();`;

interface FieldOptions {
  readonly id: string;
  readonly label: string;
  readonly control: (describedBy: string) => string;
  readonly hint?: string;
  /** The problem field whose error shows here; the id when absent. */
  readonly errorOf?: string;
}

const field = (options: FieldOptions): string => {
  const errorId = `${options.errorOf ?? options.id}-error`;
  const hintId = `${options.id}-hint`;
  const describedBy = options.hint ? `${hintId} ${errorId}` : errorId;
  return `<div class="field"><label for="${options.id}">${escapeHtml(options.label)}</label>${options.control(describedBy)}${
    options.hint ? `<p class="hint" id="${hintId}">${escapeHtml(options.hint)}</p>` : ''
  }${options.errorOf === undefined || options.errorOf === options.id ? `<p class="error" id="${errorId}" hidden></p>` : ''}</div>`;
};

const input =
  (id: string, type: string, attributes = ''): FieldOptions['control'] =>
  (describedBy) =>
    `<input id="${id}" name="${id}" type="${type}" aria-describedby="${describedBy}" ${attributes}>`;

const hoursGroup = (
  id: 'weekdays' | 'weekend',
  legend: string,
  from: string,
  to: string,
  text: (typeof SETUP_MESSAGES)[Language],
  extra = '',
): string =>
  `<fieldset><legend>${escapeHtml(legend)}</legend><div class="hours">${field({
    id: `${id}-from`,
    label: text.opens,
    errorOf: id,
    control: input(`${id}-from`, 'text', timeAttributes(from, text.timeFormat)),
  })}${field({
    id: `${id}-to`,
    label: text.closes,
    errorOf: id,
    control: input(`${id}-to`, 'text', timeAttributes(to, text.timeFormat)),
  })}</div><p class="error" id="${id}-error" hidden></p>${extra}</fieldset>`;

/** 24-hour text, not `type=time`: that shows AM/PM wherever the browser's own locale does. */
const timeAttributes = (value: string, format: string): string =>
  `value="${value}" inputmode="numeric" pattern="[0-2][0-9]:[0-5][0-9]" maxlength="5" placeholder="${escapeHtml(format)}" autocomplete="off" required`;

const choice = (value: string, label: string, hint: string, checked: boolean): string =>
  `<label class="choice" for="catalogue-${value}"><input type="radio" name="catalogue" id="catalogue-${value}" value="${value}"${
    checked ? ' checked' : ''
  }><span>${escapeHtml(label)}<small>${escapeHtml(hint)}</small></span></label>`;

export interface SetupPageOptions {
  readonly language: Language;
  /** Away from the server's machine the one-time code is asked for. */
  readonly needsCode: boolean;
  readonly timeZones: readonly string[];
}

export const renderSetupPage = ({ language, needsCode, timeZones }: SetupPageOptions): string => {
  const text = SETUP_MESSAGES[language];
  const zones = timeZones
    .map(
      (zone) =>
        `<option value="${escapeHtml(zone)}"${zone === DEFAULT_TIME_ZONE ? ' selected' : ''}>${escapeHtml(zone)}</option>`,
    )
    .join('');
  const links = LANGUAGES.map(
    (code) =>
      `<li><a href="?lang=${code}" lang="${code}"${code === language ? ' aria-current="page"' : ''}>${code.toUpperCase()}</a></li>`,
  ).join('');
  const forScript = {
    problems: text.problems,
    working: text.working,
    submit: text.submit,
    doneReady: text.doneReady,
  };
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(text.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(text.title)}</h1><nav aria-label="${escapeHtml(text.languages)}"><ul>${links}</ul></nav></header>
<p>${escapeHtml(text.intro)}</p>
<noscript><p>${escapeHtml(text.noScript)}</p></noscript>
<div id="errors" role="alert" tabindex="-1" hidden><h2>${escapeHtml(text.errorsTitle)}</h2><ul></ul></div>
<form id="setup" novalidate>
<fieldset><legend>${escapeHtml(text.centre)}</legend>
${field({ id: 'centreName', label: text.centreName, control: input('centreName', 'text', 'autocomplete="organization" maxlength="200" required') })}
${field({
  id: 'timeZone',
  label: text.timeZone,
  control: (describedBy) =>
    `<select id="timeZone" name="timeZone" aria-describedby="${describedBy}">${zones}</select>`,
})}
</fieldset>
<fieldset><legend>${escapeHtml(text.hours)}</legend>
${hoursGroup('weekdays', text.weekdays, '08:00', '21:00', text)}
${hoursGroup(
  'weekend',
  text.weekend,
  '09:00',
  '17:00',
  text,
  `<label class="check" for="weekendClosed"><input type="checkbox" id="weekendClosed" name="weekendClosed">${escapeHtml(text.weekendClosed)}</label>`,
)}
</fieldset>
<fieldset><legend>${escapeHtml(text.admin)}</legend>
${field({ id: 'login', label: text.login, hint: text.loginHint, control: input('login', 'text', 'autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64" required') })}
${field({ id: 'adminName', label: text.adminName, control: input('adminName', 'text', 'autocomplete="name" maxlength="200" required') })}
${field({ id: 'password', label: text.password, hint: text.passwordHint, control: input('password', 'password', 'autocomplete="new-password" maxlength="256" required') })}
${field({ id: 'passwordAgain', label: text.passwordAgain, control: input('passwordAgain', 'password', 'autocomplete="new-password" maxlength="256" required') })}
</fieldset>
<fieldset><legend>${escapeHtml(text.catalogue)}</legend>
${choice('reference', text.catalogueReference, text.catalogueReferenceHint, true)}
${choice('file', text.catalogueFile, text.catalogueFileHint, false)}
<div id="file-row">${field({ id: 'catalogueFile', label: text.catalogueFileInput, errorOf: 'catalogue', control: input('catalogueFile', 'file', 'accept=".json,application/json"') })}</div>
${choice('empty', text.catalogueEmpty, text.catalogueEmptyHint, false)}
<p class="error" id="catalogue-error" hidden></p>
</fieldset>
${
  needsCode
    ? `<fieldset><legend>${escapeHtml(text.code)}</legend>${field({ id: 'code', label: text.code, hint: text.codeHint, control: input('code', 'text', 'autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="64" required') })}</fieldset>`
    : ''
}
<button type="submit">${escapeHtml(text.submit)}</button>
</form>
<section id="done" hidden aria-labelledby="done-title">
<h2 id="done-title" tabindex="-1">${escapeHtml(text.doneTitle)}</h2>
<p id="done-status" role="status">${escapeHtml(text.doneStarting)}</p>
<div id="done-ready" hidden><p><strong id="done-login"></strong></p><p><a class="desk-link" id="desk-link" href="/desk/">${escapeHtml(text.openDesk)}</a></p></div>
<p>${escapeHtml(text.doneSettings)}</p>
</section>
</main>
<script type="application/json" id="setup-text">${scriptJson(forScript)}</script>
<script>${SCRIPT}</script>
</body>
</html>`;
};
