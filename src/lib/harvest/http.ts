/**
 * The harvest's polite HTTP client, for every request outside the GitHub API (CKAN portals, data.json
 * catalogues and datasets). Everything it reads is someone else's, so it is bounded and careful:
 *
 * - only https addresses; never a private, loopback or link-local host, unless HUB_HARVEST_HOSTS maps
 *   the origin (which is how tests send it to a fake on 127.0.0.1);
 * - redirects followed by hand, at most 5, each target checked the same way (https → http is refused);
 * - a timeout per request, a deadline after which nothing starts, and a size limit on every body, read
 *   as a stream and abandoned as soon as it passes the limit;
 * - 429 and 503 wait for Retry-After (up to maxWaitMs); other 5xx, timeouts and network errors back off
 *   exponentially; other 4xx are final;
 * - conditional requests: an address the cache holds is asked for with If-None-Match, and a 304 gives
 *   the cached text back.
 *
 * Messages, cache keys and FetchedText.url use the address as named, never the mapped one, so a test
 * run says exactly what a real run would.
 */
import { decodeUtf8 } from '../content-files/text.ts';
import { isPrivateHost, networkFailure, parseRetryAfter } from '../github/link-check.ts';
import type { FetchedText, PoliteFetch, ResponseCache } from './types.ts';

export const HARVEST_USER_AGENT = 'council-commons-harvest (+https://github.com/council-commons/council-commons)';
/** The most the harvest reads of one answer unless told otherwise: a data.json of a few thousand datasets. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
/** How much of a refusal's text is kept, for APIs (such as CKAN's) that explain an error in the body. */
const ERROR_BODY_BYTES = 16 * 1024;

/** Origin → origin: where a request for the first really goes, as HUB_HARVEST_HOSTS writes it. */
export type HarvestHosts = Readonly<Record<string, string>>;

export interface PoliteFetchOptions {
  /** HUB_HARVEST_HOSTS, as harvestHostsFromEnv reads it. */
  hosts?: HarvestHosts;
  /** For conditional requests; without one, every request is a plain GET. */
  cache?: ResponseCache;
  /** Per request (each try), including reading the body. Default 30,000 ms. */
  timeoutMs?: number;
  /** Tries after the first. Default 3. */
  retries?: number;
  /** The first backoff; it doubles each time. Default 1,000 ms. */
  retryDelayMs?: number;
  /** The longest Retry-After honoured; a longer one fails at once. Default 120,000 ms. */
  maxWaitMs?: number;
  /** Milliseconds since the epoch after which no request starts. Default: none. */
  deadline?: number;
  /** The most a body may be, unless getText is told otherwise. Default 5 MB. */
  maxBytes?: number;
  userAgent?: string;
  /** Where each retry is reported, one line each. Default: nowhere. */
  log?: (line: string) => void;
}

/** What went wrong, for callers that act on it (a deadline ends a source as incomplete, for one). */
export type FetchFailure = 'address' | 'unsafe' | 'redirect' | 'status' | 'timeout' | 'network' | 'too-large' | 'not-text' | 'deadline';

/** A request that gave no usable answer. The message names the address and says what happened, in words. */
export class HarvestFetchError extends Error {
  /** The address as the caller named it. */
  readonly url: string;
  readonly failure: FetchFailure;
  /** The last HTTP status, when there was an answer. */
  readonly status?: number;
  /** The start of the answer's text, for a 4xx answer. */
  readonly body?: string;

  constructor(url: string, failure: FetchFailure, message: string, details: { status?: number; body?: string } = {}) {
    super(message);
    this.name = 'HarvestFetchError';
    this.url = url;
    this.failure = failure;
    if (details.status !== undefined) this.status = details.status;
    if (details.body !== undefined) this.body = details.body;
  }
}

const HOSTS_EXAMPLE = '{"https://data.gov.uk":"http://127.0.0.1:8123"}';

/** An origin (scheme, host and port, nothing else), normalised as URL.origin writes it, or undefined. */
function originOf(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return undefined;
  return url.origin;
}

