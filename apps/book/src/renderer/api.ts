/** The booking page's calls to `/api/book/*`; every answer is an `Ack`, refusals included. */
import type { Ack, BookOptions, BookingWithQr, OfferedSlotView } from '@queue/protocol';

/** One JSON call; a network failure is an `INTERNAL` refusal, so pages handle one shape. */
export const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Ack<T>> => {
  try {
    const response = await fetch(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return (await response.json()) as Ack<T>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'offline' } };
  }
};

export const loadOptions = (language: string) =>
  call<BookOptions>('GET', `/api/book/options?lang=${encodeURIComponent(language)}`);

export const loadSlots = (service: string, day: string) =>
  call<readonly OfferedSlotView[]>(
    'GET',
    `/api/book/slots?service=${encodeURIComponent(service)}&day=${encodeURIComponent(day)}`,
  );

export const book = (input: {
  readonly serviceCode: string;
  readonly slotAt: number;
  readonly name: string;
  readonly phone: string;
  readonly language: string;
}) => call<BookingWithQr>('POST', '/api/book', input);

export const findBooking = (code: string) =>
  call<BookingWithQr>('GET', `/api/book/${encodeURIComponent(code)}`);

export const cancelBooking = (code: string) =>
  call<BookingWithQr>('POST', `/api/book/${encodeURIComponent(code)}/cancel`);

export const moveBooking = (code: string, slotAt: number) =>
  call<BookingWithQr>('POST', `/api/book/${encodeURIComponent(code)}/move`, { slotAt });
