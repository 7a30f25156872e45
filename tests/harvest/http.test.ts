/**
 * src/lib/harvest/http.ts against a real HTTP server on loopback (tests/harvest/fake-portal.ts), named
 * by the https addresses a real run would use and mapped to the fake as HUB_HARVEST_HOSTS maps them:
 * only https and no private hosts unless mapped, redirects checked hop by hop, bodies bounded while they
 * stream, retries as each answer deserves, timeouts, the deadline, conditional requests, and messages
 * that name the address and say what happened. Delays are short, so no test waits more than a second
 * or two.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createPoliteFetch,
  HarvestFetchError,
  harvestHostsFromEnv,
  HARVEST_USER_AGENT,
  type PoliteFetchOptions,
} from '../../src/lib/harvest/http.ts';
import { MemoryResponseCache } from '../../src/lib/harvest/response-cache.ts';
import type { PoliteFetch } from '../../src/lib/harvest/types.ts';
import { startFakePortal, type FakePortal } from './fake-portal.ts';

const NAMED = 'https://data.ashdown.example';
const CATALOGUE = { dataset: [{ title: 'Road defect reports' }] };
let fake: FakePortal;

beforeAll(async () => {
  fake = await startFakePortal({ files: { '/data.json': CATALOGUE, '/other.json': { dataset: [] }, '/notes.txt': 'plain text' } });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function client(options: PoliteFetchOptions = {}, log: string[] = []): PoliteFetch {
  return createPoliteFetch({
    hosts: { [NAMED]: fake.origin },
    retryDelayMs: 20,
    timeoutMs: 2000,
    log: (line) => log.push(line),
    ...options,
  });
}

/** The error a request fails with; fails the test if it does not. */
async function failure(promise: Promise<unknown>): Promise<HarvestFetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HarvestFetchError);
    return error as HarvestFetchError;
  }
  throw new Error('expected the request to fail');
}

describe('HUB_HARVEST_HOSTS', () => {
  it('maps https origins to others, normalised as origins', () => {
    const hosts = harvestHostsFromEnv({
      HUB_HARVEST_HOSTS: '{"https://data.gov.uk/":"http://127.0.0.1:8123","https://Data.Example.gov.uk:443":"https://mirror.example"}',
    });
    expect(hosts).toEqual({ 'https://data.gov.uk': 'http://127.0.0.1:8123', 'https://data.example.gov.uk': 'https://mirror.example' });
  });

  it('is empty when unset or blank', () => {
    expect(harvestHostsFromEnv({})).toEqual({});
    expect(harvestHostsFromEnv({ HUB_HARVEST_HOSTS: '  ' })).toEqual({});
  });

  it.each([
    ['{"https://data.gov.uk": ', 'HUB_HARVEST_HOSTS is not valid JSON'],
    ['["https://data.gov.uk"]', 'HUB_HARVEST_HOSTS is not a JSON object'],
    [
      '{"https://data.gov.uk/api":"http://127.0.0.1:8123"}',
      'HUB_HARVEST_HOSTS maps "https://data.gov.uk/api", which is not an https origin',
    ],
    ['{"http://data.gov.uk":"http://127.0.0.1:8123"}', 'HUB_HARVEST_HOSTS maps "http://data.gov.uk", which is not an https origin'],
    ['{"https://data.gov.uk":"127.0.0.1:8123"}', 'HUB_HARVEST_HOSTS maps https://data.gov.uk to "127.0.0.1:8123", which is not an origin'],
    ['{"https://data.gov.uk":8123}', 'HUB_HARVEST_HOSTS maps https://data.gov.uk to 8123, which is not an origin'],
  ])('refuses %s, naming the variable and giving an example', (value, message) => {
    expect(() => harvestHostsFromEnv({ HUB_HARVEST_HOSTS: value })).toThrow(message);
    expect(() => harvestHostsFromEnv({ HUB_HARVEST_HOSTS: value })).toThrow('e.g. {"https://data.gov.uk":"http://127.0.0.1:8123"}');
  });
});

