/** What every feed endpoint passes to src/lib/feeds/hub-feeds.ts: the site's address, base path, one build time and the repository. */
import type { Hub } from '../../hub/hub.ts';
import type { FeedSettings } from '../../lib/feeds/hub-feeds.ts';

// One time for the whole build, so that every empty feed says the same and the feed index is made once.
const now = new Date();

export function feedSettings(hub: Hub, site: URL | undefined): FeedSettings {
  return { site: site ?? 'http://localhost:4321', base: import.meta.env.BASE_URL, now, repository: hub.config.repository };
}
