// @ts-check
const { spawnSync } = require('node:child_process');
const withSerwistInit = require('@serwist/next').default;

const isDev = process.env.NODE_ENV !== 'production';

/** Hosts the user's browser may fetch large optional models from (issue 8 adds LLM/ASR/voice hosts). */
const modelHosts = (process.env.NEXT_PUBLIC_MODEL_HOSTS ?? 'https://huggingface.co https://*.huggingface.co https://*.hf.co')
  .split(/[\s,]+/)
  .filter(Boolean);

/**
 * Content-Security-Policy: only what the app needs. Next.js inlines its bootstrap scripts, so
 * script-src needs 'unsafe-inline' (nonces would force every page to render dynamically);
 * 'wasm-unsafe-eval' lets onnxruntime-web / MediaPipe / eSpeak compile WebAssembly.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  // Local model servers (Ollama, LM Studio…) are called directly from the browser.
  `connect-src 'self' blob: data: http://localhost:* http://127.0.0.1:*${modelHosts.length ? ' ' + modelHosts.join(' ') : ''}${isDev ? ' ws:' : ''}`,
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  // Cross-origin isolation: SharedArrayBuffer and threaded WASM (onnxruntime-web, llama.cpp).
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), geolocation=(), payment=()' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];

const revision =
  spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf-8' }).stdout?.trim() || String(Date.now());

const withSerwist = withSerwistInit({
  swSrc: 'app/sw.ts',
  swDest: 'public/sw.js',
  disable: isDev,
  // A reload while someone is mid-call would end their call.
  reloadOnOnline: false,
  additionalPrecacheEntries: ['/', '/settings', '/~offline', '/call/coach', '/call/friend', '/call/listener', '/call/study'].map(
    (url) => ({ url, revision }),
  ),
  // Models are cached on first use at runtime (see app/sw.ts), not precached.
  globPublicPatterns: ['icons/**/*', 'worklets/**/*', 'favicon.ico'],
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // CI runs `npm run lint` on its own; don't lint twice during the build.
  eslint: { ignoreDuringBuilds: true },
  // ...and `npm run typecheck` checks types; the build only compiles.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        source: '/models/:path*',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
      {
        source: '/sw.js',
        headers: [{ key: 'Cache-Control', value: 'no-cache' }],
      },
    ];
  },
};

module.exports = withSerwist(nextConfig);
