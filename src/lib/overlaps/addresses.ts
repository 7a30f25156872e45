/**
 * Web addresses as the overlap engine compares them: one key per thing, whatever way it is written.
 * "https://www.GitHub.com/Glanmor/connected-together.git", ".../connected-together/tree/main/src" and
 * "http://github.com/glanmor/connected-together/" are all "github.com/glanmor/connected-together", so that a
 * fork's "forked from" link meets its upstream's repository_url.
 */

/** Code hosts whose addresses name a repository in their first two path segments (owner/name). */
const CODE_HOSTS: ReadonlySet<string> = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org']);

/** An address's key: host and path in lower case, without scheme, www., query, fragment, .git or trailing slash. */
export function addressKey(url: string): string | undefined {
  const match = /^(?:https?:)?\/\/(?:www\.)?([^/?#\s]+)([^?#\s]*)/i.exec(url.trim());
  if (!match) return undefined;
  const host = match[1].toLowerCase().replace(/:443$|:80$/, '');
  let segments = match[2]
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '');
  if (CODE_HOSTS.has(host)) segments = segments.slice(0, 2);
  if (segments.length > 0) segments[segments.length - 1] = segments[segments.length - 1].replace(/\.git$/, '');
  // A host alone ("https://example.gov.uk/") names a whole website, not one thing: never a key.
  if (segments.length === 0) return undefined;
  return [host, ...segments].join('/');
}

/** The web addresses written in Markdown text: links, autolinks and bare addresses. */
export function addressesIn(text: string | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(/https?:\/\/[^\s<>()[\]"'`]+/gi)].map((match) => match[0].replace(/[.,;:!?]+$/, ''));
}

/** The keys of a list of addresses, each once, in first-seen order; addresses that are no key are dropped. */
export function addressKeys(urls: Iterable<string | undefined>): string[] {
  const keys = new Set<string>();
  for (const url of urls) {
    const key = url === undefined ? undefined : addressKey(url);
    if (key !== undefined) keys.add(key);
  }
  return [...keys];
}
