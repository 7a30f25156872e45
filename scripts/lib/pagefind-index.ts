/**
 * Writes the site's Pagefind bundle from search records (scripts/lib/search-records.ts) through
 * Pagefind's Node API: records are added a few at a time, each as a small HTML document (the one way to
 * give parts of a record different weights), the files are taken back in memory, the page
 * list is made smaller (scripts/lib/pagefind-compact.ts) and the bundle is written into the site.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { compactPagefindBundle, type CompactResult } from './pagefind-compact.ts';
import { searchRecordHtml, type SearchRecord } from './search-records.ts';

export interface SearchIndexResult {
  pages: number;
  files: number;
  bytes: number;
  compaction: Omit<CompactResult, 'files'>;
}

export class SearchIndexError extends Error {}

export async function writeSearchIndex(options: {
  records: SearchRecord[];
  bundleDir: string;
  concurrency?: number;
  compact?: boolean;
}): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new SearchIndexError(`Pagefind did not start: ${errors.join('; ')}`);
  try {
    let next = 0;
    const problems: string[] = [];
    const worker = async () => {
      while (next < options.records.length) {
        const record = options.records[next++];
        const added = await index.addHTMLFile({ url: record.url, content: searchRecordHtml(record) });
        if (added.errors.length > 0) problems.push(`${record.url}: ${added.errors.join('; ')}`);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
    if (problems.length > 0)
      throw new SearchIndexError(`Pagefind refused ${problems.length} record(s): ${problems.slice(0, 5).join(' | ')}`);

    const got = await index.getFiles();
    if (got.errors.length > 0) throw new SearchIndexError(`Pagefind could not build the index: ${got.errors.join('; ')}`);
    const files = got.files.map((file) => ({ path: file.path.replace(/^\/+/, ''), content: file.content }));
    const { files: bundle, ...compaction } =
      options.compact === false
        ? { files, compacted: false, reason: 'not asked', pages: 0, metaBytesBefore: 0, metaBytesAfter: 0 }
        : compactPagefindBundle(files);

    rmSync(options.bundleDir, { recursive: true, force: true });
    const folders = new Set<string>();
    let bytes = 0;
    for (const file of bundle) {
      const path = join(options.bundleDir, file.path);
      const folder = dirname(path);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(path, file.content);
      bytes += file.content.length;
    }
    return { pages: options.records.length, files: bundle.length, bytes, compaction };
  } finally {
    await index.deleteIndex().catch(() => {});
    await pagefind.close();
  }
}
