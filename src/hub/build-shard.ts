/**
 * This Astro process's share of each route's pages (src/lib/build-shard.ts): all of them unless
 * scripts/build.ts started it as one of several shards.
 */
import { parseBuildShard, shareOf } from '../lib/build-shard.ts';

const shard = parseBuildShard(process.env.HUB_BUILD_SHARD);

/** The paths of a route with parameters that this process renders. */
export function inThisShard<T>(paths: readonly T[]): T[] {
  return shareOf(paths, shard);
}
