/**
 * Just enough XML writing for the Atom feeds (and the sitemap's text): text and attribute values escaped,
 * and the characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE and U+FFFF)
 * removed, since no escape can carry them and one of them would make a feed reader reject the whole feed.
 */

/**
 * Everything outside XML 1.0's Char production (tab, line feed, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD, U+10000–U+10FFFF). With the u flag a lone surrogate is one code point, so it matches.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Removes the characters XML 1.0 does not allow. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as XML character data or a double-quoted attribute value (every attribute here is double-quoted,
 * so ' needs no escape). These four escapes mean the same in HTML, so the summary paragraph in an
 * entry's HTML content uses it too.
 */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"]/g, (character) => TEXT_ESCAPES[character]);
}

/**
 * An attribute value: as escapeXml, and tab, line feed and carriage return as character references, which
 * attribute-value normalisation would otherwise turn into spaces.
 */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n\r]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** An element with attributes (undefined ones left out) and escaped text, or empty when the text is undefined. */
export function element(name: string, text: string | undefined, attributes: Record<string, string | undefined> = {}): string {
  if (text === undefined) return '';
  return `<${name}${attributeList(attributes)}>${escapeXml(text)}</${name}>`;
}

/** An empty element with attributes: <link rel="self" href="…"/>. */
export function emptyElement(name: string, attributes: Record<string, string | undefined>): string {
  return `<${name}${attributeList(attributes)}/>`;
}

function attributeList(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}
