/**
 * A fake CKAN portal and data.json host on 127.0.0.1 at a random port, answering as the real ones do,
 * for the harvest's HTTP client and open-data sources. Tests send the harvest to it through
 * HUB_HARVEST_HOSTS (createPoliteFetch's `hosts`), so the addresses they name are the real-looking
 * https ones, e.g. https://data.ashdown.example.
 *
 * - GET /api/3/action/package_search: CKAN's answer ({"help", "success", "result": {"count", "facets",
 *   "results", "sort", "search_facets"}}) for fq=organization:<name>, with rows (default 10, at most
 *   1,000), start and sort (name asc, or CKAN's default order, which here is the order given). It lists
 *   private, deleted and draft packages too, as a portal does for a caller allowed to see them, so that
 *   the harvest is tested against them. A bad fq, rows or start gets CKAN's 409 with success: false.
 * - Any other path in `files`: that document, as JSON (or text).
 * - Every 200 answer carries an ETag (a hash of its body); a request whose If-None-Match matches gets
 *   304 with no body.
 * - Scripted answers, taken in turn before the normal one: any status with headers and a body (404,
 *   429 with Retry-After, 503, 409 with CKAN's error), a redirect, a slow answer (headers after a
 *   delay), a slow body (the first byte, then the rest after a delay) and a huge answer streamed in
 *   chunks without a Content-Length, for which the fake notes whether the client stopped reading.
 * - Every request is recorded (path, query, the headers that matter, the status answered).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PortalRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  ifNoneMatch?: string;
  userAgent?: string;
  accept?: string;
  /** The status the fake answered (0 when the client went away first). */
  status: number;
  at: number;
}

