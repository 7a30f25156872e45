/**
 * Paths of pages, under the site's base path (/ for npm start, /<repository>/ on a GitHub Pages project
 * site). Every internal link goes through here so that a base path never breaks one.
 */

/** Joins the base and a path inside the site: withBase('/council-commons/', 'roadmap/') → /council-commons/roadmap/. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}
