/** The worker's address for a build: `/sw.js?build=<id>`, so a new build installs a new worker. */
export function serviceWorkerUrl(build: string): string {
  return `/sw.js?build=${encodeURIComponent(build)}`;
}

/** The build a worker was installed for, read back from its address. */
export function buildOfWorker(scriptUrl: string): string | undefined {
  try {
    return new URL(scriptUrl, 'http://localhost').searchParams.get('build') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an installed worker brings a version this page is not running: it waits for the next
 * open, and the page says so. Not on a first install (no worker controls the page yet: nothing
 * changes for the person) and not for the page's own build (the page is already that version,
 * fetched from the network while an older worker controlled it).
 */
export function bringsNewVersion(
  installedScriptUrl: string,
  pageBuild: string,
  controlled: boolean,
): boolean {
  return controlled && buildOfWorker(installedScriptUrl) !== pageBuild;
}
