/**
 * scripts/lib/pagefind-compact.ts rewrites Pagefind's page list with shorter fragment names and one word
 * count. It must keep every page pointing at its own fragment, change the names whenever the index
 * changes, and leave alone any bundle that is not exactly what it expects.
 */
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../../scripts/lib/cbor.ts';
import { compactPagefindBundle, ONE_WORD_COUNT, type BundleFile } from '../../scripts/lib/pagefind-compact.ts';

const SIGNATURE = 'pagefind_dcd';

async function bundle(records: { url: string; content: string }[]): Promise<BundleFile[]> {
  const { index } = await pagefind.createIndex({});
  for (const record of records)
    await index!.addCustomRecord({ ...record, language: 'en-gb', meta: { title: record.url }, filters: { collection: ['Roadmap'] } });
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  return files.map((file) => ({ path: file.path.replace(/^\/+/, ''), content: file.content }));
}

function meta(files: BundleFile[]): { entry: { languages: Record<string, { hash: string }> }; pages: [string, number, string][] } {
  const entry = JSON.parse(new TextDecoder().decode(files.find((file) => file.path === 'pagefind-entry.json')!.content));
  const language = Object.keys(entry.languages)[0];
  const file = files.find((candidate) => candidate.path === `pagefind.${entry.languages[language].hash}.pf_meta`)!;
  const raw = gunzipSync(file.content);
  expect(raw.subarray(0, SIGNATURE.length).toString()).toBe(SIGNATURE);
  const value = decodeCbor(raw.subarray(SIGNATURE.length)).value as CborValue[];
  return { entry, pages: value[1] as [string, number, string][] };
}

const fragment = (files: BundleFile[], hash: string) => files.find((file) => file.path === `fragment/${hash}.pf_fragment`);

const records = Array.from({ length: 60 }, (_, number) => ({
  url: `/roadmap/org-${number % 7}/record-${number}/`,
  content: `Record ${number} about housing repairs and waste, number ${number}.${' More words.'.repeat(number % 5)}`,
}));
let original: BundleFile[];

beforeAll(async () => {
  original = await bundle(records);
}, 60_000);
afterAll(() => pagefind.close());

describe('CBOR', () => {
  it('encodes what it decodes to the same bytes', () => {
    const values: CborValue[] = [
      0,
      23,
      24,
      255,
      256,
      65535,
      65536,
      2 ** 32,
      -1,
      -500,
      '',
      'en-gb_b925e3d',
      'Dŵr',
      [],
      [1, ['a', 2, '']],
      new Map<CborValue, CborValue>([['k', 1]]),
      true,
      false,
      null,
      new Uint8Array([1, 2]),
    ];
    for (const value of values) {
      const bytes = encodeCbor(value);
      expect(encodeCbor(decodeCbor(bytes).value)).toEqual(bytes);
    }
  });
});

describe('compactPagefindBundle', () => {
  it('gives every page a short name that points at its own fragment, and one word count for all', () => {
    const before = meta(original);
    const result = compactPagefindBundle(original);
    expect(result.compacted, result.reason).toBe(true);
    const after = meta(result.files);
    expect(after.pages).toHaveLength(records.length);
    expect(new Set(before.pages.map((page) => page[1])).size).toBeGreaterThan(1);
    after.pages.forEach(([hash, words, group], number) => {
      expect(hash).toMatch(new RegExp(`^[0-9a-f]{3}${number.toString(16).padStart(4, '0')}$`));
      expect(words).toBe(ONE_WORD_COUNT);
      expect(group).toBe('');
      expect(fragment(result.files, hash)!.content).toEqual(fragment(original, before.pages[number][0])!.content);
    });
    expect(result.files.filter((file) => file.path.startsWith('fragment/'))).toHaveLength(records.length);
    expect(result.files).toHaveLength(original.length);
  });

  it('keeps every other file as it was', () => {
    const result = compactPagefindBundle(original);
    const others = (files: BundleFile[]) =>
      files
        .filter((file) => !/^fragment\/|\.pf_meta$|^pagefind-entry\.json$/.test(file.path))
        .map((file) => [file.path, file.content.length]);
    expect(others(result.files)).toEqual(others(original));
  });

  it('changes the names when the index changes, and keeps them when it does not', async () => {
    const again = compactPagefindBundle(await bundle(records));
    const changed = compactPagefindBundle(
      await bundle(records.map((record, number) => (number === 30 ? { ...record, content: `${record.content} Changed.` } : record))),
    );
    const first = meta(compactPagefindBundle(original).files).pages[0][0];
    expect(meta(again.files).pages[0][0]).toBe(first);
    expect(meta(changed.files).pages[0][0]).not.toBe(first);
  }, 60_000);

  it('leaves a bundle with more than one language as it was', async () => {
    const { index } = await pagefind.createIndex({});
    await index!.addCustomRecord({ url: '/a/', content: 'English words', language: 'en' });
    await index!.addCustomRecord({ url: '/b/', content: 'Geiriau Cymraeg', language: 'cy' });
    const files = (await index!.getFiles()).files.map((file) => ({ path: file.path.replace(/^\/+/, ''), content: file.content }));
    await index!.deleteIndex();
    const result = compactPagefindBundle(files);
    expect(result.compacted).toBe(false);
    expect(result.reason).toBe('2 languages, not one');
    expect(result.files).toBe(files);
  });

  it('leaves a bundle whose page list it does not recognise as it was', () => {
    const broken = original.map((file) =>
      file.path.startsWith('fragment/') ? { ...file, path: file.path.replace('fragment/', 'elsewhere/') } : file,
    );
    const result = compactPagefindBundle(broken);
    expect(result.compacted).toBe(false);
    expect(result.reason).toMatch(/^no fragment file for page/);
  });
});
