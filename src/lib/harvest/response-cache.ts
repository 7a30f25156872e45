/**
 * Where the harvest keeps answers between runs, for conditional requests: an address's ETag and the
 * text it came with. Sent again as If-None-Match, a 304 means the text is unchanged, so a weekly run
 * against portals that changed nothing costs them almost nothing.
 *
 * FileResponseCache keeps one JSON file per address in a folder (by default .cache/harvest, which git
 * ignores and CI can keep between runs). A cache is only ever an optimisation: an entry that is
 * missing, damaged, for another address or too big is ignored, never fatal, and the harvest simply
 * asks without If-None-Match. MemoryResponseCache is the same thing in memory, for tests.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CachedResponse, ResponseCache } from './types.ts';

export const DEFAULT_CACHE_DIR = '.cache/harvest';
/** The largest text an entry keeps: as much as the harvest reads of any one answer. */
export const DEFAULT_MAX_ENTRY_BYTES = 5 * 1024 * 1024;
/** ETags are short; anything longer is not one. */
const MAX_ETAG_LENGTH = 1024;

/** An entry's file name: a hash of the address, so any address makes a safe, fixed-length name. */
export function cacheFileName(url: string): string {
  return `${createHash('sha256').update(url).digest('hex')}.json`;
}

function isEntry(value: unknown, url: string): value is { url: string } & CachedResponse {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    entry.url === url &&
    typeof entry.etag === 'string' &&
    entry.etag !== '' &&
    entry.etag.length <= MAX_ETAG_LENGTH &&
    typeof entry.body === 'string'
  );
}

export class FileResponseCache implements ResponseCache {
  readonly dir: string;
  readonly maxEntryBytes: number;

  constructor(dir: string = DEFAULT_CACHE_DIR, options: { maxEntryBytes?: number } = {}) {
    this.dir = dir;
    this.maxEntryBytes = options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  }

  get(url: string): CachedResponse | undefined {
    const file = join(this.dir, cacheFileName(url));
    try {
      // JSON escaping makes an entry's file at most six times its text, plus the address and ETag: a
      // bigger file is not one this cache wrote, and is not read.
      if (statSync(file).size > (this.maxEntryBytes + MAX_ETAG_LENGTH + url.length) * 6 + 64) return undefined;
      const entry: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!isEntry(entry, url) || Buffer.byteLength(entry.body) > this.maxEntryBytes) return undefined;
      return { etag: entry.etag, body: entry.body };
    } catch {
      return undefined;
    }
  }

  set(url: string, entry: CachedResponse): void {
    const file = join(this.dir, cacheFileName(url));
    try {
      if (entry.etag === '' || entry.etag.length > MAX_ETAG_LENGTH || Buffer.byteLength(entry.body) > this.maxEntryBytes) {
        // Too big to keep: drop any older entry, whose ETag no longer goes with what the host serves.
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(this.dir, { recursive: true });
      // Written aside and renamed, so a run that stops half-way never leaves half an entry.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify({ url, etag: entry.etag, body: entry.body }));
      renameSync(partial, file);
    } catch {
      // A cache that cannot be written (a read-only folder, a full disk) only costs the next run a full request.
    }
  }
}

export class MemoryResponseCache implements ResponseCache {
  readonly entries = new Map<string, CachedResponse>();

  get(url: string): CachedResponse | undefined {
    return this.entries.get(url);
  }

  set(url: string, entry: CachedResponse): void {
    this.entries.set(url, { ...entry });
  }
}
