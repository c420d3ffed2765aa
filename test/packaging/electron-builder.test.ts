/**
 * The installers' configuration, checked without electron-builder (which would download
 * Electron): each app's file merged onto the shared base, as electron-builder's `extends`
 * does, must satisfy electron-builder's own JSON schema (vendored from app-builder-lib
 * 26.17.0 in deploy/packaging/), and say what the deployment guide promises.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ELECTRON_VERSION } from '@queue/shell';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHELL_APPS } from '../../scripts/build-shells';
import { REPO_ROOT } from '../server/harness';

type Config = Record<string, unknown>;

const readYaml = (path: string): Config => parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Config;

/** Objects merge key by key, the app's values win; arrays and scalars are replaced. */
const merge = (base: Config, override: Config): Config => {
  const merged: Config = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    const bothObjects = [current, value].every(
      (part) => part && typeof part === 'object' && !Array.isArray(part),
    );
    merged[key] = bothObjects ? merge(current as Config, value as Config) : value;
  }
  return merged;
};

const schema = JSON.parse(
  readFileSync(join(REPO_ROOT, 'deploy/packaging/electron-builder.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
const errorsOf = (config: Config): string[] =>
  validate(config) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);

const base = readYaml('electron-builder.yml');
const appConfig = (app: string) => readYaml(`apps/${app}/electron-builder.yml`);
const effective = (app: string): Config => {
  const { extends: parent, ...own } = appConfig(app);
  expect(parent).toBe('./electron-builder.yml');
  return merge(base, own);
};

describe('electron-builder configuration', () => {
  it('the schema rejects what electron-builder would reject', () => {
    expect(errorsOf({ ...base, electronVersion: 45 })).not.toEqual([]);
    expect(errorsOf({ ...base, linux: { target: 'AppImage', colour: 'red' } })).not.toEqual([]);
    expect(errorsOf({ ...base, nsis: { oneClick: 'no' } })).not.toEqual([]);
  });

  it.each(SHELL_APPS)(
    '%s: valid against electron-builder’s schema, alone and merged onto the base',
    (app) => {
      expect(errorsOf(base)).toEqual([]);
      expect(errorsOf(appConfig(app))).toEqual([]);
      expect(errorsOf(effective(app))).toEqual([]);
    },
  );

  it.each(SHELL_APPS)('%s: AppImage and deb for Linux, NSIS for Windows, on the pinned Electron', (app) => {
    const config = effective(app) as {
      electronVersion: string;
      linux: { target: string[]; executableName: string };
      win: { target: { target: string }[] };
      directories: { app: string; output: string };
    };
    expect(config.electronVersion).toBe(ELECTRON_VERSION);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target.map((target) => target.target)).toEqual(['nsis']);
    expect(config.directories).toMatchObject({ app: `dist/shells/${app}`, output: `release/${app}` });
    expect(config.linux.executableName).toBe(`queue-${app}`);
  });

  it('gives each app its own id and name, and starts only the kiosk and the board after boot', () => {
    const configs = SHELL_APPS.map(
      (app) => effective(app) as { appId: string; productName: string; nsis: Config },
    );
    expect(new Set(configs.map((config) => config.appId)).size).toBe(SHELL_APPS.length);
    expect(new Set(configs.map((config) => config.productName)).size).toBe(SHELL_APPS.length);
    const autostart = SHELL_APPS.filter((_app, index) => configs[index]?.nsis.include);
    expect(autostart).toEqual(['kiosk', 'display']);
    for (const config of configs)
      if (config.nsis.include) expect(existsSync(join(REPO_ROOT, String(config.nsis.include)))).toBe(true);
  });

  it('no package.json of the repository depends on Electron or electron-builder', () => {
    const workspaces = ['packages', 'apps'].flatMap((folder) =>
      readdirSync(join(REPO_ROOT, folder)).map((name) => `${folder}/${name}/package.json`),
    );
    const manifests = ['package.json', ...workspaces].filter((path) => existsSync(join(REPO_ROOT, path)));
    expect(manifests.length).toBeGreaterThan(5);
    for (const path of manifests) {
      const manifest = JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Record<string, object>;
      const names = ['dependencies', 'devDependencies', 'optionalDependencies'].flatMap((field) =>
        Object.keys(manifest[field] ?? {}),
      );
      expect(
        names.filter((name) => /^electron(-builder)?$/.test(name)),
        path,
      ).toEqual([]);
    }
  });
});
