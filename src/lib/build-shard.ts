/**
 * Building the site in several Astro processes at once, each rendering a share of the pages.
 *
 * Astro renders pages one after another on one processor core. `npm run build` (scripts/build.ts) starts
 * one Astro process a shard, each with HUB_BUILD_SHARD set to `<index>/<count>`, and every route with
 * parameters keeps only its share of the paths (src/data/build-shard.ts). Pages without parameters are
 * few and cheap, so every shard makes them and the first shard's copy is kept.
 */

export interface BuildShard {
  /** From 0 to count - 1. */
  index: number;
  count: number;
}

/** `2/4` → { index: 2, count: 4 }; nothing → the whole build in one process; anything else is a mistake. */
export function parseBuildShard(value: string | undefined): BuildShard | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new Error(`HUB_BUILD_SHARD is “${value}”: it takes <index>/<count>, from 0/2 to 1/2 for two shards.`);
  return { index, count };
}

/**
 * The share of a route's paths a shard renders: every count-th, from the index-th, so that each shard
 * gets some of every kind of page and the shards finish together.
 */
export function shareOf<T>(paths: readonly T[], shard: BuildShard | undefined): T[] {
  if (!shard || shard.count === 1) return [...paths];
  return paths.filter((_, position) => position % shard.count === shard.index);
}

/**
 * How many shards a build of `records` records uses on a machine with `cores` cores. Each shard starts
 * Astro and loads the whole hub (a few seconds and a few hundred MB at 25,000 records), so a small site
 * is built in one; Pagefind indexes alongside, which is why one core is left to it on bigger machines.
 */
export function shardCount(records: number, cores: number, requested?: string): number {
  if (requested !== undefined && requested !== '') {
    const count = Number(requested);
    if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error(`HUB_BUILD_SHARDS is “${requested}”: it takes a whole number from 1 to 16.`);
    return count;
  }
  if (records < SHARDING_FROM_RECORDS) return 1;
  return Math.max(1, Math.min(MAX_SHARDS, cores <= 2 ? cores : cores - 1));
}

/** Below this many records one Astro process is as quick: starting another costs more than it saves. */
export const SHARDING_FROM_RECORDS = 5000;
const MAX_SHARDS = 4;
