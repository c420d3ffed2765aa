/**
 * Where the board and the window displays keep their device token (localStorage): one
 * pairing serves both pages of a screen, and the key is the one the pairing screen writes.
 */
export const DEVICE_KEY = 'queue.display.device';
