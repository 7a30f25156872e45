/**
 * Moves what one build shard wrote (src/lib/build-shard.ts) into the site the first shard wrote.
 *
 * A page with parameters is made by exactly one shard. Pages without parameters, and Astro's own
 * stylesheets and scripts, are made by every shard from the same code and the same content, so the copy
 * already in the site is kept. tests/build/build.test.ts checks that a site built in shards is the same,
 * file by file, as one built in one process.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface MergedShard {
  /** Files moved into the site. */
  moved: number;
  /** Files the site had already (pages without parameters, assets). */
  kept: number;
}

export function mergeShard(shardDir: string, siteDir: string): MergedShard {
  let moved = 0;
  let kept = 0;
  const made = new Set<string>();
  for (const entry of readdirSync(shardDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(siteDir, from.slice(shardDir.length + 1));
    if (existsSync(to)) {
      kept++;
      continue;
    }
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      renameSync(from, to);
    } catch (error) {
      // Another file system (the shard inside the project, the site in /tmp): copy instead.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      copyFileSync(from, to);
    }
    moved++;
  }
  rmSync(shardDir, { recursive: true, force: true });
  return { moved, kept };
}
