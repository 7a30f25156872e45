/**
 * An Octokit for the hub's scripts: base URL and token from the environment (GITHUB_API_URL,
 * GITHUB_TOKEN), so that tests point it at a local fake GitHub, and one small, tested retry policy.
 *
 * Octokit's own retry and throttling plugins are switched off. The throttling plugin keeps its queues
 * in module-wide state (one write a second and one notification every three seconds across every
 * client in the process) and only retries a rate limit when told to from a callback; the retry plugin
 * does not retry 403s at all. The scripts make a handful of requests, so this wrapper does the same
 * job in plain sight:
 *
 * - a primary rate limit (403 or 429 with x-ratelimit-remaining: 0) waits until x-ratelimit-reset;
 * - a secondary rate limit (429, or 403 with retry-after or "secondary rate limit") waits retry-after
 *   seconds, or a minute when GitHub gives none;
 * - 5xx answers, timeouts and network errors back off exponentially (retryDelayMs, doubling);
 * - no wait is longer than maxWaitMs: the error is then explained instead;
 * - writes are spaced writeIntervalMs apart, as GitHub asks of integrations.
 */
import { Octokit, RequestError } from 'octokit';

export interface ClientOptions {
  token?: string;
  /** https://api.github.com, or GITHUB_API_URL (GitHub Enterprise, or a test server). */
  baseUrl?: string;
  /** Tries after the first. Default 4. */
  retries?: number;
  /** First backoff for 5xx and network errors; doubles each time. Default 1,000 ms. */
  retryDelayMs?: number;
  /** The longest the client waits for a rate limit; longer waits fail with an explanation. Default 120,000 ms. */
  maxWaitMs?: number;
  /** Wait when GitHub signals a secondary rate limit without saying how long. Default 60,000 ms. */
  secondaryWaitMs?: number;
  /** Time between writes (POST, PATCH, PUT, DELETE). Default 1,000 ms. */
  writeIntervalMs?: number;
  /** Per-request timeout. Default 30,000 ms. */
  timeoutMs?: number;
  /** Where retries are reported. Default: standard error. */
  log?: (line: string) => void;
  /** For tests: the clock. */
  now?: () => number;
}

export const DEFAULT_API_URL = 'https://api.github.com';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Client options from the environment: GITHUB_TOKEN, GITHUB_API_URL, and
 * HUB_RETRY_DELAY_MS, HUB_MAX_WAIT_MS, HUB_WRITE_INTERVAL_MS for tests.
 */
export function clientOptionsFromEnv(env: Record<string, string | undefined> = process.env): ClientOptions {
  const number = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number of milliseconds, not "${value}".`);
    return parsed;
  };
  const options: ClientOptions = { baseUrl: env.GITHUB_API_URL || DEFAULT_API_URL };
  if (env.GITHUB_TOKEN) options.token = env.GITHUB_TOKEN;
  const retryDelayMs = number('HUB_RETRY_DELAY_MS');
  const maxWaitMs = number('HUB_MAX_WAIT_MS');
  const writeIntervalMs = number('HUB_WRITE_INTERVAL_MS');
  const secondaryWaitMs = number('HUB_SECONDARY_WAIT_MS');
  if (retryDelayMs !== undefined) options.retryDelayMs = retryDelayMs;
  if (maxWaitMs !== undefined) options.maxWaitMs = maxWaitMs;
  if (writeIntervalMs !== undefined) options.writeIntervalMs = writeIntervalMs;
  if (secondaryWaitMs !== undefined) options.secondaryWaitMs = secondaryWaitMs;
  return options;
}

interface Failure {
  status?: number;
  message: string;
  headers: Record<string, string | number | undefined>;
}

function failureOf(error: unknown): Failure {
  if (error instanceof RequestError)
    return { status: error.status, message: error.message, headers: (error.response?.headers ?? {}) as Failure['headers'] };
  const status = (error as { status?: unknown }).status;
  return { ...(typeof status === 'number' ? { status } : {}), message: (error as Error)?.message ?? String(error), headers: {} };
}

/** Seconds or an HTTP date in retry-after, as milliseconds. */
function retryAfterMs(value: string | number | undefined, now: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(value));
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryDecision {
  retry: boolean;
  waitMs: number;
  /** Why, in words, for the log and for errors. */
  reason: string;
}

/** Whether (and after how long) a failed request is worth trying again. Pure, so that it is tested alone. */
export function retryDecision(
  error: unknown,
  attempt: number,
  options: Required<Pick<ClientOptions, 'retryDelayMs' | 'maxWaitMs' | 'secondaryWaitMs'>>,
  now: number,
): RetryDecision {
  const { status, message, headers } = failureOf(error);
  const remaining = headers['x-ratelimit-remaining'];
  const primary = (status === 403 || status === 429) && String(remaining) === '0';
  const after = retryAfterMs(headers['retry-after'], now);
  const secondary =
    !primary && (status === 429 || (status === 403 && (after !== undefined || /secondary rate limit|abuse/i.test(message))));
  if (primary || secondary) {
    let waitMs: number;
    let reason: string;
    if (after !== undefined) {
      waitMs = after;
      reason = `GitHub's rate limit (${status}): it asked to wait ${Math.ceil(after / 1000)} s`;
    } else if (primary && headers['x-ratelimit-reset'] !== undefined) {
      const reset = Number(headers['x-ratelimit-reset']) * 1000;
      waitMs = Math.max(0, reset - now);
      reason = `GitHub's rate limit is used up (${status}) until ${new Date(reset).toISOString().slice(11, 19)} UTC`;
    } else {
      waitMs = options.secondaryWaitMs;
      reason = `GitHub's secondary rate limit (${status})`;
    }
    if (waitMs > options.maxWaitMs)
      return { retry: false, waitMs, reason: `${reason}, longer than the ${Math.round(options.maxWaitMs / 1000)} s this script waits` };
    return { retry: true, waitMs, reason };
  }
  if (status === undefined || status >= 500 || status === 408) {
    return {
      retry: true,
      waitMs: options.retryDelayMs * 2 ** attempt,
      reason: status === undefined || status === 500 ? `GitHub could not be reached or failed (${message})` : `GitHub answered ${status}`,
    };
  }
  return { retry: false, waitMs: 0, reason: message };
}

