/**
 * The public booking page on a visitor's phone: service → day → time → name and phone →
 * code and QR; on `/book/<code>`, the booking with cancel and move. The server renders the
 * page in the visitor's language and hands over its texts; this script does the rest.
 */
import type { Ack, BookOptions, BookPageTexts, BookingWithQr } from '@queue/protocol';
import { book, cancelBooking, findBooking, loadOptions, loadSlots, moveBooking } from './api';
import { el, show as showIn } from './dom';

const texts = JSON.parse(document.getElementById('texts')?.textContent ?? '{}') as BookPageTexts;
const language = document.documentElement.lang;
const app = document.getElementById('app') as HTMLElement;
const show = (nodes: readonly Node[]): void => showIn(app, nodes);

interface Flow {
  readonly service: string;
  readonly day?: string;
  readonly slotAt?: number;
  readonly time?: string;
  /** The code of the booking being moved. */
  readonly moving?: string;
}

let options: BookOptions | undefined;

const problem = (answer: Ack<unknown>): string => {
  if (answer.ok) return '';
  const { code, message } = answer.error;
  if (code === 'RATE_LIMITED') return texts.tooMany;
  if (code === 'NOT_FOUND') return texts.notFound;
  if (code === 'BOOKING_DISABLED') return texts.disabled;
  return texts.errors[code] ?? message ?? texts.tooMany;
};

const alertBox = (text: string) => el('p', { class: 'alert', role: 'alert' }, [text]);

const dayLabel = (day: string): string =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(language, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'long',
  });

const serviceName = (code: string): string =>
  options?.services.find((service) => service.code === code)?.name ?? code;

const ensureOptions = async (): Promise<Ack<BookOptions>> => {
  if (options) return { ok: true, data: options };
  const answer = await loadOptions(language);
  if (answer.ok) options = answer.data;
  return answer;
};

const chooseService = async (): Promise<void> => {
  const answer = await ensureOptions();
  if (!answer.ok) return show([alertBox(problem(answer))]);
  if (answer.data.services.length === 0) return show([alertBox(texts.disabled)]);
  show([
    el('h2', {}, [texts.chooseService]),
    ...answer.data.services.map((service) =>
      el('button', { class: 'choice', 'data-service': service.code }, [service.name], {
        onclick: () => chooseDay({ service: service.code }),
      }),
    ),
  ]);
};

const chooseDay = (flow: Flow, back: () => void = () => void chooseService()): void => {
  show([
    el('h2', {}, [texts.chooseDay]),
    el('p', { class: 'muted' }, [serviceName(flow.service)]),
    ...(options?.days ?? []).map((day) =>
      el('button', { class: 'choice', 'data-day': day }, [dayLabel(day)], {
        onclick: () => void chooseTime({ ...flow, day }),
      }),
    ),
    el('button', { class: 'link' }, [texts.back], { onclick: back }),
  ]);
};

const chooseTime = async (flow: Flow): Promise<void> => {
  const day = flow.day ?? '';
  const answer = await loadSlots(flow.service, day);
  if (!answer.ok) return show([alertBox(problem(answer))]);
  const grid = el(
    'div',
    { class: 'slots' },
    answer.data.map((slot) =>
      el('button', { class: 'slot', 'data-slot': String(slot.start) }, [slot.time], {
        onclick: () => {
          const chosen = { ...flow, slotAt: slot.start, time: slot.time };
          if (flow.moving) void move(chosen);
          else details(chosen);
        },
      }),
    ),
  );
  show([
    el('h2', {}, [texts.chooseTime]),
    el('p', { class: 'muted' }, [`${serviceName(flow.service)} · ${dayLabel(day)}`]),
    answer.data.length > 0 ? grid : el('p', {}, [texts.noSlots]),
    el('button', { class: 'link' }, [texts.back], { onclick: () => chooseDay(flow) }),
  ]);
};

