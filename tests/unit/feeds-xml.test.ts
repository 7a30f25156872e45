/**
 * src/lib/feeds/xml.ts and atom.ts: escaping (markup, ampersands, quotes), characters XML 1.0 does not
 * allow (stripped), and Atom documents that are well-formed and have the elements RFC 4287 requires,
 * checked with fast-xml-parser's validator and parser rather than by string matching alone.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, atomResponse, ATOM_CONTENT_TYPE, type AtomEntry, type AtomFeedData } from '../../src/lib/feeds/atom.ts';
import { element, emptyElement, escapeAttribute, escapeXml, stripInvalidXmlChars } from '../../src/lib/feeds/xml.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
  parseTagValue: false,
  trimValues: false,
});

/** The feed element, parsed, after checking the document is well-formed. */
function parseFeed(xml: string) {
  const valid = XMLValidator.validate(xml);
  expect(valid, typeof valid === 'object' ? JSON.stringify(valid.err) : '').toBe(true);
  return parser.parse(xml).feed;
}

/** Whether every character of a text is one XML 1.0 allows (its Char production), checked code point by code point. */
function onlyXmlChars(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return false;
  }
  return true;
}

const textOf = (value: unknown): string =>
  typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)['#text'] ?? '') : String(value ?? '');

function sampleEntry(overrides: Partial<AtomEntry> = {}): AtomEntry {
  return {
    id: 'tag:council-commons.github.io,2026:roadmap/fenmoor/garden-waste-online',
    title: 'Garden waste online',
    link: 'https://hub.example/roadmap/fenmoor/garden-waste-online/',
    updated: '2026-11-27T00:48:49+00:00',
    author: { name: 'Fenmoor', uri: 'https://hub.example/organisations/fenmoor/' },
    categories: [{ term: 'Roadmap item', scheme: 'tag:council-commons.github.io,2026:collection' }],
    summary: 'Subscribing online.',
    content: { html: '<p>Subscribing online.</p>', base: 'https://hub.example/roadmap/fenmoor/garden-waste-online/' },
    ...overrides,
  };
}

function sampleFeed(entries: AtomEntry[], overrides: Partial<AtomFeedData> = {}): AtomFeedData {
  return {
    id: 'https://hub.example/feeds/all.xml',
    title: 'Council Commons: everything',
    subtitle: 'Everything.',
    updated: entries[0]?.updated ?? '2026-11-27T12:00:00Z',
    alternate: 'https://hub.example/',
    author: { name: 'Council Commons', uri: 'https://hub.example/' },
    language: 'en-GB',
    rights:
      'Open Government Licence v3.0 unless an entry says otherwise: ' +
      'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    generator: { name: 'Council Commons', uri: 'https://github.com/council-commons/council-commons' },
    entries,
    ...overrides,
  };
}

