/**
 * The warnings about broken HTML structure in a Markdown body (html-structure.ts finds the problems),
 * in words for the person who pasted it: which tag, on which line of the file, and how to fix it. They are
 * warnings: the build repairs the structure (src/lib/repair-html-structure.ts), so publishing goes on,
 * but the page may not say what the author meant until the HTML is put right.
 */
import { htmlStructureProblems, type HtmlStructureProblem } from './html-structure.ts';
import type { Finding } from './record-checks.ts';

/** A file with more problems than this gets these, the last saying how many more there are. */
export const MAX_HTML_WARNINGS = 5;

const LISTS = new Set(['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'menu', 'dir']);
const TABLES = new Set(['table', 'caption', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/** What to write instead of the element, in Markdown. */
function markdownInstead(tag: string): string {
  if (LISTS.has(tag)) return 'or write the list in Markdown (a line starting “- ” for each item)';
  if (TABLES.has(tag)) return 'or write the table in Markdown (rows of cells between “|” signs)';
  if (/^h[1-6]$/.test(tag)) return 'or write the heading in Markdown (a line starting “## ”)';
  if (tag === 'b' || tag === 'strong') return 'or write the bold text in Markdown (**like this**)';
  if (tag === 'i' || tag === 'em') return 'or write the text in Markdown (_like this_)';
  if (tag === 'a') return 'or write the link in Markdown ([the words](https://…))';
  if (tag === 'blockquote') return 'or write the quotation in Markdown (lines starting “> ”)';
  if (tag === 'pre' || tag === 'code') return 'or put the code between two lines of three backticks (```)';
  return `or remove the \`<${tag}>\` and its end tag: plain Markdown needs neither`;
}

/** The element as it is named in messages: the table, the list, or its tag. */
function what(tag: string): string {
  if (tag === 'table') return 'the table';
  if (tag === 'ul' || tag === 'ol' || tag === 'dl') return 'the list';
  return `the \`<${tag}>\``;
}

function finding(problem: HtmlStructureProblem, line: number, byLine: number): Finding {
  const { tag } = problem;
  const base = { severity: 'warning' as const, path: [], found: problem.kind === 'stray-end' ? `</${tag}>` : `<${tag}>` };
  switch (problem.kind) {
    case 'unclosed':
      return {
        ...base,
        rule: 'content/broken-html',
        message:
          `the \`<${tag}>\` opened on line ${line} is never closed, so the text after it ` +
          `${TABLES.has(tag) || LISTS.has(tag) ? `is shown as part of ${what(tag)}` : 'may be shown inside it'}.`,
        fix: `close the \`<${tag}>\` opened on line ${line} with \`</${tag}>\` where it should end, ${markdownInstead(tag)}`,
      };
    case 'closed-early': {
      const by = problem.by!;
      const byTag = by.end ? `</${by.tag}>` : `<${by.tag}>`;
      return {
        ...base,
        rule: 'content/broken-html',
        message: `the \`<${tag}>\` opened on line ${line} is not closed before the \`${byTag}\` on line ${byLine}, so the tags overlap.`,
        fix: `add \`</${tag}>\` before that \`${byTag}\`, ${markdownInstead(tag)}`,
      };
    }
    case 'stray-end':
      return {
        ...base,
        rule: 'content/broken-html',
        message: `the \`</${tag}>\` on line ${line} has no \`<${tag}>\` open to close.`,
        fix: `remove the \`</${tag}>\`, or add the \`<${tag}>\` it should close, ${markdownInstead(tag)}`,
      };
    case 'outside-list': {
      const list = tag === 'li' ? '`<ul>` or `<ol>`' : '`<dl>`';
      return {
        ...base,
        rule: 'content/broken-html',
        message: `the \`<${tag}>\` on line ${line} is not inside a list (${list}), so it is not read out as part of one.`,
        fix: `put the items between ${tag === 'li' ? '`<ul>` and `</ul>`' : '`<dl>` and `</dl>`'}, ${markdownInstead(tag)}`,
      };
    }
    case 'layout-table':
      return {
        ...base,
        rule: 'content/layout-table',
        message:
          `the table opened on line ${line} ` +
          (problem.reason === 'presentation'
            ? 'is marked as being only for layout (role="presentation"), but the hub removes that mark, ' +
              'so screen readers read it as a table of data.'
            : problem.reason === 'nested'
              ? 'holds another table, a layout that screen readers read out cell by cell with no sense of what belongs together.'
              : 'has no header cells (`<th>`), so it reads as a layout table: screen readers cannot say what each column holds.'),
        fix:
          'if it holds data, write it as a Markdown table, whose first row becomes the headers; ' +
          'if it only lays text out, write the text as headings and paragraphs instead',
      };
  }
}

/**
 * The warnings about a body's HTML, each with its offset in the body. `firstLineOf` gives the line of the
 * file on which the body starts, for the line numbers in the messages; it is asked only when there are any.
 */
export function htmlStructureWarnings(body: string, firstLineOf: () => number = () => 1): { offset: number; finding: Finding }[] {
  const problems = htmlStructureProblems(body);
  if (problems.length === 0) return [];
  const firstLine = firstLineOf();
  const shown = problems.slice(0, MAX_HTML_WARNINGS).map((problem) => ({
    offset: problem.offset,
    finding: finding(problem, firstLine + problem.line - 1, firstLine + (problem.by?.line ?? problem.line) - 1),
  }));
  const more = problems.length - shown.length;
  if (more > 0) {
    const last = shown.at(-1)!.finding;
    last.message += ` The HTML has ${more} more problem${more === 1 ? '' : 's'} after this one: fix these first, then check again.`;
  }
  return shown;
}
