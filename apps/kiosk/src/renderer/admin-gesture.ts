/**
 * The hidden way in for an administrator: five taps in the kiosk's top-left corner within
 * three seconds. Visitors do not stumble on it; the PIN behind it is what protects the kiosk.
 */
export interface TapCounterOptions {
  readonly taps: number;
  readonly withinMs: number;
}

export const ADMIN_GESTURE: TapCounterOptions = { taps: 5, withinMs: 3_000 };

/** `tap(now)` answers true on the tap that completes the gesture, then starts over. */
export const createTapCounter = ({ taps, withinMs }: TapCounterOptions = ADMIN_GESTURE) => {
  let recent: number[] = [];
  return {
    tap(now: number): boolean {
      recent = [...recent.filter((at) => now - at <= withinMs), now];
      if (recent.length < taps) return false;
      recent = [];
      return true;
    },
  };
};

export const MAX_PIN_LENGTH = 12;

/** The PIN being typed: digits only, at most twelve. */
export const typePinDigit = (pin: string, digit: string): string =>
  /^\d$/.test(digit) && pin.length < MAX_PIN_LENGTH ? pin + digit : pin;