describe('escapeXml', () => {
  it('escapes markup, ampersands and double quotes (attributes are always double-quoted)', () => {
    expect(escapeXml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeXml('Fish & chips')).toBe('Fish &amp; chips');
    expect(escapeXml("Fenmoor's")).toBe("Fenmoor's");
    expect(escapeXml('&amp; stays escaped once more')).toBe('&amp;amp; stays escaped once more');
    expect(escapeXml(']]>')).toBe(']]&gt;');
  });

  it(
    'strips the characters XML 1.0 does not allow: C0 controls but tab, ' +
      'line feed and carriage return, lone surrogates, U+FFFE and U+FFFF',
    () => {
      const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');
      expect(stripInvalidXmlChars(controls)).toBe('\t\n\r');
      expect(stripInvalidXmlChars('a\u0000b\u0008c\u000bd\u000ce\u001ff')).toBe('abcdef');
      expect(stripInvalidXmlChars('x\ufffey\uffffz')).toBe('xyz');
      expect(stripInvalidXmlChars('lone \ud800 high and \udc00 low')).toBe('lone  high and  low');
      expect(escapeXml('<\u0000>')).toBe('&lt;&gt;');
      expect(onlyXmlChars('a\u0000')).toBe(false);
      expect(onlyXmlChars('a\ud800')).toBe(false);
      expect(onlyXmlChars('a\ufffe')).toBe(false);
      expect(onlyXmlChars('a 🚲\t\n')).toBe(true);
    },
  );

  it('keeps every character XML allows: Welsh letters, astral characters, private use, U+FFFD', () => {
    const text = 'Cyngor Sir Ynys Môn – ŵ ŷ ✓ 🚲 \ue000 \ufffd \u007f';
    expect(stripInvalidXmlChars(text)).toBe(text);
  });

  it('writes tab, line feed and carriage return in attributes as character references, so they survive', () => {
    expect(escapeAttribute('a\tb\nc\rd "e"')).toBe('a&#9;b&#10;c&#13;d &quot;e&quot;');
  });

  it('builds elements with escaped attributes and text, leaving out undefined ones', () => {
    expect(element('title', '<b>', { type: 'text', lang: undefined })).toBe('<title type="text">&lt;b&gt;</title>');
    expect(element('published', undefined)).toBe('');
    expect(emptyElement('link', { rel: 'self', href: 'https://a.example/?x=1&y="2"' })).toBe(
      '<link rel="self" href="https://a.example/?x=1&amp;y=&quot;2&quot;"/>',
    );
  });

  it('round-trips any string through a feed: well-formed, and parsed back to the string less the characters XML forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (anything, words) => {
        const title = `${anything}${words}`;
        const xml = atomFeed(sampleFeed([sampleEntry({ title, summary: title, content: { html: title } })], { title }));
        expect(XMLValidator.validate(xml)).toBe(true);
        // fast-xml-parser's validator does not check characters, so this does.
        expect(onlyXmlChars(xml)).toBe(true);
        const feed = parser.parse(xml).feed;
        // The parser reads a carriage return as XML does (a line end), and trims nothing (trimValues: false).
        const expected = stripInvalidXmlChars(title).replace(/\r\n?/g, '\n');
        expect(textOf(feed.title)).toBe(expected);
        expect(textOf(feed.entry[0].title)).toBe(expected);
        expect(textOf(feed.entry[0].content)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('atomFeed', () => {
  it('writes a well-formed Atom 1.0 document with the feed elements RFC 4287 requires, and each entry’s', () => {
    const xml = atomFeed(
      sampleFeed([
        sampleEntry(),
        sampleEntry({
          id: 'tag:x,2026:b',
          title: 'B',
          updated: '2026-11-26T10:00:00Z',
          published: '2026-03-14T00:00:00Z',
          rights: 'MIT License: https://opensource.org/license/mit/',
        }),
      ]),
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    const feed = parseFeed(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(textOf(feed.id)).toBe('https://hub.example/feeds/all.xml');
    expect(textOf(feed.title)).toBe('Council Commons: everything');
    expect(textOf(feed.updated)).toBe('2026-11-27T00:48:49+00:00');
    expect(textOf(feed.author.name)).toBe('Council Commons');
    expect(textOf(feed.rights)).toMatch(/^Open Government Licence v3\.0 unless an entry says otherwise: https:\/\//);
    expect(textOf(feed.generator)).toBe('Council Commons');
    expect(feed.link.map((link: Record<string, string>) => [link['@_rel'], link['@_href']])).toEqual([
      ['self', 'https://hub.example/feeds/all.xml'],
      ['alternate', 'https://hub.example/'],
    ]);
    expect(feed.entry).toHaveLength(2);
    for (const entry of feed.entry) {
      expect(textOf(entry.id)).not.toBe('');
      expect(textOf(entry.title)).not.toBe('');
      expect(textOf(entry.updated)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      expect(entry.link[0]['@_rel']).toBe('alternate');
      expect(textOf(entry.author.name)).toBe('Fenmoor');
    }
    expect(textOf(feed.entry[1].published)).toBe('2026-03-14T00:00:00Z');
    expect(feed.entry[0].published).toBeUndefined();
    expect(textOf(feed.entry[1].rights)).toBe('MIT License: https://opensource.org/license/mit/');
    expect(feed.entry[0].rights).toBeUndefined();
    expect(feed.entry[0].content['@_type']).toBe('html');
    expect(feed.entry[0].content['@_xml:base']).toBe('https://hub.example/roadmap/fenmoor/garden-waste-online/');
  });

  it('writes an empty feed that is still valid Atom: id, title, updated, author and links, no entries', () => {
    const feed = parseFeed(atomFeed(sampleFeed([], { updated: '2026-11-27T12:00:00Z' })));
    expect(textOf(feed.updated)).toBe('2026-11-27T12:00:00Z');
    expect(textOf(feed.author.name)).toBe('Council Commons');
    expect(feed.entry).toBeUndefined();
  });

  it('carries HTML content as escaped text that parses back to the same HTML, and never as markup in the feed', () => {
    const html = '<p>Bins &amp; boxes</p>\n<h2 id="a">“Next”</h2><img src="x.png" alt="">';
    const xml = atomFeed(sampleFeed([sampleEntry({ content: { html } })]));
    expect(xml).not.toContain('<p>');
    expect(textOf(parseFeed(xml).entry[0].content)).toBe(html);
  });

  it('keeps a hostile title from breaking out of its element', () => {
    const title = '</title><script>alert(1)</script><title>';
    const xml = atomFeed(sampleFeed([sampleEntry({ title })]));
    expect(xml).not.toContain('<script>');
    expect(textOf(parseFeed(xml).entry[0].title)).toBe(title);
  });

  it('answers with the Atom media type', async () => {
    const response = atomResponse(sampleFeed([]));
    expect(ATOM_CONTENT_TYPE).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(await response.text())).toBe(true);
  });
});