/** An answer the fake gives instead of its normal one. */
export type ScriptedAnswer =
  /** A body that is a string or bytes is sent as it is; anything else as JSON. */
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { redirect: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Waits before answering at all; then answers normally, or with `then`. */
  | { delayMs: number; then?: ScriptedAnswer }
  /** Sends the headers and the first byte of the normal answer, and the rest after a delay. */
  | { slowBodyMs: number }
  /** Streams this many bytes of a JSON string, 64 KiB at a time, with no Content-Length unless `declare`. */
  | { hugeBytes: number; declare?: boolean };

type Matcher = string | ((request: { path: string; query: URLSearchParams }) => boolean);

interface Script {
  matches: Matcher;
  answers: ScriptedAnswer[];
  /** Keeps answering the last answer once the others are used. */
  always: boolean;
}

export interface FakePortalOptions {
  /** CKAN organisation name → its packages, in CKAN's default order. */
  ckan?: Record<string, unknown[]>;
  /** Path → the document served there (JSON unless it is a string). */
  files?: Record<string, unknown>;
  /** ETags and 304s. Default true. */
  etags?: boolean;
}

export interface HugeAnswer {
  /** Bytes written before the answer ended. */
  sent: number;
  /** Whether every byte was written (false: the client stopped reading and closed the connection). */
  finished: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
}

export class FakePortal {
  readonly requests: PortalRequest[] = [];
  readonly ckan: Map<string, unknown[]>;
  readonly files: Map<string, unknown>;
  readonly huge: HugeAnswer[] = [];
  etags: boolean;
  origin = '';
  readonly #server: Server;
  readonly #scripts: Script[] = [];

  constructor(options: FakePortalOptions = {}) {
    this.ckan = new Map(Object.entries(options.ckan ?? {}));
    this.files = new Map(Object.entries(options.files ?? {}));
    this.etags = options.etags ?? true;
    this.#server = createServer((request, response) => this.#handle(request, response));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Answers the next matching requests with these, in turn, then normally again. */
  script(matches: Matcher, ...answers: ScriptedAnswer[]): void {
    this.#scripts.push({ matches, answers, always: false });
  }

  /** Answers every matching request with this, from now on. */
  always(matches: Matcher, answer: ScriptedAnswer): void {
    this.#scripts.push({ matches, answers: [answer], always: true });
  }

  /** Forgets scripts and recorded requests (not the content). */
  reset(): void {
    this.#scripts.length = 0;
    this.requests.length = 0;
    this.huge.length = 0;
  }

  /** Recorded requests to a path (without its query). */
  requestsTo(path: string): PortalRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  #scripted(path: string, query: URLSearchParams): ScriptedAnswer | undefined {
    for (const script of this.#scripts) {
      const matches =
        typeof script.matches === 'string'
          ? script.matches === path || script.matches === `${path}?${query}`
          : script.matches({ path, query });
      if (!matches || script.answers.length === 0) continue;
      if (script.always) return script.answers[0];
      return script.answers.shift();
    }
    return undefined;
  }

  /** The normal answer: status, content type and body. */
  #normal(path: string, query: URLSearchParams, host: string): { status: number; type: string; body: string } {
    if (path === '/api/3/action/package_search') return this.#packageSearch(query, host);
    if (this.files.has(path)) {
      const document = this.files.get(path);
      return typeof document === 'string'
        ? { status: 200, type: 'text/plain; charset=utf-8', body: document }
        : { status: 200, type: JSON_TYPE, body: JSON.stringify(document, null, 2) };
    }
    if (path.startsWith('/api/3/action/')) {
      return {
        status: 400,
        type: JSON_TYPE,
        body: JSON.stringify({
          help: `https://${host}/api/3/action/help_show?name=${path.slice(14)}`,
          success: false,
          error: { message: `Bad request - Action name not known: ${path.slice(14)}`, __type: 'Bad request' },
        }),
      };
    }
    return { status: 404, type: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>Not found</title><h1>404 Not Found</h1>' };
  }

  #packageSearch(query: URLSearchParams, host: string): { status: number; type: string; body: string } {
    const help = `https://${host}/api/3/action/help_show?name=package_search`;
    const refuse = (error: Record<string, unknown>) => ({
      status: 409,
      type: JSON_TYPE,
      body: JSON.stringify({ help, success: false, error }),
    });
    const integer = (name: string, fallback: number) => {
      const raw = query.get(name);
      if (raw === null) return fallback;
      return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    };
    const rows = integer('rows', 10);
    const start = integer('start', 0);
    if (Number.isNaN(rows)) return refuse({ __type: 'Validation Error', rows: ['Invalid integer'] });
    if (Number.isNaN(start)) return refuse({ __type: 'Validation Error', start: ['Invalid integer'] });
    if (rows > 1000) return refuse({ __type: 'Validation Error', rows: ['Must be less than or equal to 1000'] });
    const fq = query.get('fq') ?? '';
    const organisation = /^organization:"?([a-z0-9_-]+)"?$/.exec(fq.trim());
    if (fq !== '' && !organisation)
      return refuse({ __type: 'Search Query Error', message: `Search Query is invalid: "Invalid search query: ${fq}"` });
    const all = organisation ? (this.ckan.get(organisation[1]) ?? []) : [...this.ckan.values()].flat();
    const sort = query.get('sort') ?? 'score desc, metadata_modified desc';
    const ordered =
      sort === 'name asc'
        ? [...all].sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name)))
        : all;
    const result = { count: all.length, facets: {}, results: ordered.slice(start, start + rows), sort, search_facets: {} };
    return { status: 200, type: JSON_TYPE, body: JSON.stringify({ help, success: true, result }) };
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://fake');
    const header = (name: string) => (typeof request.headers[name] === 'string' ? (request.headers[name] as string) : undefined);
    const recorded: PortalRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      ...(header('if-none-match') ? { ifNoneMatch: header('if-none-match') } : {}),
      ...(header('user-agent') ? { userAgent: header('user-agent') } : {}),
      ...(header('accept') ? { accept: header('accept') } : {}),
      status: 0,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const host = request.headers.host ?? '127.0.0.1';
    this.#answer(this.#scripted(url.pathname, url.searchParams), url, recorded, request, response, host);
  }

  #answer(
    scripted: ScriptedAnswer | undefined,
    url: URL,
    recorded: PortalRequest,
    request: IncomingMessage,
    response: ServerResponse,
    host: string,
  ): void {
    const send = (status: number, headers: Record<string, string>, body: string) => {
      recorded.status = status;
      response.writeHead(status, headers);
      response.end(body);
    };
    if (scripted && 'delayMs' in scripted) {
      const timer = setTimeout(() => {
        if (!response.destroyed) this.#answer(scripted.then, url, recorded, request, response, host);
      }, scripted.delayMs);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    if (scripted && 'redirect' in scripted) {
      send(
        scripted.status ?? 302,
        { location: scripted.redirect, 'content-type': 'text/html; charset=utf-8' },
        `<a href="${scripted.redirect}">Moved</a>`,
      );
      return;
    }
    if (scripted && 'status' in scripted) {
      const raw = scripted.body;
      const text = raw === undefined || typeof raw === 'string' || raw instanceof Uint8Array;
      recorded.status = scripted.status;
      response.writeHead(scripted.status, { 'content-type': text ? 'text/plain; charset=utf-8' : JSON_TYPE, ...scripted.headers });
      response.end(raw === undefined ? '' : raw instanceof Uint8Array || typeof raw === 'string' ? raw : JSON.stringify(raw));
      return;
    }
    if (scripted && 'hugeBytes' in scripted) {
      this.#streamHuge(scripted, recorded, response);
      return;
    }
    const normal = this.#normal(url.pathname, url.searchParams, host);
    const headers: Record<string, string> = { 'content-type': normal.type };
    if (normal.status === 200 && this.etags) {
      const etag = etagOf(normal.body);
      headers.etag = etag;
      if (request.headers['if-none-match'] === etag) {
        send(304, { etag }, '');
        return;
      }
    }
    if (scripted && 'slowBodyMs' in scripted) {
      recorded.status = normal.status;
      response.writeHead(normal.status, headers);
      response.write(normal.body.slice(0, 1));
      const timer = setTimeout(() => response.end(normal.body.slice(1)), scripted.slowBodyMs);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    send(normal.status, headers, normal.body);
  }

  #streamHuge(answer: { hugeBytes: number; declare?: boolean }, recorded: PortalRequest, response: ServerResponse): void {
    const record: HugeAnswer = { sent: 0, finished: false };
    this.huge.push(record);
    recorded.status = 200;
    response.writeHead(200, { 'content-type': JSON_TYPE, ...(answer.declare ? { 'content-length': String(answer.hugeBytes) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    chunk[0] = '"'.charCodeAt(0);
    const pump = () => {
      while (!response.destroyed && record.sent < answer.hugeBytes) {
        const size = Math.min(chunk.length, answer.hugeBytes - record.sent);
        record.sent += size;
        if (!response.write(chunk.subarray(0, size))) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed && record.sent >= answer.hugeBytes) {
        response.end();
        record.finished = true;
      }
    };
    pump();
  }
}

export async function startFakePortal(options: FakePortalOptions = {}): Promise<FakePortal> {
  return new FakePortal(options).listen();
}