/**
 * HUB_HARVEST_HOSTS: a JSON object mapping an https origin to the origin to send its requests to
 * instead, for tests. Absent or empty: no mapping. Anything else that is not such an object is an error
 * naming the variable, with an example.
 */
export function harvestHostsFromEnv(env: Record<string, string | undefined> = process.env): HarvestHosts {
  const raw = env.HUB_HARVEST_HOSTS;
  if (raw === undefined || raw.trim() === '') return {};
  const wrong = (what: string) =>
    new Error(
      `HUB_HARVEST_HOSTS ${what}. It must be a JSON object mapping an https origin to the origin ` +
        `to use instead, e.g. ${HOSTS_EXAMPLE}; leave it unset to fetch every address as named.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw wrong(`is not valid JSON (it is ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 77)}…` : raw)})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw wrong('is not a JSON object');
  const hosts: [string, string][] = [];
  for (const [from, to] of Object.entries(parsed)) {
    const source = originOf(from);
    if (!source?.startsWith('https://'))
      throw wrong(`maps ${JSON.stringify(from)}, which is not an https origin (https:// and a host, with no path)`);
    const target = typeof to === 'string' ? originOf(to) : undefined;
    if (!target)
      throw wrong(`maps ${from} to ${JSON.stringify(to)}, which is not an origin (http:// or https:// and a host, with no path)`);
    hosts.push([source, target]);
  }
  return Object.fromEntries(hosts);
}

const STATUS_WORDS: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorised: it needs a login',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  408: 'request timeout',
  409: 'conflict',
  410: 'gone',
  414: 'address too long',
  429: 'too many requests',
  451: 'unavailable for legal reasons',
  500: 'internal server error',
  501: 'not implemented',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

/** "404 (not found)". */
export function statusInWords(status: number): string {
  return STATUS_WORDS[status] ? `${status} (${STATUS_WORDS[status]})` : String(status);
}

/** "30 s", "0.25 s". */
function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-GB', { maximumFractionDigits: ms < 1000 ? 2 : 1 })} s`;
}

/** "5 MB", "256 KiB", as the importer writes sizes. */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One try's outcome. */
type Outcome =
  | { kind: 'ok'; text: string; etag?: string }
  | { kind: 'not-modified' }
  | { kind: 'redirect'; status: number; location?: string }
  | { kind: 'status'; status: number; retryAfterMs?: number; body?: string }
  | { kind: 'too-large' }
  | { kind: 'not-text'; reason: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

/**
 * Reads a body as a stream, stopping as soon as it passes `limit` bytes: then 'too-large', or with
 * `keepStart`, the first `limit` bytes.
 */
async function readBounded(response: Response, limit: number, keepStart = false): Promise<Uint8Array | 'too-large'> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!keepStart && Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    return 'too-large';
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return keepStart ? Buffer.concat(chunks).subarray(0, limit) : 'too-large';
    }
  }
  return Buffer.concat(chunks);
}

