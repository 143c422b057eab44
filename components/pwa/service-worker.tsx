'use client';

import { useEffect, useState } from 'react';
import { bringsNewVersion, serviceWorkerUrl } from '@/lib/pwa/worker-build';
import { UpdateNotice } from './update-notice';

/** This page's build, inlined by next.config.js. */
const pageBuild = process.env.NEXT_PUBLIC_PARLEY_BUILD ?? 'unversioned';

/**
 * Registers the service worker (public/sw.js) in production builds, once the page has loaded so
 * it never competes with the first paint, and says when a new version has installed: it waits
 * and opens next time (no reload is forced).
 */
export function ServiceWorker() {
  const [updated, setUpdated] = useState(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    let registration: ServiceWorkerRegistration | undefined;
    const noticeIf = (worker: ServiceWorker | null) => {
      const controlled = navigator.serviceWorker.controller !== null;
      if (
        worker?.state === 'installed' &&
        bringsNewVersion(worker.scriptURL, pageBuild, controlled)
      )
        setUpdated(true);
    };
    const watch = (worker: ServiceWorker | null) =>
      worker?.addEventListener('statechange', () => noticeIf(worker));
    // Another tab of a newer build may install its worker while this page is open.
    const onUpdateFound = () => watch(registration?.installing ?? null);
    const register = () => {
      navigator.serviceWorker
        .register(serviceWorkerUrl(pageBuild), { scope: '/' })
        .then((found) => {
          registration = found;
          found.addEventListener('updatefound', onUpdateFound);
          watch(found.installing);
          noticeIf(found.waiting);
        })
        // Without a worker Parley works as before, online only.
        .catch(() => undefined);
    };
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
    return () => {
      window.removeEventListener('load', register);
      registration?.removeEventListener('updatefound', onUpdateFound);
    };
  }, []);

  return <UpdateNotice visible={updated} onDismiss={() => setUpdated(false)} />;
}
