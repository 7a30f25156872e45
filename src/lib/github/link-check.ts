/**
 * Checks that web addresses still answer, politely and within bounds, and never fails the run: every
 * address gets a result (ok, broken with the status, timed out, refused, unreachable, invalid, or
 * skipped when the time budget ran out).
 *
 * - Only http and https addresses; by default not localhost or private network addresses.
 * - HEAD first; GET (body not read) when a server refuses HEAD (405, 403, 501, or 400/404 to HEAD only).
 * - Redirects followed by hand, up to maxRedirects, with loops caught.
 * - Per-request timeout, and a total time budget after which nothing new starts.
 * - At most perHost requests at once to one host, and at most concurrency in all.
 * - Timeouts, 5xx, 429 and dropped connections are tried again with exponential backoff (a refused
 *   connection is not: it is definite and quick); retry-after is respected up to maxRetryAfterMs (a
 *   longer wait gives up and reports the status).
 */

export type LinkStatus = 'ok' | 'broken' | 'timeout' | 'refused' | 'unreachable' | 'invalid' | 'skipped';

export interface LinkResult {
  url: string;
  status: LinkStatus;
  /** The last HTTP status, when there was an answer. */
  httpStatus?: number;
  /** Where redirects ended, when they did. */
  finalUrl?: string;
  /** Requests made, over all tries and redirects. */
  requests: number;
  /** What happened, in words: "answered 404 Not Found". */
  message: string;
}

