/**
 * Atom 1.0 (RFC 4287) documents from plain data. Every value is escaped here (src/lib/feeds/xml.ts), so
 * callers pass text as it is, HTML content included: an html content element carries its markup as
 * escaped text, which is how RFC 4287 section 3.1.1.2 wants it.
 */
import { element, emptyElement, escapeXml } from './xml.ts';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** The media type the feeds are served with. */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export interface AtomPerson {
  name: string;
  uri?: string | undefined;
}

export interface AtomCategory {
  /** What readers show and filter on. */
  term: string;
  /** An IRI naming the vocabulary the term comes from. */
  scheme?: string | undefined;
  label?: string | undefined;
}

export interface AtomEntry {
  /** A permanent IRI that never changes for this entry. */
  id: string;
  title: string;
  /** The entry's HTML page (rel="alternate"). */
  link: string;
  /** RFC 3339. */
  updated: string;
  /** RFC 3339, when known. */
  published?: string | undefined;
  author: AtomPerson;
  categories: AtomCategory[];
  /** Plain text. */
  summary: string;
  /** HTML, already sanitised; `base` (xml:base) resolves relative links in it. */
  content?: { html: string; base?: string | undefined } | undefined;
  /** Plain text, when the entry's licence is not the feed's. */
  rights?: string | undefined;
}

export interface AtomFeedData {
  /** The feed's own absolute address, which is also its id. */
  id: string;
  title: string;
  subtitle?: string | undefined;
  /** RFC 3339: the newest entry's updated, or the build time for a feed with no entries. */
  updated: string;
  /** The HTML page the feed follows (rel="alternate"). */
  alternate: string;
  author: AtomPerson;
  /** The language of the feed's text: the hub's main language (hub.config.yaml), en-GB. */
  language: string;
  /** Plain text. */
  rights?: string | undefined;
  generator?: { name: string; uri?: string | undefined } | undefined;
  /** A small image for the feed (the site's favicon). */
  icon?: string | undefined;
  entries: AtomEntry[];
}

function person(kind: 'author', value: AtomPerson): string {
  return `<${kind}>${element('name', value.name)}${element('uri', value.uri)}</${kind}>`;
}

// An entry appears in several feeds (its organisation's, its collection's, everything, its services' and
// themes'): it is written once.
const written = new WeakMap<AtomEntry, string>();

function entryXml(entry: AtomEntry): string {
  const cached = written.get(entry);
  if (cached !== undefined) return cached;
  const xml = [
    '<entry>',
    element('id', entry.id),
    element('title', entry.title, { type: 'text' }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: entry.link }),
    element('published', entry.published),
    element('updated', entry.updated),
    person('author', entry.author),
    ...entry.categories.map((category) =>
      emptyElement('category', { term: category.term, scheme: category.scheme, label: category.label }),
    ),
    element('summary', entry.summary, { type: 'text' }),
    entry.content ? element('content', entry.content.html, { type: 'html', 'xml:base': entry.content.base }) : '',
    element('rights', entry.rights, { type: 'text' }),
    '</entry>',
  ].join('');
  written.set(entry, xml);
  return xml;
}

/** The feed as an Atom 1.0 document, entries in the order given, one line per entry. */
export function atomFeed(feed: AtomFeedData): string {
  const head = [
    element('id', feed.id),
    element('title', feed.title, { type: 'text' }),
    element('subtitle', feed.subtitle, { type: 'text' }),
    element('updated', feed.updated),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.id }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: feed.alternate }),
    person('author', feed.author),
    element('rights', feed.rights, { type: 'text' }),
    feed.generator ? element('generator', feed.generator.name, { uri: feed.generator.uri }) : '',
    element('icon', feed.icon),
  ].filter(Boolean);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NAMESPACE}" xml:lang="${escapeXml(feed.language)}">`,
    ...head,
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}

/** The feed as an HTTP response (what a static endpoint returns; the file keeps the body). */
export function atomResponse(feed: AtomFeedData): Response {
  return new Response(atomFeed(feed), { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
}
