/** /feeds/themes/<id>.xml: the newest records under one theme, as Atom, for each theme with records. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub } from '../../../hub/hub.ts';
import { atomResponse } from '../../../lib/feeds/atom.ts';
import { themeFeed } from '../../../lib/feeds/hub-feeds.ts';
import { feedSettings } from '../_settings.ts';
import { inThisShard } from '../../../hub/build-shard.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return inThisShard(hub.themesWithContent.map(({ theme }) => ({ params: { id: theme.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const hub = await loadHub();
  return atomResponse(themeFeed(hub, feedSettings(hub, site), params.id!));
};
