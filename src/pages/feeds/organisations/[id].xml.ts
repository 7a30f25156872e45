/** /feeds/organisations/<id>.xml: every record of one organisation, as Atom; empty (and valid) for one that has shared nothing yet. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub } from '../../../hub/hub.ts';
import { atomResponse } from '../../../lib/feeds/atom.ts';
import { organisationFeed } from '../../../lib/feeds/hub-feeds.ts';
import { feedSettings } from '../_settings.ts';
import { inThisShard } from '../../../hub/build-shard.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return inThisShard([...hub.organisations.keys()].map((id) => ({ params: { id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const hub = await loadHub();
  return atomResponse(organisationFeed(hub, feedSettings(hub, site), params.id!));
};
