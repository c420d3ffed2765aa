/**
 * Prints the scrypt hash of a kiosk administrator PIN for the kiosk's `config.json`
 * (`exitPinHash`). Usage: `npm run kiosk:pin-hash -- 2580`; the PIN itself is stored nowhere.
 */
import { hashPin } from '@queue/shell';

const pin = process.argv[2];
if (!pin || !/^\d{4,12}$/.test(pin)) {
  console.error('Usage: npm run kiosk:pin-hash -- <PIN of 4 to 12 digits>');
  process.exit(2);
}
console.log(hashPin(pin));
