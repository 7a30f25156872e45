import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShard } from '../../scripts/lib/merge-shards.ts';
import { parseBuildShard, shardCount, shareOf } from '../../src/lib/build-shard.ts';

describe('parseBuildShard', () => {
  it('reads <index>/<count>, and nothing as the whole build', () => {
    expect(parseBuildShard('1/3')).toEqual({ index: 1, count: 3 });
    expect(parseBuildShard(undefined)).toBeUndefined();
    expect(parseBuildShard('')).toBeUndefined();
  });

  it('refuses anything else, saying what it takes', () => {
    for (const wrong of ['2/2', '1', 'a/b', '-1/2', '0/0', '1/2/3'])
      expect(() => parseBuildShard(wrong), wrong).toThrow(/HUB_BUILD_SHARD is “.*”: it takes <index>\/<count>/);
  });
});

describe('shareOf', () => {
  const paths = Array.from({ length: 10 }, (_, i) => `p${i}`);

  it('gives every path to exactly one shard, and every shard some of each run of paths', () => {
    const shares = [0, 1, 2].map((index) => shareOf(paths, { index, count: 3 }));
    expect(shares).toEqual([
      ['p0', 'p3', 'p6', 'p9'],
      ['p1', 'p4', 'p7'],
      ['p2', 'p5', 'p8'],
    ]);
    expect(shares.flat().sort()).toEqual([...paths].sort());
  });

  it('gives everything to a build in one process', () => {
    expect(shareOf(paths, undefined)).toEqual(paths);
    expect(shareOf(paths, { index: 0, count: 1 })).toEqual(paths);
  });
});

describe('shardCount', () => {
  it('builds in one process unless HUB_BUILD_SHARDS says otherwise', () => {
    expect(shardCount(undefined)).toBe(1);
    expect(shardCount('')).toBe(1);
    expect(shardCount('3')).toBe(3);
  });

  it('refuses a count that is not one, saying what it takes', () => {
    for (const wrong of ['0', '1.5', 'two', '17'])
      expect(() => shardCount(wrong)).toThrow(/HUB_BUILD_SHARDS is “.*”: it takes a whole number from 1 to 16/);
  });
});

describe('mergeShard', () => {
  const work = mkdtempSync(join(tmpdir(), 'council-commons-shards-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };

  it('moves the shard’s pages into the site, keeps the site’s copy of what both made, and removes the shard', () => {
    const site = join(work, 'site');
    const shard = join(work, 'shard');
    write(join(site, 'index.html'), 'home from the first shard');
    write(join(site, 'roadmap/a/one/index.html'), 'one');
    write(join(shard, 'index.html'), 'home from the second shard');
    write(join(shard, 'roadmap/a/two/index.html'), 'two');
    write(join(shard, 'roadmap/b/three/index.html'), 'three');

    expect(mergeShard(shard, site)).toEqual({ moved: 2, kept: 1 });
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('home from the first shard');
    expect(readFileSync(join(site, 'roadmap/a/two/index.html'), 'utf8')).toBe('two');
    expect(readFileSync(join(site, 'roadmap/b/three/index.html'), 'utf8')).toBe('three');
    expect(readFileSync(join(site, 'roadmap/a/one/index.html'), 'utf8')).toBe('one');
    expect(existsSync(shard)).toBe(false);
  });
});
