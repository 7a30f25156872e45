/** /feeds/all.xml: the newest records from everyone, as Atom. */
import type { APIRoute } from 'astro';
import { loadHub } from '../../hub/hub.ts';
import { atomResponse } from '../../lib/feeds/atom.ts';
import { allFeed } from '../../lib/feeds/hub-feeds.ts';
import { feedSettings } from './_settings.ts';

export const GET: APIRoute = async ({ site }) => {
  const hub = await loadHub();
  return atomResponse(allFeed(hub, feedSettings(hub, site)));
};