export class GitHubError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** A failed request in words a maintainer can act on. */
export function explainError(error: unknown, what: string): string {
  if (error instanceof GitHubError) return `could not ${what}: ${error.message}`;
  const { status, message } = failureOf(error);
  const detail = message.replace(/ - https:\/\/docs\.github\.com\S*/, '');
  switch (status) {
    case 401:
      return `GitHub refused the token while trying to ${what} (401 ${detail}): set GITHUB_TOKEN to a valid token.`;
    case 403:
      return (
        `GitHub refused to ${what} (403 ${detail}): the token may lack a ` +
        'permission this job needs, or a rate limit did not reset in time.'
      );
    case 404:
      return `GitHub found nothing when trying to ${what} (404): check the repository name and the token's access.`;
    case 422:
      return `GitHub refused what was sent while trying to ${what} (422 ${detail}).`;
    case 429:
      return `GitHub's rate limit stopped the script while trying to ${what} (429 ${detail}).`;
    default:
      return status !== undefined && status !== 500
        ? `GitHub answered ${status} while trying to ${what}: ${detail}`
        : `could not ${what}: ${detail} (GitHub kept failing or could not be reached).`;
  }
}

export function statusOf(error: unknown): number | undefined {
  return failureOf(error).status;
}

export function createClient(options: ClientOptions = {}): Octokit {
  const retries = options.retries ?? 4;
  const policy = {
    retryDelayMs: options.retryDelayMs ?? 1000,
    maxWaitMs: options.maxWaitMs ?? 120_000,
    secondaryWaitMs: options.secondaryWaitMs ?? 60_000,
  };
  const writeIntervalMs = options.writeIntervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const quiet = () => {};
  const octokit = new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: 'council-commons-scripts',
    throttle: { enabled: false },
    retry: { enabled: false },
    request: {
      fetch: (url: Parameters<typeof fetch>[0], init?: RequestInit) =>
        fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
    },
    log: { debug: quiet, info: quiet, warn: log, error: log },
  });
  let lastWrite = -Infinity;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const method = String(requestOptions.method ?? 'GET').toUpperCase();
    let label = `${method} ${String(requestOptions.url)}`;
    try {
      label = `${method} ${new URL(octokit.request.endpoint.parse(requestOptions).url).pathname}`;
    } catch {
      // The template is label enough.
    }
    for (let attempt = 0; ; attempt++) {
      if (method !== 'GET' && method !== 'HEAD') {
        const wait = lastWrite + writeIntervalMs - now();
        if (wait > 0) await sleep(wait);
        lastWrite = now();
      }
      try {
        return await request(requestOptions);
      } catch (error) {
        const decision = retryDecision(error, attempt, policy, now());
        const status = statusOf(error);
        if (!decision.retry) {
          // A rate limit longer than this script waits: say until when, rather than just "403".
          if (/rate limit/.test(decision.reason)) throw new GitHubError(`${decision.reason}.`, status);
          throw error;
        }
        if (attempt >= retries) throw new GitHubError(`${decision.reason}, ${retries + 1} times in a row.`, status);
        log(
          `${label}: ${decision.reason}; trying again ` +
            `in ${(decision.waitMs / 1000).toFixed(decision.waitMs < 10_000 ? 1 : 0)} s (${attempt + 1} of ${retries}).`,
        );
        await sleep(decision.waitMs);
      }
    }
  });
  return octokit;
}

export type { Octokit };
