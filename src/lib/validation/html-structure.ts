/**
 * Finds raw HTML in a Markdown body whose structure is broken: lists, tables, blocks and text styles
 * left unclosed, closed in the wrong order or closed twice, and tables used for layout. Contributors
 * paste HTML from Word and from old websites; a browser quietly repairs it, but not always as the author
 * meant (an unclosed `<ul>` swallows the paragraphs after it), so the author is told.
 *
 * One pass over the tags with a stack of open elements, not a full HTML parser: it must run in time
 * proportional to the body, as every check on a body does (tests/hostile). Tags in code are skipped
 * (markdown-code.ts). It follows the HTML standard where ordinary HTML relies on it, so that correct
 * HTML gives no warning:
 *   - elements whose end tag may be left out (li, dt, dd, p, td, th, tr, thead, tbody, tfoot, caption,
 *     colgroup, option, optgroup, rt, rp) close quietly when the next one starts or their parent ends;
 *   - void elements (br, img, hr…) have no end tag;
 *   - script, style, textarea and the like hold text, not tags, and svg and math are not looked into;
 *   - elements it does not know (Word's `<o:p>`, say) are let be.
 * Every other element it knows needs its end tag, in the right order, and list items need a list.
 *
 * A table is a layout table when it has cells but no header cell (`<th>`), holds another table, or says
 * role="presentation" or role="none".
 */
import { codeRanges } from './markdown-code.ts';

export interface HtmlStructureProblem {
  /**
   * unclosed: still open at the end of the body; closed-early: ended by another tag first (`by`);
   * stray-end: an end tag with nothing to close; outside-list: a list item (li, dt or dd) with no list
   * open, reported once for items in a row; layout-table: see above (`reason`).
   */
  kind: 'unclosed' | 'closed-early' | 'stray-end' | 'outside-list' | 'layout-table';
  /** The element, in lower case, e.g. ul. */
  tag: string;
  /** Where its opening tag is in the body (its end tag, for a stray end tag). */
  offset: number;
  /** The 1-based line of that tag in the body. */
  line: number;
  /** For closed-early: the tag that ended it, and whether that was an end tag. */
  by?: { tag: string; end: boolean; line: number };
  reason?: 'no-headers' | 'nested' | 'presentation';
}

const set = (words: string) => new Set(words.split(' '));

// Void elements (br, img, hr, input…) and elements it does not know are in neither list: their tags are passed over.
const OPTIONAL_END = set('li dt dd p td th tr thead tbody tfoot caption colgroup option optgroup rt rp');
const NEEDS_END = set(
  'ul ol dl menu dir table div blockquote section article aside header footer nav main search figure figcaption details ' +
    'summary pre fieldset legend address center form hgroup dialog h1 h2 h3 h4 h5 h6 ' +
    'a abbr b bdi bdo big cite code del dfn em font i ins kbd label mark nobr q s samp small span strike strong sub sup tt u var ' +
    'button select',
);
const LISTS = set('ul ol dl menu dir');
const DEFINITION_LIST = ['dl'];
/** Elements whose content is text, or is not HTML: the scan jumps to their end tag. */
const SKIP_TO_END = set('script style textarea title xmp iframe noembed noframes template svg math');

/** Elements that stop the search for an open li, dt or dd to close (the standard's "special" elements, but address, div and p). */
const LIST_ITEM_SCOPE = set(
  'ul ol dl menu dir table td th tr tbody thead tfoot caption colgroup blockquote section article aside header footer nav ' +
    'main search figure figcaption details summary pre fieldset center form hgroup dialog h1 h2 h3 h4 h5 h6 button select li dt dd',
);
/** Elements that stop the search for an open p to close (the standard's "button scope"). */
const PARAGRAPH_SCOPE = set('table td th caption button object marquee applet template');
/** Start tags that close an open p. */
const CLOSES_PARAGRAPH = set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup ' +
    'main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form li dd dt plaintext table hr xmp',
);

interface ImpliedClose {
  targets: ReadonlySet<string>;
  scope: ReadonlySet<string>;
}

