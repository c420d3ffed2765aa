/**
 * A shell shows its server's pages and nothing else: a link, a redirect or a script that
 * tries to take the window elsewhere is stopped, and new windows are never opened. The
 * bundled offline page is a `data:` URL the shell loads itself, not a navigation.
 */
export const isServerPage = (target: string, serverUrl: string | undefined): boolean => {
  if (!serverUrl) return false;
  try {
    return new URL(target).origin === new URL(serverUrl).origin;
  } catch {
    return false;
  }
};
