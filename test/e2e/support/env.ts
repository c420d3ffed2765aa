/**
 * Where things are for the browser tests, the demo devices' tokens and the fixed instant
 * the tests run at: a Tuesday at 10:00 in Kyiv, when the demo centre is open.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, '.tmp');
export const KIOSK_TOKEN = 'demo-kiosk-1-token-change-me';
export const DISPLAY_TOKEN = 'demo-display-1-token-change-me';
export const WEEKDAY_10AM = Date.parse('2026-11-24T10:00:00+02:00');
export const UI_TIMEOUT = 10_000;

/** The front ends must be built (`npm run build`, which `npm test` runs first). */
export const assertBuilt = (names: readonly string[] = ['kiosk', 'display', 'desk']): void => {
  const missing = names.filter((name) => !existsSync(join(ROOT, 'apps', name, 'dist', 'index.html')));
  if (missing.length > 0) {
    throw new Error(
      `Front ends not built: ${missing.join(', ')}. Run \`npm run build\` before this test (\`npm test\` does).`,
    );
  }
};

export const screenshotPath = (name: string): string => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
};
