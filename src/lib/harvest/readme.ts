/**
 * The first real paragraph of a repository's README, as plain text: what most READMEs say about the
 * software in a sentence or two, under the title and the badges. Pure, and bounded: only the start of
 * the file is read, and the paragraph is cut before any pattern runs over it, because a README is
 * whatever a stranger committed (an enormous line, a wall of HTML, no blank line anywhere).
 */
import { shorten, toPlainText } from '../import/text.ts';

/** The most of a README that is looked at: a first paragraph that starts later is not a first paragraph. */
export const README_SCAN_CHARS = 64 * 1024;
/** The most of one paragraph's source handed to the text helpers (so none of their patterns meets a huge input). */
const PARAGRAPH_SOURCE_CHARS = 4 * 1024;
/** Lines are cut to this before any pattern looks at them. */
const LINE_CHARS = 4 * 1024;
/** The longest paragraph kept, in characters of plain text. */
export const README_PARAGRAPH_MAX = 600;

/** A line that is only images, badges, links or HTML, with nothing to read between them. */
function decorationOnly(line: string): boolean {
  const rest = line
    // Badges: [![alt](image)](link), and images alone.
    // Every repeat is bounded, so that a line of thousands of unclosed brackets costs little.
    .replace(/\[!\[[^\]]{0,500}\]\([^)]{0,2000}\)\]\([^)]{0,2000}\)/g, ' ')
    .replace(/\[!\[[^\]]{0,500}\]\[[^\]]{0,500}\]\]\[[^\]]{0,500}\]/g, ' ')
    .replace(/!\[[^\]]{0,500}\]\([^)]{0,2000}\)/g, ' ')
    .replace(/!\[[^\]]{0,500}\]\[[^\]]{0,500}\]/g, ' ')
    // Links and autolinks: a line of them is a menu or a table of contents, not prose.
    .replace(/\[[^\]]{0,500}\]\([^)]{0,2000}\)/g, ' ')
    .replace(/\[[^\]]{0,500}\]\[[^\]]{0,500}\]/g, ' ')
    .replace(/<(?:https?|mailto):[^>\s]{0,2000}>/gi, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    // reStructuredText substitutions (|build-status|) and HTML tags and comments.
    .replace(/\|[^|\s][^|]{0,200}\|/g, ' ')
    .replace(/<!--.*?(?:-->|$)/g, ' ')
    .replace(/<\/?[a-z][^<>]{0,2000}>?/gi, ' ');
  return !/[\p{L}\p{N}]/u.test(rest.replace(/[|•·–—\-*_:,.]/g, ''));
}

/** Lines that are never prose and end a paragraph: headings, rules, lists, quotes, tables, directives. */
function structural(line: string): boolean {
  return (
    /^#{1,6}(?:\s|$)/.test(line) ||
    /^(?:[-*_=~^`+#]\s*){3,}$/.test(line) ||
    /^(?:[-*+]|\d{1,9}[.)])\s/.test(line) ||
    /^>/.test(line) ||
    /^\|.*\|$/.test(line) ||
    /^\.\.\s/.test(line) ||
    /^:[a-z-]+:/i.test(line) ||
    /^\[[^\]]+\]:\s*\S/.test(line)
  );
}

const FENCE = /^(`{3,}|~{3,})/;

/** A README's paragraphs (runs of lines between blank lines), without fenced code, front matter or HTML blocks. */
function paragraphs(markdown: string): string[][] {
  const lines = markdown.slice(0, README_SCAN_CHARS).replace(/\r\n?/g, '\n').split('\n');
  const found: string[][] = [];
  let current: string[] = [];
  let fence: string | undefined;
  let htmlBlock = false;
  let comment = false;
  const end = () => {
    if (current.length > 0) found.push(current);
    current = [];
  };
  lines.forEach((raw, index) => {
    const line = raw.slice(0, LINE_CHARS).trim();
    if (fence !== undefined) {
      if (line.startsWith(fence)) fence = undefined;
      return;
    }
    if (comment) {
      if (line.includes('-->')) comment = false;
      return;
    }
    const opensFence = FENCE.exec(line);
    if (opensFence) {
      end();
      fence = opensFence[1];
      return;
    }
    if (line === '') {
      end();
      htmlBlock = false;
      return;
    }
    if (htmlBlock) return;
    if (line.startsWith('<!--') && !line.includes('-->')) {
      end();
      comment = true;
      return;
    }
    // An HTML block (CommonMark's kind 6 and 7) runs to the next blank line: its words are layout, such
    // as a centred title, more often than prose.
    if (current.length === 0 && /^<\/?[a-z][a-z0-9-]*(?:[\s/>]|$)/i.test(line)) {
      htmlBlock = true;
      return;
    }
    // YAML front matter at the very top.
    if (index === 0 && line === '---') {
      fence = '---';
      return;
    }
    // A setext heading's underline makes the lines above it a heading; reStructuredText underlines
    // its one-line titles with other marks too.
    if (current.length > 0 && (/^(?:=+|-+)$/.test(line) || (current.length === 1 && /^([~^*#+`"'])\1{2,}$/.test(line)))) {
      current = [];
      return;
    }
    if (structural(line)) {
      end();
      return;
    }
    if (decorationOnly(line)) {
      // A badge line inside a paragraph is dropped; the prose around it stays.
      return;
    }
    current.push(line);
  });
  end();
  return found;
}

/** Whether plain text reads as prose: a sentence, or at least a handful of words. */
function isProse(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word));
  if (words.length < 2) return false;
  return /[.!?:;…)]["'”’]?$/.test(text) || words.length >= 5;
}

/**
 * The first paragraph of prose in a README (Markdown, reStructuredText or plain text): headings,
 * badges, images, HTML, link-only lines, lists, tables and code are passed over. Returns plain text on
 * one line, at most `max` characters (shortened at a sentence or word), or undefined when there is none.
 */
export function firstParagraph(readme: string, max = README_PARAGRAPH_MAX): string | undefined {
  for (const lines of paragraphs(readme)) {
    const source = lines.join('\n').slice(0, PARAGRAPH_SOURCE_CHARS);
    const text = toPlainText(source);
    if (isProse(text)) return shorten(text, max);
  }
  return undefined;
}
