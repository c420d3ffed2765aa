/**
 * A component kept out of the first screen's JavaScript: its chunk is fetched when it is first
 * shown, or earlier by `preload()` (the kiosk preloads every screen once its first screen is
 * up, so a visitor's tap never waits for the network and a server that goes away later
 * cannot leave a screen unloaded). Once loaded it renders at once, without a fallback frame.
 * A chunk that cannot be fetched (the server is gone, or was updated and the old build's
 * chunks are no more) reloads the page: the shell shows its offline page until the server
 * answers, then the current build.
 */
import { type ComponentType, use } from 'react';

export interface Preloadable<Props extends object> {
  readonly Component: ComponentType<Props>;
  preload(): Promise<unknown>;
}

const RELOAD_AFTER_MS = 2_000;

export const preloadable = <Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): Preloadable<Props> => {
  let loaded: ComponentType<Props> | undefined;
  let pending: Promise<ComponentType<Props>> | undefined;
  const preload = (): Promise<ComponentType<Props>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        window.setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
        throw error;
      },
    );
    return pending;
  };
  const Component = (props: Props) => {
    const Loaded = loaded ?? use(preload());
    return <Loaded {...props} />;
  };
  return { Component, preload: () => preload().catch(() => undefined) };
};
