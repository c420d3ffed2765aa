/**
 * Where the board's sound files are served, below the board's own base path (`base` in
 * vite.config.ts, which imports this file too).
 *
 * - `clips/`: the centre's recorded clip pack, if it has one (docs/announcements.md).
 * - `espeak/<version>/`: the offline speech engine (the `espeak-ng` npm package: eSpeak NG
 *   compiled to WebAssembly, GPL-3.0-or-later), copied unchanged with its licence by the
 *   build and loaded only when the board first needs it. The version is in the path because
 *   the server lets browsers cache these files for good.
 */
export const BOARD_BASE = '/display/';

export const CLIPS_URL = `${BOARD_BASE}clips/`;

export const ESPEAK_VERSION = '1.0.2';

export const ESPEAK_DIR = `espeak/${ESPEAK_VERSION}/`;

export const ESPEAK_URL = `${BOARD_BASE}${ESPEAK_DIR}`;
