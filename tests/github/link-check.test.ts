/**
 * The link checker against local HTTP servers: a slow endpoint, 500 then 200, 404, a redirect loop,
 * HEAD refused, 429 with retry-after, connection refused, the per-host and global limits (watched with
 * a concurrency counter) and the time budget.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, isPrivateHost, LinkChecker, type LinkCheckOptions } from '../../src/lib/github/link-check.ts';

interface Site {
  server: Server;
  url: string;
  hits: Map<string, { method: string }[]>;
  inFlight: number;
  maxInFlight: number;
}

let site: Site;
/** A second server, so that two hosts can be told apart (127.0.0.1 and localhost are different hosts). */
let other: Site;

async function startSite(
  handler: (request: IncomingMessage, response: ServerResponse, count: number) => void | Promise<void>,
  host = '127.0.0.1',
): Promise<Site> {
  const state: Site = { server: undefined as unknown as Server, url: '', hits: new Map(), inFlight: 0, maxInFlight: 0 };
  state.server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const hits = state.hits.get(path) ?? [];
    hits.push({ method: request.method ?? 'GET' });
    state.hits.set(path, hits);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let released = false;
    const release = () => {
      if (!released) state.inFlight--;
      released = true;
    };
    // 'finish' when the answer is sent; 'close' when the client gave up first.
    response.on('finish', release);
    response.on('close', release);
    await handler(request, response, hits.length);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://${host}:${(state.server.address() as AddressInfo).port}`;
  return state;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const routes = async (request: IncomingMessage, response: ServerResponse, count: number) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const end = (status: number, headers: Record<string, string> = {}) => {
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : 'body');
  };
  if (path === '/ok') return end(200);
  if (path === '/gone') return end(404);
  if (path === '/slow') {
    await wait(1000);
    return end(200);
  }
  if (path === '/flaky') return end(count === 1 ? 500 : 200);
  if (path === '/always-500') return end(500);
  if (path === '/loop-a') return end(302, { location: '/loop-b' });
  if (path === '/loop-b') return end(301, { location: '/loop-a' });
  if (path === '/moved') return end(301, { location: '/ok' });
  if (path === '/to-ftp') return end(302, { location: 'ftp://files.example/x' });
  if (path === '/no-head') return request.method === 'HEAD' ? end(405) : end(200);
  if (path === '/busy') return count === 1 ? end(429, { 'retry-after': '0' }) : end(200);
  if (path === '/busy-long') return end(429, { 'retry-after': '3600' });
  if (path.startsWith('/counted')) {
    await wait(40);
    return end(200);
  }
  return end(404);
};

const FAST: LinkCheckOptions = { allowPrivateHosts: true, retryDelayMs: 5, timeoutMs: 2000 };

beforeAll(async () => {
  site = await startSite(routes);
  other = await startSite(routes, 'localhost');
});
afterAll(async () => {
  for (const server of [site, other]) {
    server.server.closeAllConnections();
    await new Promise((resolve) => server.server.close(resolve));
  }
});