/** Which open elements a start tag closes, and where the search for them stops. */
const IMPLIED_CLOSES: Record<string, ImpliedClose[]> = {};
const addClose = (tags: string, targets: string, scope: ReadonlySet<string>) => {
  for (const tag of tags.split(' ')) (IMPLIED_CLOSES[tag] ??= []).push({ targets: set(targets), scope });
};
addClose('li', 'li', LIST_ITEM_SCOPE);
addClose('dt dd', 'dt dd', LIST_ITEM_SCOPE);
addClose('td th', 'td th', set('tr tbody thead tfoot table'));
addClose('tr', 'tr', set('tbody thead tfoot table'));
addClose('tbody thead tfoot', 'tbody thead tfoot caption colgroup', set('table'));
addClose('caption colgroup', 'caption colgroup', set('table'));
addClose('option', 'option', set('select'));
addClose('optgroup', 'option optgroup', set('select'));
addClose('rt rp', 'rt rp', set('ruby'));
for (const tag of CLOSES_PARAGRAPH) addClose(tag, 'p', PARAGRAPH_SCOPE);

/** How far down the open elements a start tag looks for one to close; real HTML is never this deep, and a limit keeps the scan linear. */
const SEARCH_DEPTH = 200;

/** The end tag of each element in SKIP_TO_END, made when first needed. */
const END_TAGS: Record<string, RegExp> = {};

