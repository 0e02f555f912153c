/// <reference lib="webworker" />
import { defaultCache } from '@serwist/next/worker';
import type { PrecacheEntry, SerwistGlobalConfig } from 'serwist';
import { CacheFirst, ExpirationPlugin, Serwist } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  // App shell: every built page, script and style, plus the routes listed in next.config.js.
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    {
      // Model and engine files (/models/…, /vendor/… e.g. the 24 MB eSpeak data) are large and versioned by name: cache on first use, serve from cache after.
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith('/models/') || url.pathname.startsWith('/vendor/')),
      handler: new CacheFirst({
        cacheName: 'kin-models',
        plugins: [new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 365 * 24 * 3600 })],
      }),
    },
    ...defaultCache,
  ],
  fallbacks: {
    entries: [{ url: '/~offline', matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();
