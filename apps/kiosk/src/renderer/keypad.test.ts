/** The keypad offers the booking-code alphabet and nothing else, in its order. */
import { BOOKING_CODE_ALPHABET } from '@queue/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Keypad } from './Keypad';

describe('the kiosk keypad', () => {
  it('has one key for each character booking codes use, and no look-alikes', () => {
    const markup = renderToStaticMarkup(
      createElement(Keypad, {
        onKey: () => undefined,
        onErase: () => undefined,
        onClear: () => undefined,
        disabled: false,
      }),
    );
    const keys = [...markup.matchAll(/data-key="([^"]*)"/g)].map((match) => match[1]);
    expect(keys.join('')).toBe(BOOKING_CODE_ALPHABET);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(keys).not.toContain(lookAlike);
  });
});
