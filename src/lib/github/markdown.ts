/**
 * Safe Markdown for GitHub comments, issues and job summaries built from text we do not trust (a pull
 * request's titles, messages, file names and logins). Every untrusted string goes through one of these:
 *
 * - `text()`: plain words. Control, zero-width and bidirectional characters are removed, line breaks
 *   become spaces (so nothing can start a heading, list, table or code block), the length is capped,
 *   every ASCII punctuation mark is backslash-escaped (so no HTML, link, image, emphasis or table cell
 *   can be opened: `<img …>` shows as text), and the things GitHub turns into notifications or links
 *   after rendering (which escaping alone does not stop) are broken with an invisible space: `@name`
 *   mentions, `#12` and `owner/repo#12` references, and bare `https://…` and `www.` autolinks.
 * - `code()`: a code span, in which GitHub renders nothing (no mention, reference, link or HTML).
 * - `inline()`: a validator message, whose `backticked` parts become code spans and the rest text().
 *
 * Links and mentions are only ever made by the callers, from values they have checked themselves.
 */

/** Removed from untrusted text: C0 and C1 controls (but tab and newlines, which become spaces), zero-width and bidi characters, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g;
const LINE_BREAKS = /[\t\r\n]+/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** Inserted after `@` and `#` and inside `://` and `www.` so that GitHub finds no mention, reference or autolink. */
export const BREAK = '\u200B';

/** Untrusted text as one clean line of at most `max` characters (an ellipsis marks a cut). */
export function clean(value: unknown, max = 300): string {
  let line = String(value ?? '')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (line.length > max) line = `${[...line.slice(0, max)].slice(0, -1).join('').trimEnd()}…`;
  return line;
}

/** Untrusted text as inert Markdown: it reads as written and does nothing else. */
export function text(value: unknown, max = 300): string {
  return escape(clean(value, max));
}

/** Escapes a line that clean() has already made safe to escape. */
function escape(line: string): string {
  return line
    .replace(ASCII_PUNCTUATION, (mark) => `\\${mark}`)
    .replaceAll('\\@', `\\@${BREAK}`)
    .replaceAll('\\#', `\\#${BREAK}`)
    .replaceAll('\\:\\/\\/', `\\:${BREAK}\\/\\/`)
    .replace(/\b(www)\\\./gi, `$1${BREAK}\\.`);
}

/** Untrusted text as a code span: shown exactly (after clean()), never interpreted. */
export function code(value: unknown, max = 300): string {
  return codeSpan(clean(value, max));
}

function codeSpan(line: string): string {
  if (line.trim() === '') return '';
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || line.startsWith(' ') || line.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * A validator message (which marks field names and values with backticks) as inert Markdown: the
 * backticked parts as code spans, the rest as text().
 */
export function inline(value: unknown, max = 1000): string {
  const line = clean(value, max);
  const parts: string[] = [];
  let last = 0;
  for (const match of line.matchAll(/`([^`]+)`/g)) {
    if (match.index > last) parts.push(escape(line.slice(last, match.index)));
    parts.push(codeSpan(match[1]));
    last = match.index + match[0].length;
  }
  if (last < line.length) parts.push(escape(line.slice(last)));
  return parts.join('');
}

/** A table cell: like inline(), with nothing that could end the cell (pipes are escaped by text() and code() keeps none raw). */
export function cell(value: unknown, max = 1000): string {
  return inline(value, max).replace(/(?<!\\)\|/g, '\\|') || '–';
}

/** A Markdown link whose address the caller built and checked; the words are untrusted text. */
export function link(words: unknown, href: string, max = 300): string {
  if (!/^https?:\/\/[^\s()<>]+$/.test(href)) return text(words, max);
  return `[${text(words, max)}](${href})`;
}

/** Joins lines, stopping before `limit` characters; returns how many items were left out. */
export function takeWithin(lines: readonly string[], limit: number): { kept: string[]; left: number } {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > limit) break;
    kept.push(line);
    size += line.length + 1;
  }
  return { kept, left: lines.length - kept.length };
}