describe('what it fetches', () => {
  it('reads a mapped https address from the fake, naming it as named, and says who is asking', async () => {
    const http = client();
    const fetched = await http.getText(`${NAMED}/data.json`, { accept: 'application/json' });
    expect(fetched).toEqual({ url: `${NAMED}/data.json`, text: JSON.stringify(CATALOGUE, null, 2), notModified: false });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ path: '/data.json', userAgent: HARVEST_USER_AGENT, accept: 'application/json' });
    expect(http.requests).toBe(1);
  });

  it('refuses an address that is not https, before asking anything', async () => {
    const error = await failure(client().getText('http://data.ashdown.example/data.json'));
    expect(error.message).toBe(
      'http://data.ashdown.example/data.json is not an https address: ' +
        'the harvest fetches only https addresses, so that nothing it reads can be changed on the way',
    );
    expect(error.failure).toBe('unsafe');
    expect(await failure(client().getText('not an address'))).toMatchObject({
      failure: 'address',
      message: '"not an address" is not a web address',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    'https://127.0.0.1/data.json',
    'https://localhost/data.json',
    'https://192.168.1.20/data.json',
    'https://[::1]/data.json',
    'https://169.254.169.254/latest/meta-data',
    'https://2130706433/data.json',
  ])('refuses the private or local host of %s unless it is mapped', async (address) => {
    const error = await failure(client().getText(address));
    expect(error.failure).toBe('unsafe');
    expect(error.message).toContain('points to a private or local network address');
    expect(fake.requests).toHaveLength(0);
  });

  it('fetches a private origin when HUB_HARVEST_HOSTS maps it', async () => {
    const http = createPoliteFetch({ hosts: { 'https://10.0.0.5': fake.origin } });
    expect((await http.getText('https://10.0.0.5/notes.txt')).text).toBe('plain text');
  });
});

