/**
 * src/lib/contribute/form-files.ts: the forms read a records file gzipped as it is stored (GitHub Pages
 * sends a .json.gz as it is), already inflated (a server that sends it with Content-Encoding: gzip), and
 * a plain JSON file, the same way.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { organisationFormFile, readJson, recordIdsIn, recordSourcesFile } from '../../src/lib/contribute/form-files.ts';

const file = {
  id: 'fenmoor',
  records: [{ id: 'roadmap/fenmoor/a', path: 'content/roadmap/fenmoor/a.md', data: { title: 'Ä “title”' }, body: 'Text\n' }],
};

describe('readJson', () => {
  it('inflates a gzipped file', async () => {
    await expect(readJson(new Response(new Uint8Array(gzipSync(JSON.stringify(file)))))).resolves.toEqual(file);
  });

  it('reads a file the server (or the browser) has already inflated, and plain JSON', async () => {
    await expect(readJson(new Response(JSON.stringify(file)))).resolves.toEqual(file);
    await expect(readJson(new Response('{"records":{}}'))).resolves.toEqual({ records: {} });
  });

  it('fails on a file that is neither', async () => {
    await expect(readJson(new Response('<!doctype html>'))).rejects.toThrow();
  });
});

it('names the two files of an organisation under the base', () => {
  expect(organisationFormFile('fenmoor')).toBe('contribute/organisations/fenmoor.json');
  expect(recordSourcesFile('fenmoor')).toBe('contribute/records/fenmoor.json.gz');
});

it('reads the record ids from a form file’s short names', () => {
  expect(recordIdsIn({ id: 'fenmoor', records: { lessons: ['a'], roadmap: ['b', 'c'] } })).toEqual([
    'lessons/fenmoor/a',
    'roadmap/fenmoor/b',
    'roadmap/fenmoor/c',
  ]);
  expect(recordIdsIn({ id: 'fenmoor', records: {} })).toEqual([]);
});
