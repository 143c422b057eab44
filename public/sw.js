/*
 * Parley's service worker: opens the app offline, so stored conversations can be read. Written
 * by hand and kept small; it is plain JavaScript because it runs as it is, unbundled.
 *
 * What it keeps, in one cache per build (the build id is in the script's address, `?build=…`,
 * so every deployment installs a new worker):
 *   - the page HTML of `/` (the shell), refreshed on every navigation that reaches the network;
 *   - the content-hashed files under `/_next/static/` (they never change under one name);
 *   - the manifest and the icons.
 * What it never keeps: anything but GET, anything under `/api/`, anything from another origin,
 * and any request or response that carries a credential (access code, key, authorization).
 *
 * Updates: a new worker installs beside the old one and waits. It takes over when every Parley
 * tab has closed, so the next open runs the new version; the page shows a notice meanwhile. There
 * is no skipWaiting: an open page is never switched under a person's feet.
 */

const build = new URL(self.location.href).searchParams.get('build') || 'unversioned';
const cachePrefix = 'parley-';
const cacheName = `${cachePrefix}${build}`;
const shellPath = '/';
const staticPrefix = '/_next/static/';
const extras = [
  '/manifest.webmanifest',
  '/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-512.png',
  '/icons/apple-touch-icon.png',
];
/** A bound on the hashed files one cache holds; the oldest go first past it. */
const maxStaticEntries = 250;
/** Header names that carry a credential: `x-access-code`, `authorization`, any `…key…`. */
const credentialHeader = /^(authorization|proxy-authorization|x-access-code|cookie)$|key/i;

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell());
});

self.addEventListener('activate', (event) => {
  // Runs only once no page uses the previous worker, so its cache can go.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(cachePrefix) && name !== cacheName)
            .map((name) => caches.delete(name)),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || carriesCredential(request.headers)) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // The router's own data requests (React Server Components) are not the shell.
  if (request.headers.has('rsc') || url.searchParams.has('_rsc')) return;

  if (request.mode === 'navigate') {
    event.respondWith(networkFirstNavigation(event, url));
  } else if (url.pathname.startsWith(staticPrefix)) {
    event.respondWith(cacheFirst(request));
  } else if (extras.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
  // Everything else goes to the network as if there were no worker.
});

function carriesCredential(headers) {
  for (const name of headers.keys()) if (credentialHeader.test(name)) return true;
  return false;
}

/** Only a plain, complete, same-origin answer without credentials is stored. */
function storable(response) {
  return (
    response.ok &&
    response.status === 200 &&
    response.type === 'basic' &&
    !response.headers.has('set-cookie') &&
    !carriesCredential(response.headers)
  );
}

/** The hashed files a shell page loads: its scripts, styles and preloads. */
function staticUrlsIn(html) {
  const urls = new Set();
  for (const match of html.matchAll(/\/_next\/static\/[^"'\s)\\]+/g)) urls.add(match[0]);
  return [...urls];
}

/**
 * Stores a shell page and the hashed files it names. When those are a new set (a new build's
 * page), hashed files the new page does not name are dropped, so the cache does not keep every
 * build's files; the ones loaded later on demand are cached again as they are used.
 */
async function storeShell(cache, response) {
  const html = await response.clone().text();
  const wanted = staticUrlsIn(html);
  const cached = (await cache.keys()).map((request) => new URL(request.url).pathname);
  const missing = wanted.filter((path) => !cached.includes(path));
  await cache.put(shellPath, response);
  if (missing.length === 0) return;
  await Promise.all(
    cached
      .filter((path) => path.startsWith(staticPrefix) && !wanted.includes(path))
      .map((path) => cache.delete(path)),
  );
  // One file failing to load does not cost the others.
  await Promise.allSettled(
    missing.map(async (path) => {
      const fetched = await fetch(path);
      if (storable(fetched)) await cache.put(path, fetched);
    }),
  );
}

async function cacheShell() {
  const cache = await caches.open(cacheName);
  const page = await fetch(shellPath, { cache: 'reload' });
  if (!storable(page)) throw new Error(`The shell answered ${page.status}; not installing.`);
  await storeShell(cache, page);
  await Promise.allSettled(
    extras.map(async (path) => {
      const fetched = await fetch(path, { cache: 'reload' });
      if (storable(fetched)) await cache.put(path, fetched);
    }),
  );
}

async function networkFirstNavigation(event, url) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(event.request);
    const isHtml = (response.headers.get('content-type') || '').includes('text/html');
    if (url.pathname === shellPath && isHtml && storable(response)) {
      // Stored after the page is answered; the page does not wait for it.
      event.waitUntil(storeShell(cache, response.clone()).catch(() => undefined));
    }
    return response;
  } catch (error) {
    // Offline (or the server is down): the last shell; the page reads conversations from
    // IndexedDB and says it is offline.
    const shell = await cache.match(shellPath, { ignoreSearch: true, ignoreVary: true });
    if (shell) return shell;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (storable(response)) {
    await cache.put(request, response.clone());
    await trimStatics(cache);
  }
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (storable(response)) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** Past the bound, the hashed files stored first go first (keys come in insertion order). */
async function trimStatics(cache) {
  const statics = (await cache.keys()).filter((request) =>
    new URL(request.url).pathname.startsWith(staticPrefix),
  );
  const excess = statics.length - maxStaticEntries;
  if (excess > 0) await Promise.all(statics.slice(0, excess).map((entry) => cache.delete(entry)));
}
