// A tiny static file server for bench/avatar/out/ (port 3400 by default; never 3000/3100/3200).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHarness, OUT_DIR } from './build.mjs';

export const HARNESS_PORT = Number(process.env.KIN_AVATAR_PORT ?? 3400);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.png': 'image/png' };

/** Starts the server; resolves to { url, close }. */
export function startServer(port = HARNESS_PORT) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(OUT_DIR, path === '' ? 'index.html' : path);
    if (!file.startsWith(OUT_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node bench/avatar/server.mjs --build` rebuilds the bundle first (the e2e spec does this).
  const ready = process.argv.includes('--build') ? buildHarness() : Promise.resolve(0);
  ready
    .then(() => startServer())
    .then(({ url }) => console.log(`avatar harness at ${url}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
