/**
 * Makes Pagefind's page list smaller, so a first search downloads less.
 *
 * Every search starts by downloading the language's metadata file (pagefind.<hash>.pf_meta), which
 * lists every page by the name of its fragment file, the language and a 7-character content hash
 * ("en-gb_b925e3d"), then its word count. Neither compresses: at 50,000 pages the list is 314 KB gzipped,
 * more than the whole goal for a first search (250 KB). Two changes take it to 110 KB:
 *
 * - Names: each fragment is renamed to a 3-character build tag and the page's number in hexadecimal,
 *   zero-padded to one width ("3f0" + "00c3"). Numbers of one width compress to about a third of random
 *   hashes; hexadecimal beats base 36 because gzip finds its repeats more often, and it stays lower-case,
 *   so no two names differ only by case on a Mac's or Windows' file system. The tag comes from the
 *   metadata's own content, so a fragment's address changes whenever the index does, and a browser's
 *   cached copy from an earlier build (GitHub Pages lets browsers keep files 10 minutes) is not taken for
 *   a newer one; three characters cost no more than one (gzip's shortest repeat is 3 bytes).
 * - Word counts: every page gets the same one. Pagefind's ranking (BM25) uses a page's word count only
 *   against the average, to rank shorter pages first among equal matches (its `pageLength` setting), so
 *   with one count for all it ranks as with `pageLength: 0`, whatever the number; 20 fits in one byte,
 *   which compresses best. (Its `termFrequency` setting, left at 1, would bring the number back in.) At
 *   50,000 pages the counts alone were 43 KB of the list. The hub indexes each body word once and shows
 *   no excerpts, so a record's length says little about its relevance: its title (weighted) and summary
 *   rank it. Precision at 5 on the search relevance test set is 0.89 with one count, 0.90 with the real
 *   ones.
 *
 * It reads and rewrites Pagefind's files in memory (from the Node API's getFiles), and changes nothing
 * unless the bundle is exactly what it expects of Pagefind 1.6: one language, a metadata file that
 * decodes and encodes back to the same bytes, pages in separate fragment files (no fragment groups),
 * and a fragment file for every page. Otherwise it returns the files as they were, with the reason.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

export interface BundleFile {
  /** Path inside the bundle folder, e.g. fragment/en-gb_b925e3d.pf_fragment. */
  path: string;
  content: Uint8Array;
}

export interface CompactResult {
  files: BundleFile[];
  compacted: boolean;
  /** Why nothing was changed, when it was not. */
  reason?: string;
  pages: number;
  metaBytesBefore: number;
  metaBytesAfter: number;
}

const SIGNATURE = 'pagefind_dcd';
/** The word count every page gets (see above). */
export const ONE_WORD_COUNT = 20;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, index) => byte === b[index]);

export function compactPagefindBundle(files: BundleFile[]): CompactResult {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const unchanged = (reason: string, metaBytes = 0): CompactResult => ({
    files,
    compacted: false,
    reason,
    pages: 0,
    metaBytesBefore: metaBytes,
    metaBytesAfter: metaBytes,
  });

  const entryFile = byPath.get('pagefind-entry.json');
  if (!entryFile) return unchanged('no pagefind-entry.json');
  const entry = JSON.parse(new TextDecoder().decode(entryFile.content)) as {
    version: string;
    languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
  };
  const languages = Object.keys(entry.languages ?? {});
  if (languages.length !== 1) return unchanged(`${languages.length} languages, not one`);
  const language = languages[0];
  const metaPath = `pagefind.${entry.languages[language].hash}.pf_meta`;
  const metaFile = byPath.get(metaPath);
  if (!metaFile) return unchanged(`no ${metaPath}`);

  const raw = gunzipSync(metaFile.content);
  if (new TextDecoder().decode(raw.subarray(0, SIGNATURE.length)) !== SIGNATURE)
    return unchanged('the metadata has an unknown signature', metaFile.content.length);
  const cbor = raw.subarray(SIGNATURE.length);
  let meta: CborValue;
  try {
    const decoded = decodeCbor(cbor);
    if (decoded.end !== cbor.length) return unchanged('the metadata has bytes after its end', metaFile.content.length);
    meta = decoded.value;
  } catch (error) {
    return unchanged(`the metadata does not decode (${(error as Error).message})`, metaFile.content.length);
  }
  if (!same(encodeCbor(meta), cbor)) return unchanged('the metadata does not encode back to the same bytes', metaFile.content.length);
  if (!Array.isArray(meta) || typeof meta[0] !== 'string' || !Array.isArray(meta[1]))
    return unchanged('the metadata has an unknown shape', metaFile.content.length);
  const pages = meta[1];
  for (const page of pages) {
    if (!Array.isArray(page) || page.length !== 3 || typeof page[0] !== 'string' || typeof page[1] !== 'number' || page[2] !== '') {
      return unchanged('the page list has an unknown shape, or fragment groups', metaFile.content.length);
    }
    if (!byPath.has(`fragment/${page[0]}.pf_fragment`)) return unchanged(`no fragment file for page ${page[0]}`, metaFile.content.length);
  }

  const tag = sha256(raw).slice(0, 3);
  const width = Math.max(4, (pages.length - 1).toString(16).length);
  const renamed = new Map<string, string>();
  pages.forEach((page, number) => {
    const list = page as [string, number, string];
    const name = `${tag}${number.toString(16).padStart(width, '0')}`;
    renamed.set(`fragment/${list[0]}.pf_fragment`, `fragment/${name}.pf_fragment`);
    list[0] = name;
    list[1] = ONE_WORD_COUNT;
  });
  const newRaw = Buffer.concat([raw.subarray(0, SIGNATURE.length), encodeCbor(meta)]);
  const newMeta = gzipSync(newRaw, { level: 9 });
  const newHash = `${language}_${sha256(newRaw).slice(0, 13)}`;
  entry.languages[language].hash = newHash;

  const result: BundleFile[] = [];
  for (const file of files) {
    if (file === metaFile) result.push({ path: `pagefind.${newHash}.pf_meta`, content: newMeta });
    else if (file === entryFile) result.push({ path: file.path, content: new TextEncoder().encode(JSON.stringify(entry)) });
    else result.push({ path: renamed.get(file.path) ?? file.path, content: file.content });
  }
  return { files: result, compacted: true, pages: pages.length, metaBytesBefore: metaFile.content.length, metaBytesAfter: newMeta.length };
}