export interface LinkCheckOptions {
  /** Per request. Default 10,000 ms. */
  timeoutMs?: number;
  /** For the whole run: nothing new starts after it. Default 300,000 ms. */
  budgetMs?: number;
  /** Requests at once to one host. Default 2. */
  perHost?: number;
  /** Requests at once in all. Default 8. */
  concurrency?: number;
  /** Tries after the first, for timeouts, 5xx, 429 and network errors. Default 2. */
  retries?: number;
  /** First backoff; doubles each time. Default 1,000 ms. */
  retryDelayMs?: number;
  /** The longest retry-after honoured. Default 30,000 ms. */
  maxRetryAfterMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Allow localhost and private addresses (tests). Default false. */
  allowPrivateHosts?: boolean;
  /** Called after each address is done. */
  onProgress?: (done: number, total: number) => void;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A first-in, first-out counting semaphore. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = Math.max(1, size);
  }
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusWords(status: number): string {
  return `${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
}

/** localhost, loopback, link-local and private IPv4 and IPv6 literals. Names are not resolved. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '0.0.0.0' || host === '::' || host === '::1') return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return /^(?:fc|fd|fe80:)/.test(host) || host.startsWith('::ffff:');
}

/** Retry-After as milliseconds from now: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

type Attempt =
  | { kind: 'answer'; status: number; location?: string; retryAfterMs?: number }
  | { kind: 'timeout' }
  | { kind: 'refused'; message: string }
  | { kind: 'network'; message: string };

/** A failed fetch (timeout, refused or dropped connection, unknown name, bad certificate) in words. */
export function networkFailure(error: unknown): Attempt {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (
    err?.name === 'TimeoutError' ||
    err?.name === 'AbortError' ||
    err?.cause?.name === 'ConnectTimeoutError' ||
    err?.cause?.code === 'UND_ERR_CONNECT_TIMEOUT'
  )
    return { kind: 'timeout' };
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'refused the connection' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'network', message: 'its domain name could not be found' };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return { kind: 'network', message: 'the connection was dropped' };
  if (typeof code === 'string' && /CERT|SSL|TLS/.test(code))
    return { kind: 'network', message: `its security certificate was not accepted (${code})` };
  return { kind: 'network', message: err?.cause?.message ?? err?.message ?? String(error) };
}

export class LinkChecker {
  private readonly options: Required<Omit<LinkCheckOptions, 'onProgress' | 'fetch' | 'userAgent'>> &
    Pick<LinkCheckOptions, 'onProgress' | 'userAgent'>;
  private readonly fetch: typeof fetch;
  private readonly global: Slots;
  private readonly hosts = new Map<string, Slots>();
  private deadline = Infinity;

  constructor(options: LinkCheckOptions = {}) {
    this.options = {
      timeoutMs: options.timeoutMs ?? 10_000,
      budgetMs: options.budgetMs ?? 300_000,
      perHost: options.perHost ?? 2,
      concurrency: options.concurrency ?? 8,
      retries: options.retries ?? 2,
      retryDelayMs: options.retryDelayMs ?? 1000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      maxRedirects: options.maxRedirects ?? 5,
      allowPrivateHosts: options.allowPrivateHosts ?? false,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    };
    this.fetch = options.fetch ?? fetch;
    this.global = new Slots(this.options.concurrency);
  }

  /** Checks every address once (repeats are checked once), in parallel within the limits. */
  async checkAll(urls: readonly string[]): Promise<Map<string, LinkResult>> {
    const unique = [...new Set(urls)];
    this.deadline = Date.now() + this.options.budgetMs;
    const results = new Map<string, LinkResult>();
    let done = 0;
    await Promise.all(
      unique.map(async (url) => {
        results.set(url, await this.check(url));
        done++;
        this.options.onProgress?.(done, unique.length);
      }),
    );
    return new Map(unique.map((url) => [url, results.get(url)!]));
  }

  private host(url: URL): Slots {
    let slots = this.hosts.get(url.host);
    if (!slots) this.hosts.set(url.host, (slots = new Slots(this.options.perHost)));
    return slots;
  }

  private invalid(url: string, message: string): LinkResult {
    return { url, status: 'invalid', requests: 0, message };
  }

  private checkable(address: string): URL | string {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return 'is not a web address';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return `is a ${url.protocol.replace(/:$/, '')} address, not a web page; only http and https addresses are checked`;
    if (!this.options.allowPrivateHosts && isPrivateHost(url.hostname))
      return 'points to a private or local network address, which is not checked';
    return url;
  }

  /** One address: redirects followed, HEAD then GET, retried within the limits. */
  async check(address: string): Promise<LinkResult> {
    const start = this.checkable(address);
    if (typeof start === 'string') return this.invalid(address, start);
    let url = start;
    let requests = 0;
    const seen = new Set<string>([url.href]);
    for (let redirects = 0; ; redirects++) {
      const outcome = await this.fetchWithRetries(url, () => requests++);
      if (outcome === 'skipped')
        return { url: address, status: 'skipped', requests, message: 'was not checked: the time budget for checking links ran out' };
      if (outcome.kind === 'timeout')
        return {
          url: address,
          status: 'timeout',
          requests,
          message:
            `did not answer within ${(this.options.timeoutMs / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} s ` +
            `(${requests} ${requests === 1 ? 'try' : 'tries'})`,
        };
      if (outcome.kind === 'refused') return { url: address, status: 'refused', requests, message: outcome.message };
      if (outcome.kind === 'network')
        return { url: address, status: 'unreachable', requests, message: `could not be reached: ${outcome.message}` };
      const { status, location } = outcome;
      const final = url.href !== start.href ? { finalUrl: url.href } : {};
      if (status >= 300 && status < 400 && status !== 304) {
        if (!location)
          return {
            url: address,
            status: 'broken',
            httpStatus: status,
            requests,
            ...final,
            message: `answered ${status} (a redirect) without saying where to`,
          };
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return {
            url: address,
            status: 'broken',
            httpStatus: status,
            requests,
            ...final,
            message: `redirects to something that is not a web address`,
          };
        }
        const allowed = this.checkable(next.href);
        if (typeof allowed === 'string')
          return {
            url: address,
            status: 'broken',
            httpStatus: status,
            requests,
            finalUrl: next.href,
            message: `redirects to an address that ${allowed}`,
          };
        if (seen.has(next.href))
          return { url: address, status: 'broken', httpStatus: status, requests, finalUrl: next.href, message: 'redirects in a loop' };
        if (redirects >= this.options.maxRedirects)
          return {
            url: address,
            status: 'broken',
            httpStatus: status,
            requests,
            finalUrl: next.href,
            message: `redirects more than ${this.options.maxRedirects} times`,
          };
        seen.add(next.href);
        url = next;
        continue;
      }
      if (status >= 200 && status < 300)
        return { url: address, status: 'ok', httpStatus: status, requests, ...final, message: `answered ${statusWords(status)}` };
      return { url: address, status: 'broken', httpStatus: status, requests, ...final, message: `answered ${statusWords(status)}` };
    }
  }

  /** One step (no redirects followed): HEAD, then GET if HEAD is refused, with retries. */
  private async fetchWithRetries(url: URL, count: () => void): Promise<Attempt | 'skipped'> {
    for (let attempt = 0; ; attempt++) {
      if (Date.now() >= this.deadline) return 'skipped';
      let outcome = await this.request(url, 'HEAD', count);
      if (outcome === 'skipped') return outcome;
      if (outcome.kind === 'answer' && [400, 403, 404, 405, 501].includes(outcome.status)) {
        // Many servers refuse or mishandle HEAD: ask again with GET before calling the link broken.
        const get = await this.request(url, 'GET', count);
        if (get === 'skipped') return outcome;
        outcome = get;
      }
      const retryable =
        outcome.kind === 'timeout' ||
        outcome.kind === 'network' ||
        (outcome.kind === 'answer' && (outcome.status >= 500 || outcome.status === 429 || outcome.status === 408));
      if (!retryable || attempt >= this.options.retries) return outcome;
      let wait = this.options.retryDelayMs * 2 ** attempt;
      if (outcome.kind === 'answer' && outcome.retryAfterMs !== undefined) {
        if (outcome.retryAfterMs > this.options.maxRetryAfterMs) return outcome;
        wait = Math.max(wait, outcome.retryAfterMs);
      }
      if (Date.now() + wait >= this.deadline) return outcome;
      await sleep(wait);
    }
  }

  private async request(url: URL, method: 'HEAD' | 'GET', count: () => void): Promise<Attempt | 'skipped'> {
    const host = this.host(url);
    // The host's slot first, so that waiting for a busy host never holds one of the global slots.
    await host.take();
    await this.global.take();
    try {
      const remaining = this.deadline - Date.now();
      if (remaining <= 0) return 'skipped';
      count();
      try {
        const response = await this.fetch(url, {
          method,
          redirect: 'manual',
          signal: AbortSignal.timeout(Math.min(this.options.timeoutMs, remaining)),
          headers: { 'user-agent': this.options.userAgent ?? 'CouncilCommonsLinkCheck/1.0', accept: '*/*' },
        });
        // The body is never needed: drop it so the connection is freed.
        await response.body?.cancel().catch(() => {});
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        const location = response.headers.get('location');
        return {
          kind: 'answer',
          status: response.status,
          ...(location ? { location } : {}),
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        };
      } catch (error) {
        return networkFailure(error);
      }
    } finally {
      this.global.give();
      host.give();
    }
  }
}

export function checkLinks(urls: readonly string[], options: LinkCheckOptions = {}): Promise<Map<string, LinkResult>> {
  return new LinkChecker(options).checkAll(urls);
}

/** Whether a result means someone should look at the link. Skipped links were not checked, so they are not. */
export function needsAttention(result: LinkResult): boolean {
  return result.status !== 'ok' && result.status !== 'skipped';
}
