/**
 * A small static server for a built site that answers as GitHub Pages does, so that the bytes a
 * browser downloads can be measured here: the site under a base path, `dir/` served from
 * `dir/index.html` (and `dir` redirected to `dir/`), 404.html for anything missing, and text types
 * (HTML, CSS, JavaScript, JSON, SVG, XML, plain text) gzipped for browsers that accept it. Other types,
 * such as Pagefind's own index files (gzipped by Pagefind already), are sent as they are.
 *
 * Every response is logged with the bytes of its body as sent, compressed where it was.
 * Listens on 127.0.0.1 only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;

export interface LoggedRequest {
  /** The path asked for, without the query. */
  path: string;
  status: number;
  /** Bytes of the body as sent (after compression, if any). */
  bytes: number;
  gzipped: boolean;
}

export interface StaticServer {
  /** The site's address, base path included, ending in /. */
  url: string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The built site. */
  root: string;
  /** The path the site is served under, like HUB_BASE: / or /council-commons/. */
  base?: string;
  /** Extra pages that are not in the folder, by path under the base (e.g. `__bench__/`), as HTML. */
  extraPages?: Record<string, string>;
  /** Extra files that are not in the folder, by path under the base, each served from the given file. */
  extraFiles?: Record<string, string>;
  port?: number;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const root = resolve(options.root);
  const requests: LoggedRequest[] = [];
  const gzipped = new Map<string, Buffer>();

  const fileFor = (path: string): { file?: string; redirect?: string } => {
    const resolved = normalize(join(root, path));
    if (resolved !== root && !resolved.startsWith(root + sep)) return {};
    if (existsSync(resolved) && statSync(resolved).isDirectory()) {
      if (!path.endsWith('/')) return { redirect: `${path}/` };
      const index = join(resolved, 'index.html');
      return existsSync(index) ? { file: index } : {};
    }
    if (existsSync(resolved) && statSync(resolved).isFile()) return { file: resolved };
    if (existsSync(`${resolved}.html`)) return { file: `${resolved}.html` };
    return {};
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const send = (status: number, body: Buffer, type: string, cacheKey?: string) => {
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      let payload = body;
      const compress = acceptsGzip && COMPRESSIBLE.test(type) && body.length > 0;
      if (compress) {
        payload = (cacheKey && gzipped.get(cacheKey)) || gzipSync(body, { level: 6 });
        if (cacheKey) gzipped.set(cacheKey, payload);
      }
      response.writeHead(status, {
        'content-type': type,
        'content-length': payload.length,
        'cache-control': 'max-age=600',
        vary: 'Accept-Encoding',
        ...(compress ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : payload);
      requests.push({ path, status, bytes: request.method === 'HEAD' ? 0 : payload.length, gzipped: compress });
    };

    if (!path.startsWith(base) && `${path}/` !== base)
      return send(404, Buffer.from('Not under the base path'), 'text/plain; charset=utf-8');
    if (`${path}/` === base) {
      response.writeHead(301, { location: base }).end();
      requests.push({ path, status: 301, bytes: 0, gzipped: false });
      return;
    }
    const inside = path.slice(base.length - 1);
    const extra = options.extraPages?.[inside.slice(1)];
    if (extra !== undefined) return send(200, Buffer.from(extra), TYPES['.html']);
    const extraFile = options.extraFiles?.[inside.slice(1)];
    if (extraFile !== undefined)
      return send(200, readFileSync(extraFile), TYPES[extname(extraFile)] ?? 'application/octet-stream', extraFile);
    const { file, redirect } = fileFor(inside);
    if (redirect) {
      response.writeHead(301, { location: `${base}${redirect.slice(1)}` }).end();
      requests.push({ path, status: 301, bytes: 0, gzipped: false });
      return;
    }
    if (!file) {
      const notFound = join(root, '404.html');
      return send(404, existsSync(notFound) ? readFileSync(notFound) : Buffer.from('Not found'), TYPES['.html'], notFound);
    }
    send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream', file);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
