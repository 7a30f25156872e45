/** /api/v1/<collection>.csv for organisations, roadmap, principles, lessons, datasets and components: see src/lib/open-data/csv.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataContext, openRecords } from '../../../hub/api-context.ts';
import { loadHub } from '../../../hub/hub.ts';
import { OPEN_COLLECTION_NAMES } from '../../../lib/open-data/context.ts';
import { collectionCsv } from '../../../lib/open-data/csv.ts';
import { inThisShard } from '../../../hub/build-shard.ts';

export const getStaticPaths = (() =>
  inThisShard(OPEN_COLLECTION_NAMES.map((collection) => ({ params: { collection } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const hub = await loadHub();
  const { collection, records } = openRecords(hub, params.collection!);
  const csv = collectionCsv(collection, records, openDataContext(hub, site, import.meta.env.BASE_URL));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
