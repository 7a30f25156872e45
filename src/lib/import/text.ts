/**
 * Text from other systems made fit for a record: Markdown and HTML turned into plain sentences for a
 * summary, invisible characters removed, and long text shortened where a reader would cut it.
 */

// Control, zero-width and direction-changing characters, which the schemas refuse (schemas/fields.ts).
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Removes characters that hide or reorder text, and turns CRLF and lone CR into LF. */
export function removeInvisible(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** Text on one line: invisible characters removed, every run of spaces and line breaks made one space. */
export function oneLine(text: string): string {
  return removeInvisible(text)
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  pound: '£',
  euro: '€',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/** Markdown's inline marks: link addresses, images, code and emphasis go; the words stay. */
function inlinePlain(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/`+([^`]+)`+/g, '$1')
    .replace(/(^|[\s(])(\*{1,3}|_{1,3})(?=\S)([^*_\n]*?\S)\2(?=[\s).,;:!?]|$)/g, '$1$3');
}

/**
 * Markdown or HTML (as CKAN notes and DCAT descriptions hold) as plain text on one line, for a summary,
 * which the hub shows as plain text. Tags, link addresses and emphasis go; headings go (they repeat the
 * title more often than not); paragraphs and list items become sentences, so they do not run together.
 */
export function toPlainText(text: string): string {
  const html = removeInvisible(text)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<h[1-6]\b[^>]*>[\s\S]*?<\/h[1-6]\s*>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(?:p|div|li|tr|ul|ol|table|blockquote)\s*>/gi, '\n\n')
    .replace(HTML_TAG, ' ');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const raw of decodeEntities(html).split('\n')) {
    const line = raw.trim();
    if (line === '' || /^\s{0,3}(?:[-*_]\s*){3,}$/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line)) {
      endParagraph();
    } else if (/^#{1,6}\s/.test(line)) {
      endParagraph();
    } else if (/^(?:[-*+]|\d+[.)])\s+/.test(line)) {
      endParagraph();
      paragraph.push(line.replace(/^(?:[-*+]|\d+[.)])\s+/, ''));
    } else {
      paragraph.push(line.replace(/^>\s?/, ''));
    }
  }
  endParagraph();
  return blocks
    .map((block) => oneLine(inlinePlain(block)))
    .filter(Boolean)
    .map((block, index, all) => (index < all.length - 1 && !/[.!?:;,…]["'”’)]?$/.test(block) ? `${block}.` : block))
    .join(' ');
}

/**
 * Shortens text to at most `max` characters. It ends at the last full sentence when that keeps at least
 * half of what fits; otherwise at the last space, with an ellipsis. Returns the text unchanged if it fits.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const sentenceEnd = Math.max(...['. ', '! ', '? '].map((end) => room.lastIndexOf(end)));
  if (sentenceEnd >= max / 2) return room.slice(0, sentenceEnd + 1);
  const space = room.lastIndexOf(' ');
  const cut = space >= max / 3 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Quotes a value from the source for a message, briefly. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `"${short.replace(/\s+/g, ' ')}"`;
}
