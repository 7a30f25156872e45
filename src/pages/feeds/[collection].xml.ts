/** /feeds/<collection>.xml: the newest records of one collection, as Atom. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { RECORD_COLLECTIONS, type RecordCollectionName } from '../../../schemas/collections.ts';
import { loadHub } from '../../hub/hub.ts';
import { atomResponse } from '../../lib/feeds/atom.ts';
import { collectionFeed } from '../../lib/feeds/hub-feeds.ts';
import { feedSettings } from './_settings.ts';
import { inThisShard } from '../../hub/build-shard.ts';

export const getStaticPaths = (() =>
  inThisShard(RECORD_COLLECTIONS.map(({ name }) => ({ params: { collection: name } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const hub = await loadHub();
  return atomResponse(collectionFeed(hub, feedSettings(hub, site), params.collection as RecordCollectionName));
};