describe('redirects', () => {
  it('follows a relative redirect and a redirect to the fake’s own origin, reporting the addresses as named', async () => {
    fake.script('/old.json', { redirect: '/moved.json', status: 301 });
    fake.script('/moved.json', { redirect: `${fake.origin}/data.json` });
    const fetched = await client().getText(`${NAMED}/old.json`);
    expect(fetched.url).toBe(`${NAMED}/data.json`);
    expect(fetched.text).toContain('Road defect reports');
    expect(fake.requests.map((request) => request.path)).toEqual(['/old.json', '/moved.json', '/data.json']);
  });

  it('refuses a redirect from https to http', async () => {
    fake.script('/data.json', { redirect: 'http://data.ashdown.example/data.json' });
    const error = await failure(client().getText(`${NAMED}/data.json`));
    expect(error.message).toBe(
      'https://data.ashdown.example/data.json redirects to http://data.ashdown.example/data.json, ' +
        'which is not an https address: the harvest fetches only https addresses, so that nothing it reads can be ' +
        'changed on the way',
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses a redirect to a private address', async () => {
    fake.script('/data.json', { redirect: 'https://192.168.0.1/admin' });
    const error = await failure(client().getText(`${NAMED}/data.json`));
    expect(error.failure).toBe('redirect');
    expect(error.message).toBe(
      'https://data.ashdown.example/data.json redirects to https://192.168.0.1/admin, ' +
        'which points to a private or local network address (192.168.0.1), which the harvest never fetches',
    );
  });

  it('follows at most 5 redirects, and stops a loop', async () => {
    for (let hop = 0; hop < 6; hop++) fake.script(`/hop-${hop}`, { redirect: `/hop-${hop + 1}` });
    const tooMany = await failure(client().getText(`${NAMED}/hop-0`));
    expect(tooMany.message).toBe('https://data.ashdown.example/hop-0 redirects more than 5 times');
    expect(fake.requests).toHaveLength(6);

    fake.reset();
    fake.script('/a', { redirect: '/b' });
    fake.script('/b', { redirect: '/a' });
    expect((await failure(client().getText(`${NAMED}/a`))).message).toBe(
      'https://data.ashdown.example/a (redirected to https://data.ashdown.example/b) ' +
        'redirects in a loop, back to https://data.ashdown.example/a',
    );
  });
});

describe('size', () => {
  it('stops reading a streamed answer as soon as it passes the limit, and says the limit', async () => {
    fake.script('/huge.json', { hugeBytes: 64 * 1024 * 1024 });
    const error = await failure(client({ maxBytes: 1024 * 1024 }).getText(`${NAMED}/huge.json`));
    expect(error.message).toBe('https://data.ashdown.example/huge.json is larger than 1 MB, the most the harvest reads');
    expect(error.failure).toBe('too-large');
    // The fake never got to send it all: the client hung up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.huge[0].finished).toBe(false);
    expect(fake.huge[0].sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses an answer whose Content-Length is over the limit without reading it, and is not retried', async () => {
    fake.script('/declared.json', { hugeBytes: 2 * 1024 * 1024, declare: true });
    const error = await failure(client().getText(`${NAMED}/declared.json`, { maxBytes: 256 * 1024 }));
    expect(error.message).toBe('https://data.ashdown.example/declared.json is larger than 256 KiB, the most the harvest reads');
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses an answer that is not UTF-8 text', async () => {
    fake.script('/binary', { status: 200, body: new Uint8Array([0xff, 0xfe, 0x00, 0x41]) });
    const error = await failure(client().getText(`${NAMED}/binary`));
    expect(error.failure).toBe('not-text');
    expect(error.message).toMatch(/^https:\/\/data\.ashdown\.example\/binary cannot be read: it is not valid UTF-8 text/);
  });
});

describe('retries', () => {
  it('waits as long as a 429’s Retry-After says, in seconds, then reads the answer, and logs the retry', async () => {
    const log: string[] = [];
    fake.script('/data.json', { status: 429, headers: { 'retry-after': '1' }, body: 'Slow down' });
    const http = client({}, log);
    const fetched = await http.getText(`${NAMED}/data.json`);
    expect(fetched.text).toContain('Road defect reports');
    const [first, second] = fake.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    expect(log).toEqual(['https://data.ashdown.example/data.json answered 429 (too many requests): trying again in 1 s (try 2 of 4).']);
    expect(http.requests).toBe(2);
  });

  it('honours Retry-After given as an HTTP date on a 503', async () => {
    const log: string[] = [];
    fake.script('/data.json', { status: 503, headers: { 'retry-after': new Date(Date.now() + 1500).toUTCString() } });
    const fetched = await client({ retryDelayMs: 5 }, log).getText(`${NAMED}/data.json`);
    expect(fetched.text).toContain('Road defect reports');
    const [first, second] = fake.requests;
    // The date has whole seconds, so the wait is between 0.5 and 1.5 s: far more than the 5 ms backoff.
    expect(second.at - first.at).toBeGreaterThanOrEqual(400);
    expect(log[0]).toMatch(
      /^https:\/\/data\.ashdown\.example\/data\.json answered 503 \(service unavailable\): trying again in [\d.]+ s \(try 2 of 4\)\.$/,
    );
  });

  it('gives up at once when Retry-After is longer than it waits', async () => {
    fake.script('/data.json', { status: 429, headers: { 'retry-after': '3600' } });
    const error = await failure(client({ maxWaitMs: 120_000 }).getText(`${NAMED}/data.json`));
    expect(error.message).toBe(
      'https://data.ashdown.example/data.json answered 429 (too many requests) ' +
        'and asked to wait 3,600 s, longer than the 120 s the harvest waits',
    );
    expect(error.status).toBe(429);
    expect(fake.requests).toHaveLength(1);
  });

  it('tries a 503 without Retry-After again after a backoff, and reads the answer', async () => {
    fake.script('/data.json', { status: 503 });
    const http = client();
    expect((await http.getText(`${NAMED}/data.json`)).text).toContain('Road defect reports');
    expect(fake.requests.map((request) => request.status)).toEqual([503, 200]);
    expect(http.requests).toBe(2);
  });

  it('backs off exponentially on other 5xx, then says how many times it tried', async () => {
    const log: string[] = [];
    fake.always('/data.json', { status: 500, body: 'Internal Server Error' });
    const error = await failure(client({ retryDelayMs: 40, retries: 3 }, log).getText(`${NAMED}/data.json`));
    expect(error.message).toBe('https://data.ashdown.example/data.json answered 500 (internal server error); it was tried 4 times');
    const times = fake.requests.map((request) => request.at);
    expect(times).toHaveLength(4);
    const gaps = times.slice(1).map((time, index) => time - times[index]);
    gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(40 * 2 ** index - 5));
    expect(log).toHaveLength(3);
    expect(log[2]).toBe(
      'https://data.ashdown.example/data.json answered 500 (internal server error): trying again in 0.16 s (try 4 of 4).',
    );
  });

  it('does not try a 404 or another 4xx again', async () => {
    const error = await failure(client().getText(`${NAMED}/missing.json`));
    expect(error.message).toBe('https://data.ashdown.example/missing.json answered 404 (not found)');
    expect(error.status).toBe(404);
    fake.script('/data.json', { status: 403, body: 'Forbidden' });
    expect((await failure(client().getText(`${NAMED}/data.json`))).message).toBe(
      'https://data.ashdown.example/data.json answered 403 (forbidden)',
    );
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps the start of a 4xx answer, which APIs explain themselves in', async () => {
    fake.script('/api', { status: 409, body: { success: false, error: { message: 'Search Query is invalid' } } });
    const error = await failure(client().getText(`${NAMED}/api`));
    expect(JSON.parse(error.body!)).toEqual({ success: false, error: { message: 'Search Query is invalid' } });
  });

  it('tries again when a host refuses the connection, then says it could not be reached', async () => {
    const closed = await startFakePortal();
    const origin = closed.origin;
    await closed.close();
    const http = createPoliteFetch({ hosts: { [NAMED]: origin }, retries: 1, retryDelayMs: 10 });
    const error = await failure(http.getText(`${NAMED}/data.json`));
    expect(error.message).toBe('https://data.ashdown.example/data.json could not be reached: refused the connection; it was tried 2 times');
    expect(error.failure).toBe('network');
    expect(http.requests).toBe(2);
  });
});

describe('time', () => {
  it('gives up on an answer that is slow to start, after its tries', async () => {
    fake.always('/data.json', { delayMs: 3000 });
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 200, retries: 1, retryDelayMs: 10 }).getText(`${NAMED}/data.json`));
    expect(error.message).toBe('https://data.ashdown.example/data.json did not answer within 0.2 s; it was tried 2 times');
    expect(error.failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('gives up on a body that stops half-way', async () => {
    fake.always('/data.json', { slowBodyMs: 3000 });
    const error = await failure(client({ timeoutMs: 200, retries: 0 }).getText(`${NAMED}/data.json`));
    expect(error.message).toBe('https://data.ashdown.example/data.json did not answer within 0.2 s');
  });

  it('starts nothing after the deadline', async () => {
    const http = client({ deadline: Date.now() - 1 });
    const error = await failure(http.getText(`${NAMED}/data.json`));
    expect(error.failure).toBe('deadline');
    expect(error.message).toBe("https://data.ashdown.example/data.json was not fetched: the harvest's time budget for this run ran out");
    expect(fake.requests).toHaveLength(0);
  });

  it('does not wait for a retry that would end after the deadline', async () => {
    fake.script('/data.json', { status: 503 });
    const started = Date.now();
    const error = await failure(client({ retryDelayMs: 5000, deadline: Date.now() + 500 }).getText(`${NAMED}/data.json`));
    expect(error.failure).toBe('deadline');
    expect(error.message).toBe(
      'https://data.ashdown.example/data.json answered 503 (service unavailable), ' +
        "and the harvest's time budget for this run ran out before it could try again",
    );
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('cuts a slow request short at the deadline and says so', async () => {
    fake.always('/data.json', { delayMs: 3000 });
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 30_000, deadline: Date.now() + 300 }).getText(`${NAMED}/data.json`));
    expect(error.failure).toBe('deadline');
    expect(error.message).toBe(
      "https://data.ashdown.example/data.json had not answered when the harvest's time budget for this run ran out",
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('conditional requests', () => {
  it('asks again with If-None-Match and takes a 304 as the cached text, counting both', async () => {
    const cache = new MemoryResponseCache();
    const http = client({ cache });
    const first = await http.getText(`${NAMED}/data.json`);
    const etag = cache.get(`${NAMED}/data.json`)?.etag;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const second = await http.getText(`${NAMED}/data.json`);
    expect(second).toEqual({ url: `${NAMED}/data.json`, text: first.text, notModified: true });
    expect(fake.requests.map((request) => [request.ifNoneMatch, request.status])).toEqual([
      [undefined, 200],
      [etag, 304],
    ]);
    expect([http.requests, http.notModified]).toEqual([2, 1]);
  });

  it('reads and keeps the new text when the answer has changed', async () => {
    const cache = new MemoryResponseCache();
    const http = client({ cache });
    await http.getText(`${NAMED}/other.json`);
    fake.files.set('/other.json', { dataset: [{ title: 'Allotment sites' }] });
    const changed = await http.getText(`${NAMED}/other.json`);
    expect(changed.notModified).toBe(false);
    expect(changed.text).toContain('Allotment sites');
    expect(cache.get(`${NAMED}/other.json`)?.body).toBe(changed.text);
    fake.files.set('/other.json', { dataset: [] });
  });

  it('keeps nothing and asks plainly when the host gives no ETag', async () => {
    const cache = new MemoryResponseCache();
    fake.etags = false;
    try {
      const http = client({ cache });
      await http.getText(`${NAMED}/data.json`);
      await http.getText(`${NAMED}/data.json`);
      expect(cache.entries.size).toBe(0);
      expect(fake.requests.map((request) => request.ifNoneMatch)).toEqual([undefined, undefined]);
      expect(http.notModified).toBe(0);
    } finally {
      fake.etags = true;
    }
  });

  it('keys the cache by the address as named, not the mapped one', async () => {
    const cache = new MemoryResponseCache();
    await client({ cache }).getText(`${NAMED}/data.json`);
    expect([...cache.entries.keys()]).toEqual([`${NAMED}/data.json`]);
  });
});