describe('link check results', () => {
  it('says ok, broken with the status, timed out, and follows redirects', async () => {
    const results = await checkLinks([`${site.url}/ok`, `${site.url}/gone`, `${site.url}/moved`, `${site.url}/slow`], {
      ...FAST,
      timeoutMs: 200,
      retries: 1,
    });
    expect(results.get(`${site.url}/ok`)).toMatchObject({ status: 'ok', httpStatus: 200, requests: 1 });
    expect(results.get(`${site.url}/gone`)).toMatchObject({ status: 'broken', httpStatus: 404, message: 'answered 404 Not Found' });
    expect(results.get(`${site.url}/moved`)).toMatchObject({ status: 'ok', finalUrl: `${site.url}/ok`, requests: 2 });
    expect(results.get(`${site.url}/slow`)).toMatchObject({
      status: 'timeout',
      requests: 2,
      message: 'did not answer within 0.2 s (2 tries)',
    });
  });

  it('tries a 500 again and reports the 200 that follows; gives up on one that keeps failing', async () => {
    const results = await checkLinks([`${site.url}/flaky`, `${site.url}/always-500`], { ...FAST, retries: 2 });
    expect(results.get(`${site.url}/flaky`)).toMatchObject({ status: 'ok', httpStatus: 200, requests: 2 });
    expect(results.get(`${site.url}/always-500`)).toMatchObject({
      status: 'broken',
      httpStatus: 500,
      requests: 3,
      message: 'answered 500 Internal Server Error',
    });
  });

  it('catches a redirect loop, and a redirect to something that is not a web page', async () => {
    const results = await checkLinks([`${site.url}/loop-a`, `${site.url}/to-ftp`], FAST);
    expect(results.get(`${site.url}/loop-a`)).toMatchObject({ status: 'broken', httpStatus: 301, message: 'redirects in a loop' });
    expect(results.get(`${site.url}/to-ftp`)).toMatchObject({
      status: 'broken',
      message: expect.stringContaining('redirects to an address that is a ftp address'),
    });
  });

  it('falls back to GET when HEAD is refused', async () => {
    const results = await checkLinks([`${site.url}/no-head`], FAST);
    expect(results.get(`${site.url}/no-head`)).toMatchObject({ status: 'ok', httpStatus: 200, requests: 2 });
    expect(site.hits.get('/no-head')!.map((hit) => hit.method)).toEqual(['HEAD', 'GET']);
  });

  it('respects retry-after on a 429, up to a limit', async () => {
    const started = Date.now();
    const results = await checkLinks([`${site.url}/busy`, `${site.url}/busy-long`], { ...FAST, maxRetryAfterMs: 1000 });
    expect(results.get(`${site.url}/busy`)).toMatchObject({ status: 'ok', requests: 2 });
    expect(results.get(`${site.url}/busy-long`)).toMatchObject({ status: 'broken', httpStatus: 429, requests: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a refused connection (at once: it is not tried again), and never fails the run', async () => {
    const closed = await startSite(routes);
    const address = closed.url;
    await new Promise((resolve) => closed.server.close(resolve));
    const results = await checkLinks([`${address}/ok`], { ...FAST, retries: 1 });
    expect(results.get(`${address}/ok`)).toMatchObject({ status: 'refused', message: 'refused the connection', requests: 1 });
  });

  it('checks only http and https, and not private addresses unless allowed', async () => {
    const results = await checkLinks([
      'mailto:someone@example.com',
      'not a url',
      'http://127.0.0.1:1/x',
      'http://10.1.2.3/',
      'http://[::1]/',
    ]);
    expect([...results.values()].map((result) => result.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(results.get('mailto:someone@example.com')?.message).toContain('only http and https addresses are checked');
    expect(results.get('http://10.1.2.3/')?.message).toContain('private or local network address');
    expect(isPrivateHost('www.example.gov.uk')).toBe(false);
    expect(isPrivateHost('192.168.0.1')).toBe(true);
  });
});

describe('link check limits', () => {
  it('keeps to the per-host limit and the global limit, and reports progress', async () => {
    site.maxInFlight = 0;
    other.maxInFlight = 0;
    const urls = [
      ...Array.from({ length: 8 }, (_, index) => `${site.url}/counted-${index}`),
      ...Array.from({ length: 8 }, (_, index) => `${other.url}/counted-${index}`),
    ];
    let inFlight = 0;
    let maxInFlight = 0;
    const perHost = new Map<string, number>();
    const maxPerHost = new Map<string, number>();
    const counting: typeof fetch = async (input, init) => {
      const host = new URL(input instanceof Request ? input.url : String(input)).host;
      inFlight++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      maxInFlight = Math.max(maxInFlight, inFlight);
      maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, perHost.get(host)!));
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
        perHost.set(host, perHost.get(host)! - 1);
      }
    };
    const progress: [number, number][] = [];
    const results = await checkLinks(urls, {
      ...FAST,
      perHost: 2,
      concurrency: 3,
      fetch: counting,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect([...results.values()].every((result) => result.status === 'ok')).toBe(true);
    expect([...maxPerHost.values()]).toEqual([2, 2]);
    expect(maxInFlight).toBe(3);
    // The servers agree.
    expect(site.maxInFlight).toBeLessThanOrEqual(2);
    expect(other.maxInFlight).toBeLessThanOrEqual(2);
    expect(progress).toHaveLength(16);
    expect(progress.at(-1)).toEqual([16, 16]);
  });

  it('checks each address once, and skips what the time budget does not reach', async () => {
    const urls = Array.from({ length: 20 }, (_, index) => `${site.url}/counted-budget-${index}`);
    const results = await new LinkChecker({ ...FAST, perHost: 1, budgetMs: 300 }).checkAll([...urls, ...urls]);
    expect(results.size).toBe(20);
    const statuses = [...results.values()].map((result) => result.status);
    expect(statuses).toContain('ok');
    expect(statuses).toContain('skipped');
    expect([...results.values()].find((result) => result.status === 'skipped')?.message).toBe(
      'was not checked: the time budget for checking links ran out',
    );
  });
});
