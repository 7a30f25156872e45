/**
 * A small static file server for a built site, as GitHub Pages serves it under a base path: /<base>/x/
 * serves x/index.html, /<base>/x redirects to /<base>/x/ when x is a folder, and anything missing (or
 * outside the base) gets the site's 404.html with status 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** The origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The site's address with its base path, e.g. http://127.0.0.1:41234/council-commons/ */
  url: string;
  close(): Promise<void>;
}

/** The file a request path maps to, or undefined. A folder without a trailing slash gives { redirect }. */
export function resolveRequest(root: string, base: string, pathname: string): { file?: string; redirect?: string } {
  if (!pathname.startsWith(base)) return {};
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return {};
  }
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return {};
  if (!existsSync(file)) return {};
  if (statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    const index = join(file, 'index.html');
    return existsSync(index) ? { file: index } : {};
  }
  return { file };
}

/** Serves `root` under `base` (which starts and ends with /) on 127.0.0.1, on a free port. */
export async function serveSite(root: string, base: string): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const found = resolveRequest(root, base, pathname);
    if (found.redirect) {
      response.writeHead(301, { location: found.redirect });
      response.end();
      return;
    }
    const notFound = join(root, '404.html');
    const file = found.file ?? (existsSync(notFound) ? notFound : undefined);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found (and the site has no 404.html)');
      return;
    }
    response.writeHead(found.file ? 200 : 404, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
