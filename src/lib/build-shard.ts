/**
 * Building the site in several Astro processes at once, each rendering a share of the pages.
 *
 * Astro renders pages one after another in one process. With HUB_BUILD_SHARDS=N, `npm run build`
 * (scripts/build.ts) starts N Astro processes, each with HUB_BUILD_SHARD set to `<index>/<count>`, and
 * every route with parameters keeps only its share of the paths (src/hub/build-shard.ts). Pages without parameters are
 * few (about 7 s of 140 at 50,000 records), so every shard makes them and the first shard's copy is kept.
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
  if (!match || count < 1 || index >= count)
    throw new Error(`HUB_BUILD_SHARD is “${value}”: it takes <index>/<count>, from 0/2 to 1/2 for two shards.`);
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
 * How many shards a build uses: HUB_BUILD_SHARDS, or one. Measured on a 2-core machine at 25,000 records,
 * two shards took 112 s where one took 89 s: one Astro process with Pagefind beside it already keeps both
 * cores busy (its garbage collector and file writes run on threads of their own), and each shard starts
 * Astro, loads the whole hub and renders the pages without parameters again. Machines with more cores
 * may gain; measure with `npm run bench -- --build` before setting it.
 */
export function shardCount(requested: string | undefined): number {
  if (requested === undefined || requested === '') return 1;
  const count = Number(requested);
  if (!Number.isInteger(count) || count < 1 || count > 16)
    throw new Error(`HUB_BUILD_SHARDS is “${requested}”: it takes a whole number from 1 to 16.`);
  return count;
}
