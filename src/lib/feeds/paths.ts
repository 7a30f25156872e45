/**
 * Where each feed is, as a path under the site's base (withBase turns it into a link), and its title.
 * The endpoints in src/pages/feeds/ serve them (src/lib/feeds/hub-feeds.ts); pages name the same feed in
 * their <head> (Base's feed prop) and in their "Follow" link (FeedLink), from here, so the three agree.
 */

/** A feed as a page names it: its title and its path under the base. */
export interface PageFeed {
  title: string;
  path: string;
}

export const feedPaths = {
  /** The newest records from everyone. */
  all: 'feeds/all.xml',
  collection: (name: string) => `feeds/${name}.xml`,
  organisation: (id: string) => `feeds/organisations/${id}.xml`,
  service: (id: number | string) => `feeds/services/${id}.xml`,
  theme: (id: string) => `feeds/themes/${id}.xml`,
  /** The HTML page that explains the feeds. */
  about: 'feeds/',
} as const;

/** Each feed's title and path, titled with the hub's name (hub.config.yaml). src/hub/hub.ts keeps them as `feeds`. */
export function pageFeedsOf(hubName: string) {
  return {
    /** The feed of everything: what a page without a feed of its own offers. */
    all: { title: `${hubName}: everything`, path: feedPaths.all } as PageFeed,
    /** label: the collection's label, e.g. Roadmap. */
    collection: (name: string, label: string): PageFeed => ({ title: `${hubName}: ${label}`, path: feedPaths.collection(name) }),
    organisation: (id: string, name: string, demonstration: boolean): PageFeed => ({
      title: `${hubName}: ${name}${demonstration ? ' (demonstration)' : ''}`,
      path: feedPaths.organisation(id),
    }),
    service: (id: number | string, label: string): PageFeed => ({ title: `${hubName}: ${label}`, path: feedPaths.service(id) }),
    theme: (id: string, label: string): PageFeed => ({ title: `${hubName}: ${label}`, path: feedPaths.theme(id) }),
  } as const;
}

export type PageFeeds = ReturnType<typeof pageFeedsOf>;
