/**
 * src/lib/harvest/response-cache.ts on real files in a temporary folder: an entry per address, kept
 * between runs (a new cache on the same folder reads it), named by a hash of the address; damaged,
 * foreign, unreadable and oversized entries ignored rather than fatal; and, with the polite client and
 * the fake portal, a second run that gets 304s.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPoliteFetch } from '../../src/lib/harvest/http.ts';
import { cacheFileName, FileResponseCache, MemoryResponseCache } from '../../src/lib/harvest/response-cache.ts';
import { startFakePortal } from './fake-portal.ts';

const scratch = mkdtempSync(join(tmpdir(), 'council-commons-cache-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
function folder(): string {
  return join(scratch, `cache-${++folders}`, '.cache', 'harvest');
}

const URL_A = 'https://data.ashdown.example/api/3/action/package_search?fq=organization:ashdown-county-council&rows=100&start=0';
const URL_B = 'https://opendata.brackwater.example/data.json';

describe('FileResponseCache', () => {
  it('keeps an entry per address in the folder (made when first needed), and a new cache on the folder reads it', () => {
    const dir = folder();
    const cache = new FileResponseCache(dir);
    expect(cache.get(URL_A)).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    cache.set(URL_A, { etag: '"abc"', body: '{"success": true}' });
    cache.set(URL_B, { etag: 'W/"v2"', body: '{"dataset": []}' });
    const again = new FileResponseCache(dir);
    expect(again.get(URL_A)).toEqual({ etag: '"abc"', body: '{"success": true}' });
    expect(again.get(URL_B)).toEqual({ etag: 'W/"v2"', body: '{"dataset": []}' });
    expect(readdirSync(dir).sort()).toEqual([cacheFileName(URL_A), cacheFileName(URL_B)].sort());
  });

  it('names each file by a hash of the address, so no address can name a path', () => {
    expect(cacheFileName(URL_A)).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(cacheFileName('https://x.example/../../etc/passwd')).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(cacheFileName(URL_A)).not.toBe(cacheFileName(`${URL_A}0`));
  });

  it('replaces an entry when the answer changes', () => {
    const cache = new FileResponseCache(folder());
    cache.set(URL_A, { etag: '"1"', body: 'one' });
    cache.set(URL_A, { etag: '"2"', body: 'two' });
    expect(cache.get(URL_A)).toEqual({ etag: '"2"', body: 'two' });
  });

  it('ignores a damaged entry, an entry for another address and one of the wrong shape, without failing', () => {
    const dir = folder();
    const cache = new FileResponseCache(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, cacheFileName(URL_A)), '{"url": "https://data.ashdown.exa');
    expect(cache.get(URL_A)).toBeUndefined();
    writeFileSync(join(dir, cacheFileName(URL_A)), JSON.stringify({ url: URL_B, etag: '"x"', body: 'someone else’s' }));
    expect(cache.get(URL_A)).toBeUndefined();
    writeFileSync(join(dir, cacheFileName(URL_A)), JSON.stringify({ url: URL_A, etag: 42, body: 'text' }));
    expect(cache.get(URL_A)).toBeUndefined();
    writeFileSync(join(dir, cacheFileName(URL_A)), '\u0000\u0001 binary');
    expect(cache.get(URL_A)).toBeUndefined();
    cache.set(URL_A, { etag: '"fresh"', body: 'mended' });
    expect(cache.get(URL_A)).toEqual({ etag: '"fresh"', body: 'mended' });
  });

  it('does not keep an answer over its size cap, and drops the older entry for that address', () => {
    const dir = folder();
    const cache = new FileResponseCache(dir, { maxEntryBytes: 1024 });
    cache.set(URL_A, { etag: '"small"', body: 'x'.repeat(1024) });
    expect(cache.get(URL_A)?.etag).toBe('"small"');
    cache.set(URL_A, { etag: '"big"', body: 'x'.repeat(1025) });
    expect(cache.get(URL_A)).toBeUndefined();
    expect(existsSync(join(dir, cacheFileName(URL_A)))).toBe(false);
  });

  it('does not read a file bigger than any entry it would write', () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, cacheFileName(URL_A)), JSON.stringify({ url: URL_A, etag: '"e"', body: 'y'.repeat(20_000) }));
    expect(new FileResponseCache(dir, { maxEntryBytes: 1024 }).get(URL_A)).toBeUndefined();
    expect(new FileResponseCache(dir).get(URL_A)?.etag).toBe('"e"');
  });

  it('goes on without a cache when its folder cannot be made', () => {
    const blocked = join(scratch, 'a-file-not-a-folder');
    writeFileSync(blocked, 'in the way');
    const cache = new FileResponseCache(join(blocked, 'harvest'));
    expect(() => cache.set(URL_A, { etag: '"x"', body: 'text' })).not.toThrow();
    expect(cache.get(URL_A)).toBeUndefined();
  });

  it('leaves no partial file behind', () => {
    const dir = folder();
    new FileResponseCache(dir).set(URL_A, { etag: '"x"', body: 'text' });
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, cacheFileName(URL_A)), 'utf8'))).toEqual({ url: URL_A, etag: '"x"', body: 'text' });
  });
});

describe('MemoryResponseCache', () => {
  it('keeps copies of entries by address', () => {
    const cache = new MemoryResponseCache();
    const entry = { etag: '"a"', body: 'text' };
    cache.set(URL_A, entry);
    entry.body = 'changed afterwards';
    expect(cache.get(URL_A)).toEqual({ etag: '"a"', body: 'text' });
    expect(cache.get(URL_B)).toBeUndefined();
  });
});

describe('between runs', () => {
  it('lets the next run, with a new client on the same folder, ask conditionally and get 304', async () => {
    const fake = await startFakePortal({ files: { '/data.json': { dataset: [{ title: 'Licensed premises' }] } } });
    try {
      const dir = folder();
      const hosts = { 'https://opendata.brackwater.example': fake.origin };
      const first = createPoliteFetch({ hosts, cache: new FileResponseCache(dir) });
      const read = await first.getText(URL_B);
      const second = createPoliteFetch({ hosts, cache: new FileResponseCache(dir) });
      const again = await second.getText(URL_B);
      expect(again).toEqual({ url: URL_B, text: read.text, notModified: true });
      expect(fake.requests.map((request) => request.status)).toEqual([200, 304]);
      expect(fake.requests[1].ifNoneMatch).toBe(new FileResponseCache(dir).get(URL_B)?.etag);
    } finally {
      await fake.close();
    }
  });
});
