/**
 * readBounded on real files: whole files under the limit, the size (never the bytes) of one over it,
 * through both of its ways (a buffer kept between calls under a small limit, the size asked first under
 * a large one), and calls one after another not sharing bytes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBounded } from '../../src/lib/content-files/read-bounded.ts';

const folder = mkdtempSync(join(tmpdir(), 'council-commons-read-bounded-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

describe.each([
  ['a small limit (the kept buffer)', 256 * 1024],
  ['a large limit (the size asked first)', 4 * 1024 * 1024],
])('readBounded under %s', (_, limit) => {
  it('reads an empty file, a small one and one of exactly the limit whole', () => {
    expect(readBounded(file('empty', ''), limit)).toEqual(Buffer.alloc(0));
    expect(readBounded(file('small', 'title: Garden waste\n'), limit)).toEqual(Buffer.from('title: Garden waste\n'));
    const exact = Buffer.alloc(limit, 0x61);
    const read = readBounded(file('exact', exact), limit);
    // Compared as bytes: toEqual on megabytes is slow.
    expect(Buffer.isBuffer(read) && read.equals(exact)).toBe(true);
  });

  it('gives the size of a file one byte over the limit, or far over it', () => {
    expect(readBounded(file('over', Buffer.alloc(limit + 1, 0x62)), limit)).toBe(limit + 1);
    expect(readBounded(file('far-over', Buffer.alloc(limit * 3, 0x63)), limit)).toBe(limit * 3);
  });

  it('returns bytes that the next call does not change', () => {
    const first = readBounded(file('first', 'first file'), limit) as Buffer;
    const second = readBounded(file('second', 'the second, longer file'), limit) as Buffer;
    expect(first.toString('utf8')).toBe('first file');
    expect(second.toString('utf8')).toBe('the second, longer file');
  });
});
