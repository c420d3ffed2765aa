/**
 * A hall of any size built from the demo centre: desk n works like demo desk ((n-1) mod 13)+1,
 * with the same services and weights, so 100 desks keep the demo's mix of skills.
 */
import { type Centre, DEMO_CENTRE, type ServiceCode, deskId } from '@queue/core';

export const hallOf = (desks: number): Centre => ({
  ...DEMO_CENTRE,
  desks: Array.from({ length: desks }, (_, index) => {
    const model = DEMO_CENTRE.desks[index % DEMO_CENTRE.desks.length];
    if (!model) throw new Error('the demo centre has no desks');
    const number = index + 1;
    return {
      ...model,
      id: deskId(`desk-${number}`),
      number,
      name: { uk: `Вікно ${number}`, ru: `Окно ${number}`, en: `Desk ${number}` },
    };
  }),
});

/** The main service of each desk (its first), one entry per desk: a ticket mix that keeps every desk busy. */
export const mainServices = (centre: Centre): ServiceCode[] =>
  centre.desks
    .map((desk) => desk.services[0]?.code)
    .filter((code): code is ServiceCode => code !== undefined);