const TAG = /<(?:(!--)|[!?]|(\/?)([A-Za-z][A-Za-z0-9:-]*))/g;
const TAG_NAME_END = /[\s/>]/;
const PRESENTATION = /\brole\s*=\s*["']?\s*(?:presentation|none)\b/i;

interface Open {
  tag: string;
  offset: number;
  line: number;
  table?: { cells: number; headers: number; nested: boolean; presentation: boolean };
}

/** The body's problems with HTML structure, in the order of their tags. */
export function htmlStructureProblems(body: string): HtmlStructureProblem[] {
  if (!body.includes('<')) return [];
  const problems: HtmlStructureProblem[] = [];
  const code = codeRanges(body);
  let codeIndex = 0;

  // Positions searched forwards only, each search starting where the last stopped.
  let nextGreater = -2;
  const greaterFrom = (from: number) => {
    if (nextGreater !== -1 && nextGreater < from) nextGreater = body.indexOf('>', from);
    return nextGreater;
  };
  let line = 1;
  let nextNewline = body.indexOf('\n');
  const lineOf = (offset: number) => {
    while (nextNewline !== -1 && nextNewline < offset) {
      line++;
      nextNewline = body.indexOf('\n', nextNewline + 1);
    }
    return line;
  };

  const stack: Open[] = [];
  const tables: NonNullable<Open['table']>[] = [];
  /** How many of each element are open, so that an end tag with nothing to close is known without a search. */
  const openCount = new Map<string, number>();
  /** Elements ended early by another tag, whose own end tag, when it comes, is part of that problem. */
  const endedEarly = new Map<string, number>();

  const closeTable = (open: Open) => {
    const table = tables.pop()!;
    if (table.cells + table.headers === 0) return;
    const reason = table.presentation ? 'presentation' : table.nested ? 'nested' : table.headers === 0 ? 'no-headers' : undefined;
    if (reason) problems.push({ kind: 'layout-table', tag: 'table', offset: open.offset, line: open.line, reason });
  };
  /**
   * Closes the element at `index` and every element above it, saying which of those above needed an end
   * tag: ended early by `by`, or, at the end of the body (index -1, no `by`), never closed.
   */
  const popTo = (index: number, by?: HtmlStructureProblem['by']) => {
    for (let top = stack.length - 1; top >= Math.max(index, 0); top--) {
      const open = stack.pop()!;
      openCount.set(open.tag, openCount.get(open.tag)! - 1);
      if (open.table) closeTable(open);
      if (top === index || !NEEDS_END.has(open.tag)) continue;
      problems.push({ kind: by ? 'closed-early' : 'unclosed', tag: open.tag, offset: open.offset, line: open.line, ...(by ? { by } : {}) });
      endedEarly.set(open.tag, (endedEarly.get(open.tag) ?? 0) + 1);
    }
  };

  /** The lists each kind of item belongs in (dt and dd share theirs). */
  const containers: Record<string, readonly string[]> = { li: ['ul', 'ol', 'menu', 'dir'], dt: DEFINITION_LIST, dd: DEFINITION_LIST };
  /** The lists whose items have been reported outside one since a list last started or ended: items in a row are one problem. */
  const reportedOutside = new Set<readonly string[]>();

  const start = (tag: string, offset: number, text: string) => {
    const lists = containers[tag];
    if (LISTS.has(tag)) reportedOutside.clear();
    else if (lists && !reportedOutside.has(lists) && lists.every((list) => !openCount.get(list))) {
      problems.push({ kind: 'outside-list', tag, offset, line: lineOf(offset) });
      reportedOutside.add(lists);
    }
    for (const rule of IMPLIED_CLOSES[tag] ?? []) {
      if (![...rule.targets].some((target) => (openCount.get(target) ?? 0) > 0)) continue;
      let found = -1;
      for (let index = stack.length - 1; index >= 0 && index >= stack.length - SEARCH_DEPTH; index--) {
        if (rule.targets.has(stack[index].tag)) found = index;
        else if (rule.scope.has(stack[index].tag)) break;
      }
      if (found !== -1) popTo(found, { tag, end: false, line: lineOf(offset) });
    }
    if (tag === 'th' || tag === 'td') {
      const table = tables.at(-1);
      if (table) table[tag === 'th' ? 'headers' : 'cells']++;
    }
    const open: Open = { tag, offset, line: lineOf(offset) };
    if (tag === 'table') {
      const outer = tables.at(-1);
      if (outer) outer.nested = true;
      open.table = { cells: 0, headers: 0, nested: false, presentation: PRESENTATION.test(text) };
      tables.push(open.table);
    }
    stack.push(open);
    openCount.set(tag, (openCount.get(tag) ?? 0) + 1);
  };

  const end = (tag: string, offset: number) => {
    if (LISTS.has(tag)) reportedOutside.clear();
    if ((openCount.get(tag) ?? 0) > 0) {
      let index = stack.length - 1;
      while (stack[index].tag !== tag) index--;
      popTo(index, { tag, end: true, line: lineOf(offset) });
      return;
    }
    const early = endedEarly.get(tag) ?? 0;
    if (early > 0) endedEarly.set(tag, early - 1);
    else problems.push({ kind: 'stray-end', tag, offset, line: lineOf(offset) });
  };

  TAG.lastIndex = 0;
  for (let match = TAG.exec(body); match; match = TAG.exec(body)) {
    const at = match.index;
    while (codeIndex < code.length && code[codeIndex][1] <= at) codeIndex++;
    if (codeIndex < code.length && code[codeIndex][0] <= at) {
      TAG.lastIndex = code[codeIndex][1];
      continue;
    }
    if (at > 0 && body[at - 1] === '\\') continue; // \< is Markdown for a plain <
    if (match[1]) {
      const close = body.indexOf('-->', at + 4);
      if (close === -1) break;
      TAG.lastIndex = close + 3;
      continue;
    }
    const nameEnd = at + match[0].length;
    if (match[3] && nameEnd < body.length && !TAG_NAME_END.test(body[nameEnd])) continue;
    const greater = greaterFrom(nameEnd);
    if (greater === -1) break; // no tag can end after here
    TAG.lastIndex = greater + 1;
    if (!match[3]) continue; // <!DOCTYPE …>, <![CDATA[ …, <?xml …?>
    const tag = match[3].toLowerCase();
    const isEnd = match[2] === '/';
    if (!isEnd && SKIP_TO_END.has(tag)) {
      if (body[greater - 1] === '/' && (tag === 'svg' || tag === 'math')) continue;
      const closing = (END_TAGS[tag] ??= new RegExp(`</${tag}(?=[\\s/>]|$)`, 'gi'));
      closing.lastIndex = greater + 1;
      const found = closing.exec(body);
      if (!found) break;
      TAG.lastIndex = found.index + found[0].length;
      continue;
    }
    if (!NEEDS_END.has(tag) && !OPTIONAL_END.has(tag)) continue; // void, unknown, or <html>, <body> and the like
    if (isEnd) end(tag, at);
    else start(tag, at, body.slice(at, greater));
  }

  popTo(-1);
  return problems.sort((a, b) => a.offset - b.offset);
}
