/**
 * Bundles each app's Electron main process and preload script to CommonJS, ready for
 * electron-builder: `dist/shells/<app>/` gets `main.cjs`, `preload.cjs`, the app's own
 * `package.json` (the only dependencies left outside the bundle: the kiosk's USB printing
 * and its font) and, for the kiosk, the printer profiles. Electron itself stays external and
 * is never needed to build. Usage: `npm run build:shell [kiosk|display|desk]`.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

export const SHELL_APPS = ['kiosk', 'display', 'desk'] as const;
export type ShellApp = (typeof SHELL_APPS)[number];

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const shellOutputFolder = (app: ShellApp): string => join(ROOT, 'dist', 'shells', app);

/** Loaded at run time from the app's own node_modules: native code and a font file. */
const PRINTING_PACKAGES = ['usb', 'dejavu-fonts-ttf'] as const;

const PRODUCT_NAMES: Record<ShellApp, string> = {
  kiosk: 'Queue Kiosk',
  display: 'Queue Board',
  desk: 'Queue Desk',
};

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

const printingDependencies = (): Record<string, string> => {
  const printer = readJson(join(ROOT, 'packages/printer/package.json')).dependencies as Record<
    string,
    string
  >;
  return Object.fromEntries(PRINTING_PACKAGES.map((name) => [name, printer[name] ?? '*']));
};

export const buildShell = async (app: ShellApp, out = shellOutputFolder(app)): Promise<string> => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const version = String(readJson(join(ROOT, 'package.json')).version);
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', ...PRINTING_PACKAGES],
    logLevel: 'warning',
    legalComments: 'none',
  };
  await build({
    ...common,
    entryPoints: [join(ROOT, 'apps', app, 'src/main/main.ts')],
    outfile: join(out, 'main.cjs'),
    // CommonJS has no import.meta: give the bundle its own file URL instead.
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__bundleUrl', 'process.env.QUEUE_SHELL_VERSION': JSON.stringify(version) },
  });
  await build({
    ...common,
    // A sandboxed preload may require only Electron's own modules: everything else is inlined.
    platform: 'browser',
    external: ['electron'],
    entryPoints: [join(ROOT, 'apps', app, 'src/preload/preload.ts')],
    outfile: join(out, 'preload.cjs'),
  });
  if (app === 'kiosk') cpSync(join(ROOT, 'hardware/printers'), join(out, 'printers'), { recursive: true });
  const manifest = {
    name: `queue-${app}`,
    productName: PRODUCT_NAMES[app],
    version,
    description: `${PRODUCT_NAMES[app]}: electronic queue screen`,
    license: 'MIT',
    main: 'main.cjs',
    dependencies: app === 'kiosk' ? printingDependencies() : {},
  };
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
};

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const wanted = process.argv.slice(2);
  const apps = SHELL_APPS.filter((app) => wanted.length === 0 || wanted.includes(app));
  for (const app of apps) {
    const out = await buildShell(app);
    console.log(`${app}: ${out}`);
  }
}