const details = (flow: Flow, message?: string): void => {
  const name = el('input', {
    name: 'name',
    autocomplete: 'name',
    required: 'required',
    minlength: '2',
    maxlength: '100',
  });
  const phone = el('input', {
    name: 'phone',
    type: 'tel',
    autocomplete: 'tel',
    required: 'required',
    placeholder: '+380…',
  });
  const submit = el('button', { type: 'submit', class: 'primary' }, [texts.book]);
  const form = el(
    'form',
    {},
    [el('label', {}, [texts.name, name]), el('label', {}, [texts.phone, phone]), submit],
    {
      onsubmit: (event) => {
        event.preventDefault();
        submit.disabled = true;
        void book({
          serviceCode: flow.service,
          slotAt: flow.slotAt ?? 0,
          name: name.value,
          phone: phone.value,
          language,
        }).then((answer) =>
          answer.ok ? confirmation(answer.data, texts.booked) : details(flow, problem(answer)),
        );
      },
    },
  );
  show([
    el('h2', {}, [texts.yourDetails]),
    el('p', { class: 'muted' }, [
      `${serviceName(flow.service)} · ${dayLabel(flow.day ?? '')} ${flow.time ?? ''}`,
    ]),
    ...(message ? [alertBox(message)] : []),
    form,
    el('button', { class: 'link' }, [texts.back], { onclick: () => void chooseTime(flow) }),
  ]);
};

const card = (data: BookingWithQr): Node[] => {
  const qr = el('div', { class: 'qr', 'aria-hidden': 'true' });
  // The server's own SVG of the code (no text of the visitor's in it).
  qr.innerHTML = data.qr;
  return [
    el('p', {}, [texts.yourCode]),
    el('p', { class: 'code', 'data-testid': 'booking-code' }, [data.booking.code]),
    qr,
    el('p', {}, [serviceName(data.booking.serviceCode)]),
    el('p', {}, [`${texts.when}: ${dayLabel(data.booking.day)} ${data.booking.time}`]),
    el('p', { class: 'status', 'data-status': data.booking.status }, [texts.status[data.booking.status]]),
  ];
};

const confirmation = (data: BookingWithQr, heading: string): void =>
  show([
    el('h2', {}, [heading]),
    ...card(data),
    el('p', { class: 'muted' }, [texts.codeHint]),
    el('a', { href: `/book/${data.booking.code}?lang=${language}`, 'data-testid': 'manage-link' }, [
      texts.manageLink,
    ]),
  ]);

const manage = async (code: string, message?: string): Promise<void> => {
  const loaded = await ensureOptions();
  if (!loaded.ok) return show([alertBox(problem(loaded))]);
  const answer = await findBooking(code);
  if (!answer.ok) return show([alertBox(problem(answer))]);
  const { booking } = answer.data;
  const actions =
    booking.status !== 'booked'
      ? []
      : [
          el('button', { class: 'primary' }, [texts.move], {
            onclick: () => chooseDay({ service: booking.serviceCode, moving: code }, () => void manage(code)),
          }),
          el('button', { class: 'danger', 'data-action': 'cancel' }, [texts.cancel], {
            onclick: () => {
              if (!window.confirm(texts.cancelConfirm)) return;
              void cancelBooking(code).then((result) =>
                manage(code, result.ok ? undefined : problem(result)),
              );
            },
          }),
        ];
  show([...(message ? [alertBox(message)] : []), ...card(answer.data), ...actions]);
};

const move = async (flow: Flow): Promise<void> => {
  const code = flow.moving ?? '';
  const answer = await moveBooking(code, flow.slotAt ?? 0);
  if (answer.ok) confirmation(answer.data, texts.moved);
  else void manage(code, problem(answer));
};

const own = /^\/book\/([A-Za-z0-9]{4,12})\/?$/.exec(location.pathname);
if (own?.[1]) void manage(own[1].toUpperCase());
else void chooseService();