/** The polite client. Requests are made one at a time by each caller; counts are for the whole client. */
export function createPoliteFetch(options: PoliteFetchOptions = {}): PoliteFetch {
  const hosts = new Map(Object.entries(options.hosts ?? {}));
  const cache = options.cache;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const defaultMaxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const userAgent = options.userAgent ?? HARVEST_USER_AGENT;
  const log = options.log ?? (() => {});
  let requests = 0;
  let notModified = 0;

  /** Why an address may not be fetched, or undefined when it may. */
  function unsafe(url: URL): { failure: FetchFailure; why: string } | undefined {
    if (url.protocol !== 'https:')
      return {
        failure: 'unsafe',
        why: `is not an https address: the harvest fetches only https addresses, so that nothing it reads can be changed on the way`,
      };
    if (!hosts.has(url.origin) && isPrivateHost(url.hostname))
      return { failure: 'unsafe', why: `points to a private or local network address (${url.hostname}), which the harvest never fetches` };
    return undefined;
  }

  /** Where a request for `named` really goes: the mapped origin with the same path, or itself. */
  function target(named: URL): URL {
    const to = hosts.get(named.origin);
    // Joined as text: new URL(path, base) would read a path starting // as another host.
    return to ? new URL(`${to}${named.pathname}${named.search}`) : named;
  }

  /** A redirect's target as named: a Location on a mapped server means the origin it stands for. */
  function redirectTarget(named: URL, location: string): URL {
    const requested = target(named);
    const next = new URL(location, requested);
    if (hosts.has(named.origin) && next.origin === requested.origin) return new URL(`${named.origin}${next.pathname}${next.search}`);
    for (const [from, to] of hosts) if (to === next.origin) return new URL(`${from}${next.pathname}${next.search}`);
    return next;
  }

  async function attempt(url: URL, headers: Record<string, string>, limit: number, timeout: number): Promise<Outcome> {
    try {
      // The timeout covers reading the body too: the signal aborts the stream.
      const response = await fetch(url, { redirect: 'manual', headers, signal: AbortSignal.timeout(timeout) });
      const { status } = response;
      if (status === 304) {
        await response.body?.cancel().catch(() => {});
        return { kind: 'not-modified' };
      }
      if (status >= 300 && status < 400) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        return { kind: 'redirect', status, ...(location ? { location } : {}) };
      }
      if (status >= 200 && status < 300) {
        const bytes = await readBounded(response, limit);
        if (bytes === 'too-large') return { kind: 'too-large' };
        const decoded = decodeUtf8(bytes);
        if (!decoded.ok) return { kind: 'not-text', reason: decoded.reason };
        const etag = response.headers.get('etag');
        return { kind: 'ok', text: decoded.text, ...(etag ? { etag } : {}) };
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      let body: string | undefined;
      if (status >= 400 && status < 500) {
        const bytes = await readBounded(response, ERROR_BODY_BYTES, true).catch(() => undefined);
        body = bytes && bytes !== 'too-large' ? new TextDecoder().decode(bytes) : undefined;
      } else await response.body?.cancel().catch(() => {});
      return { kind: 'status', status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...(body !== undefined ? { body } : {}) };
    } catch (error) {
      const failure = networkFailure(error);
      if (failure.kind === 'timeout') return { kind: 'timeout' };
      return { kind: 'network', message: 'message' in failure ? failure.message : String(error) };
    }
  }

  /** One address (no redirect followed), tried again within the limits. `where` names it in messages. */
  async function fetchOne(
    named: URL,
    where: string,
    address: string,
    limit: number,
    accept: string,
  ): Promise<{ kind: 'text'; text: string; notModified: boolean } | Extract<Outcome, { kind: 'redirect' }>> {
    const url = target(named);
    const cached = cache?.get(named.href);
    const headers: Record<string, string> = { 'user-agent': userAgent, accept, ...(cached ? { 'if-none-match': cached.etag } : {}) };
    const fail = (failure: FetchFailure, message: string, details: { status?: number; body?: string } = {}) =>
      new HarvestFetchError(address, failure, message, details);
    for (let tries = 1; ; tries++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw fail(
          'deadline',
          tries === 1
            ? `${where} was not fetched: the harvest's time budget for this run ran out`
            : `${where} was not fetched again: the harvest's time budget for this run ran out`,
        );
      }
      requests++;
      const timeout = Math.min(timeoutMs, remaining);
      const outcome = await attempt(url, headers, limit, timeout);
      if (outcome.kind === 'ok') {
        if (cache && outcome.etag) cache.set(named.href, { etag: outcome.etag, body: outcome.text });
        return { kind: 'text', text: outcome.text, notModified: false };
      }
      if (outcome.kind === 'not-modified') {
        if (!cached) throw fail('status', `${where} answered 304 (not modified) to a request that was not conditional`, { status: 304 });
        notModified++;
        return { kind: 'text', text: cached.body, notModified: true };
      }
      if (outcome.kind === 'redirect') return outcome;
      if (outcome.kind === 'too-large')
        throw fail('too-large', `${where} is larger than ${sizeInWords(limit)}, the most the harvest reads`);
      if (outcome.kind === 'not-text') throw fail('not-text', `${where} cannot be read: ${outcome.reason}`);

      // Something went wrong: say what, and decide whether to try again.
      let what: string;
      let wait = retryDelayMs * 2 ** (tries - 1);
      if (outcome.kind === 'timeout') {
        if (Date.now() >= deadline) throw fail('deadline', `${where} had not answered when the harvest's time budget for this run ran out`);
        what = `did not answer within ${seconds(timeout)}`;
      } else if (outcome.kind === 'network') {
        what = `could not be reached: ${outcome.message}`;
      } else {
        const { status, retryAfterMs, body } = outcome;
        what = `answered ${statusInWords(status)}`;
        const details = { status, ...(body !== undefined ? { body } : {}) };
        if (status === 429 || status === 503) {
          if (retryAfterMs !== undefined && retryAfterMs > maxWaitMs) {
            throw fail(
              'status',
              `${where} ${what} and asked to wait ${seconds(retryAfterMs)}, longer than the ${seconds(maxWaitMs)} the harvest waits`,
              details,
            );
          }
          if (retryAfterMs !== undefined) wait = retryAfterMs;
        } else if (status < 500 && status !== 408) {
          throw fail('status', `${where} ${what}`, details);
        }
      }
      const failure: FetchFailure = outcome.kind === 'timeout' ? 'timeout' : outcome.kind === 'network' ? 'network' : 'status';
      const details = outcome.kind === 'status' ? { status: outcome.status } : {};
      if (tries > retries) throw fail(failure, tries === 1 ? `${where} ${what}` : `${where} ${what}; it was tried ${tries} times`, details);
      if (Date.now() + wait >= deadline)
        throw fail('deadline', `${where} ${what}, and the harvest's time budget for this run ran out before it could try again`, details);
      log(`${where} ${what}: trying again in ${seconds(wait)} (try ${tries + 1} of ${retries + 1}).`);
      await sleep(wait);
    }
  }

  async function getText(address: string, options: { maxBytes?: number; accept?: string } = {}): Promise<FetchedText> {
    const limit = options.maxBytes ?? defaultMaxBytes;
    const accept = options.accept ?? '*/*';
    let named: URL;
    try {
      named = new URL(address);
    } catch {
      throw new HarvestFetchError(address, 'address', `${JSON.stringify(address)} is not a web address`);
    }
    named.hash = '';
    const refused = unsafe(named);
    if (refused) throw new HarvestFetchError(address, refused.failure, `${address} ${refused.why}`);
    const seen = new Set([named.href]);
    for (let redirects = 0; ; redirects++) {
      const where = redirects === 0 ? address : `${address} (redirected to ${named.href})`;
      const outcome = await fetchOne(named, where, address, limit, accept);
      if (outcome.kind === 'text') return { url: named.href, text: outcome.text, notModified: outcome.notModified };
      if (!outcome.location)
        throw new HarvestFetchError(address, 'redirect', `${where} answered ${outcome.status} (a redirect) without saying where to`, {
          status: outcome.status,
        });
      let next: URL;
      try {
        next = redirectTarget(named, outcome.location);
      } catch {
        throw new HarvestFetchError(
          address,
          'redirect',
          `${where} redirects to ${JSON.stringify(outcome.location)}, which is not a web address`,
          { status: outcome.status },
        );
      }
      const wrong = unsafe(next);
      if (wrong)
        throw new HarvestFetchError(address, 'redirect', `${where} redirects to ${next.href}, which ${wrong.why}`, {
          status: outcome.status,
        });
      if (seen.has(next.href))
        throw new HarvestFetchError(address, 'redirect', `${where} redirects in a loop, back to ${next.href}`, { status: outcome.status });
      if (redirects >= MAX_REDIRECTS)
        throw new HarvestFetchError(address, 'redirect', `${address} redirects more than ${MAX_REDIRECTS} times`, {
          status: outcome.status,
        });
      seen.add(next.href);
      named = next;
    }
  }

  return {
    getText,
    get requests() {
      return requests;
    },
    get notModified() {
      return notModified;
    },
  };
}
