/**
 * The kiosk's screens after the first one, each in its own chunk: the home screen's tiles
 * show without them, and `preloadScreens` fetches them all as soon as it is up.
 */
import { preloadable } from './preloadable';

export const CategoryScreen = preloadable(async () => (await import('./CategoryScreen')).CategoryScreen);
export const PriorityScreen = preloadable(async () => (await import('./PriorityScreen')).PriorityScreen);
export const AppointmentScreen = preloadable(
  async () => (await import('./AppointmentScreen')).AppointmentScreen,
);
export const PrinterOfferScreen = preloadable(
  async () => (await import('./PrinterOfferScreen')).PrinterOfferScreen,
);
export const TicketScreen = preloadable(async () => (await import('./TicketScreen')).TicketScreen);
export const RefusalScreen = preloadable(async () => (await import('./RefusalScreen')).RefusalScreen);

const ALL = [
  CategoryScreen,
  PriorityScreen,
  AppointmentScreen,
  PrinterOfferScreen,
  TicketScreen,
  RefusalScreen,
];

export const preloadScreens = (): void => {
  for (const screen of ALL) void screen.preload();
};
