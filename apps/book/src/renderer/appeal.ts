/**
 * The public appeals pages on an applicant's phone. On `/appeal`: the form (organisation,
 * then optionally one of its services, a summary, the text, the name and at least one
 * contact) → the number, the tracking code, its QR, the due day and a link to follow it;
 * below it, a box to type a code. On `/a/<code>`: the appeal's status, dates and, once
 * closed, the answer or the ground it was closed on; never anyone's personal data (the
 * server does not send any). The server renders the page in the applicant's language and
 * hands over its texts; this script does the rest.
 */
import type {
  Ack,
  AppealOptions,
  AppealPageTexts,
  FiledAppealWithQr,
  PublicAppealView,
} from '@queue/protocol';
import { fileAppeal, loadAppealOptions, trackAppeal } from './appeal-api';
import { el, show as showIn } from './dom';

const texts = JSON.parse(document.getElementById('texts')?.textContent ?? '{}') as AppealPageTexts;
const language = document.documentElement.lang as 'uk' | 'ru' | 'en';
const app = document.getElementById('app') as HTMLElement;
const show = (nodes: readonly Node[]): void => showIn(app, nodes);

const CODE = /^[2-9A-HJKMNP-Za-hjkmnp-z]{8}$/;
const PHONE = /^\+?[\d\s().-]{9,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const problem = (answer: Ack<unknown>): string => {
  if (answer.ok) return '';
  const { code, message } = answer.error;
  if (code === 'RATE_LIMITED') return texts.tooMany;
  if (code === 'NOT_FOUND') return texts.notFound;
  if (code === 'INTERNAL' && message === 'offline') return texts.offline;
  return texts.invalid.server;
};

const alertBox = (content: string | Node) => el('div', { class: 'alert', role: 'alert' }, [content]);

/** `2026-12-24` as `24.12.2026`. */
const dayText = (day: string): string => day.split('-').reverse().join('.');
const instantText = (at: number): string => {
  const date = new Date(at);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}`;
};

const withLang = (path: string): string => `${path}?lang=${language}`;

/** A labelled control, with a hint read out with it. */
const field = (
  id: string,
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLElement => {
  control.id = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return el('div', { class: 'field' }, [
    el('label', { for: id }, [label]),
    control,
    ...(hint ? [el('span', { class: 'hint', id: `${id}-hint` }, [hint])] : []),
  ]);
};

/** The box to type a tracking code in, on both pages. */
const findBox = (message?: string): HTMLElement => {
  const input = el('input', {
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '8',
    inputmode: 'text',
  });
  const form = el('form', { class: 'find', novalidate: 'novalidate' }, [
    field('code', texts.codeLabel, input),
    el('button', { type: 'submit', class: 'primary' }, [texts.find]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.trim();
    if (!CODE.test(code)) {
      input.setAttribute('aria-invalid', 'true');
      form.prepend(alertBox(texts.invalid.code));
      input.focus();
      return;
    }
    location.assign(withLang(`/a/${code.toUpperCase()}`));
  });
  return el('section', { class: 'box', 'aria-labelledby': 'find-title' }, [
    el('h2', { id: 'find-title' }, [texts.findTitle]),
    ...(message ? [alertBox(message)] : []),
    form,
  ]);
};

const appealForm = async (): Promise<void> => {
  const loaded = await loadAppealOptions(language);
  if (!loaded.ok) return show([alertBox(problem(loaded)), findBox()]);
  const options: AppealOptions = loaded.data;

  const organisation = el('select', { name: 'organisation', required: 'required' }, [
    el('option', { value: '' }, [texts.chooseOrganisation]),
    ...options.organisations.map((entry) => el('option', { value: entry.id }, [entry.name])),
  ]);
  const service = el('select', { name: 'service' });
  const serviceField = field('service', texts.service, service);
  const fillServices = (): void => {
    const services = options.organisations.find((entry) => entry.id === organisation.value)?.services ?? [];
    service.replaceChildren(
      el('option', { value: '' }, [texts.anyService]),
      ...services.map((entry) => el('option', { value: entry.code }, [entry.name])),
    );
    serviceField.hidden = services.length === 0;
  };
  organisation.addEventListener('change', fillServices);
  fillServices();

  const summary = el('input', { name: 'summary', maxlength: '200', required: 'required' });
  const body = el('textarea', { name: 'text', maxlength: '5000', required: 'required', rows: '7' });
  const name = el('input', { name: 'name', autocomplete: 'name', maxlength: '150', required: 'required' });
  const address = el('textarea', {
    name: 'address',
    class: 'short',
    autocomplete: 'street-address',
    maxlength: '300',
    rows: '2',
  });
  const phone = el('input', { name: 'phone', type: 'tel', autocomplete: 'tel', placeholder: '+380…' });
  const email = el('input', { name: 'email', type: 'email', autocomplete: 'email', maxlength: '200' });
  const submit = el('button', { type: 'submit', class: 'primary' }, [texts.send]);
  const messages = el('div', {});

  const form = el('form', { novalidate: 'novalidate', 'aria-describedby': 'intro' }, [
    messages,
    field('organisation', texts.organisation, organisation),
    serviceField,
    field('summary', texts.summary, summary, texts.summaryHint),
    field('text', texts.text, body),
    el('fieldset', {}, [el('legend', {}, [texts.yourDetails]), field('name', texts.name, name)]),
    el('fieldset', { 'aria-describedby': 'contacts-why' }, [
      el('legend', {}, [texts.contacts]),
      el('p', { class: 'hint', id: 'contacts-why' }, [texts.contactsWhy]),
      field('address', texts.address, address),
      field('phone', texts.phone, phone),
      field('email', texts.email, email),
    ]),
    el('p', { class: 'hint' }, [texts.privacy]),
    submit,
  ]);

  const check = (): { control: HTMLElement; message: string }[] => {
    const found: { control: HTMLElement; message: string }[] = [];
    const blank = (control: { value: string }) => control.value.trim() === '';
    if (!organisation.value) found.push({ control: organisation, message: texts.invalid.organisation });
    if (blank(summary)) found.push({ control: summary, message: texts.invalid.summary });
    if (blank(body)) found.push({ control: body, message: texts.invalid.text });
    if (name.value.trim().length < 2) found.push({ control: name, message: texts.invalid.name });
    if (blank(address) && blank(phone) && blank(email)) {
      found.push({ control: address, message: texts.invalid.contact });
    }
    if (!blank(phone) && !PHONE.test(phone.value.trim()))
      found.push({ control: phone, message: texts.invalid.phone });
    if (!blank(email) && !EMAIL.test(email.value.trim()))
      found.push({ control: email, message: texts.invalid.email });
    return found;
  };

  const refuse = (message: string | Node): void => {
    messages.replaceChildren(alertBox(message));
    messages.scrollIntoView({ block: 'start' });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const control of [organisation, summary, body, name, address, phone, email]) {
      control.removeAttribute('aria-invalid');
    }
    const problems = check();
    if (problems.length > 0) {
      for (const { control } of problems) control.setAttribute('aria-invalid', 'true');
      refuse(
        el(
          'ul',
          {},
          problems.map(({ message }) => el('li', {}, [message])),
        ),
      );
      problems[0]?.control.focus();
      return;
    }
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const contact = {
      address: optional(address.value),
      phone: optional(phone.value),
      email: optional(email.value),
    };
    submit.disabled = true;
    submit.textContent = texts.sending;
    void fileAppeal({
      topic: { organisationId: organisation.value, ...(service.value ? { serviceCode: service.value } : {}) },
      summary: summary.value.trim(),
      text: body.value.trim(),
      applicant: {
        name: name.value.trim(),
        ...Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== undefined)),
      },
      language,
    }).then((answer) => {
      if (answer.ok) return filed(answer.data);
      submit.disabled = false;
      submit.textContent = texts.send;
      refuse(problem(answer));
    });
  });

  show([el('p', { class: 'muted', id: 'intro' }, [texts.intro]), form, findBox()]);
};

const filed = (data: FiledAppealWithQr): void => {
  const qr = el('div', { class: 'qr', role: 'img', 'aria-label': texts.qrHint });
  // The server's own SVG of the tracking link (no text of the applicant's in it).
  qr.innerHTML = data.qr;
  show([
    el('h2', {}, [texts.filed]),
    el('dl', {}, [
      el('dt', {}, [texts.number]),
      el('dd', { class: 'number', 'data-testid': 'appeal-number' }, [data.number]),
      el('dt', {}, [texts.trackingCode]),
      el('dd', { class: 'code', 'data-testid': 'tracking-code' }, [data.trackingCode]),
      el('dt', {}, [texts.dueBy]),
      el('dd', { 'data-testid': 'due-day' }, [dayText(data.answerDueDay)]),
    ]),
    qr,
    el('p', { class: 'muted' }, [texts.keepCode]),
    el('a', { href: withLang(`/a/${data.trackingCode}`), 'data-testid': 'follow-link' }, [texts.followLink]),
  ]);
};

const entry = (term: string, value: string, testId?: string): Node[] => [
  el('dt', {}, [term]),
  el('dd', testId ? { 'data-testid': testId } : {}, [value]),
];

const tracked = (appeal: PublicAppealView): void => {
  const closedPart: Node[] = [];
  if (appeal.answer) {
    const { answer } = appeal;
    closedPart.push(
      el('h3', {}, [texts.answer]),
      el('p', { class: 'answer', 'data-testid': 'answer' }, [answer.result]),
      el('p', { 'data-testid': 'favour', 'data-favour': answer.favour }, [
        `${texts.favourLabel}: ${texts.favour[answer.favour]}`,
      ]),
    );
    if (answer.higherBody) {
      closedPart.push(
        el('p', { 'data-testid': 'higher-body' }, [
          `${texts.higherBody}: `,
          el('strong', {}, [answer.higherBody.name[language]]),
          el('br'),
          answer.higherBody.contact,
        ]),
      );
    }
  }
  if (appeal.dismissedOn) {
    closedPart.push(
      el('h3', {}, [texts.dismissedTitle]),
      el('p', { 'data-testid': 'ground' }, [texts.ground[appeal.dismissedOn]]),
    );
  }
  const organisation = appeal.organisation?.[language];
  show([
    el('h2', {}, [`${texts.appealNo} ${appeal.number}`]),
    el('p', {}, [
      el('span', { class: 'status', 'data-testid': 'appeal-status', 'data-status': appeal.status }, [
        texts.status[appeal.status],
      ]),
    ]),
    el('dl', {}, [
      ...entry(texts.received, dayText(appeal.receivedDay)),
      ...entry(texts.dueBy, dayText(appeal.answerDueDay), 'due-day'),
      ...(appeal.extended ? [el('dd', { 'data-testid': 'extended' }, [texts.extended])] : []),
      ...(organisation ? entry(texts.organisationNow, organisation) : []),
      ...(appeal.forwardedTo ? entry(texts.forwardedTo, appeal.forwardedTo, 'forwarded-to') : []),
      ...(appeal.closedDay !== undefined
        ? entry(texts.closed, dayText(appeal.closedDay))
        : appeal.closedAt !== undefined
          ? entry(texts.closed, instantText(appeal.closedAt))
          : []),
    ]),
    ...closedPart,
    findBox(),
    el('p', {}, [el('a', { href: withLang('/appeal') }, [texts.newAppeal])]),
  ]);
};

const follow = async (code: string): Promise<void> => {
  const answer = await trackAppeal(code);
  if (answer.ok) return tracked(answer.data);
  show([
    alertBox(problem(answer)),
    findBox(),
    el('p', {}, [el('a', { href: withLang('/appeal') }, [texts.newAppeal])]),
  ]);
};

const own = /^\/a(?:\/([^/]*))?\/?$/.exec(location.pathname);
if (!own) void appealForm();
else if (own[1]) void follow(decodeURIComponent(own[1]));
else show([findBox(), el('p', {}, [el('a', { href: withLang('/appeal') }, [texts.newAppeal])])]);
