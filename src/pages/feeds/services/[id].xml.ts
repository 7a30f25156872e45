/** /feeds/services/<lgsl-id>.xml: the newest records about one service, as Atom, for each service with records. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub } from '../../../hub/hub.ts';
import { atomResponse } from '../../../lib/feeds/atom.ts';
import { serviceFeed } from '../../../lib/feeds/hub-feeds.ts';
import { feedSettings } from '../_settings.ts';
import { inThisShard } from '../../../hub/build-shard.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return inThisShard(hub.servicesWithContent.map(({ service }) => ({ params: { id: String(service.id) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const hub = await loadHub();
  return atomResponse(serviceFeed(hub, feedSettings(hub, site), Number(params.id)));
};
