/**
 * Markdown from contributors to safe HTML, for pages and for the open-data exports alike.
 *
 * Content is untrusted: raw HTML is parsed (so that harmless tags like <b> survive) and then sanitised
 * with GitHub's rules, narrowed to http, https and mailto links. No script, style, iframe, form, event
 * handler or javascript:/data: address survives. Astro 7's default Markdown engine does not sanitise,
 * which is why records are rendered here and not by Astro.
 *
 * Two parsers, one sanitiser. The reference pipeline is unified: remark (micromark, GFM) → rehype →
 * rehype-raw → rehype-sanitize → structure repair (repair-html-structure.ts) → heading demotion → heading
 * ids → HTML. It takes 1–3 ms a body, which at 25,000 records is most of a build. Most bodies are plain
 * Markdown, and for those the parse is done by Sätteri (Rust, the engine Astro 7 ships) in a few
 * hundredths of a millisecond; its tree then goes through the very same sanitiser, repair, demotion, ids
 * and serialiser. So every body is sanitised by
 * rehype-sanitize whichever parser read it, and the choice of parser only decides how the Markdown is
 * read, never what is let through.
 *
 * Sätteri reads ordinary Markdown exactly as micromark does (tests/unit/markdown.test.ts compares the
 * two on the demonstration content, on generated records and on generated Markdown), but not every
 * corner: bodies with raw HTML, footnotes, fenced code starting with a blank line or tildes, emphasis
 * markers inside words or in runs of three, and backslash escapes go to the reference pipeline, and so
 * does any body in which Sätteri finds HTML or fails.
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHast } from 'satteri';
import { unified, type PluggableList } from 'unified';
import repairHtmlStructure from './repair-html-structure.ts';

export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  // Drop these elements with their contents, rather than leaving their code as visible text.
  strip: ['script', 'style', 'template'],
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
};

const HEADING = /^h([1-6])$/;

/**
 * The record's title is the page's only h1: if a body uses `#` headings, every heading moves down a
 * level so the outline stays right for screen readers.
 */
function demoteHeadings() {
  return (tree: Root) => {
    const headings: Element[] = [];
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (HEADING.test(child.tagName)) headings.push(child);
        walk(child);
      }
    };
    walk(tree);
    if (!headings.some((heading) => heading.tagName === 'h1')) return;
    for (const heading of headings) heading.tagName = `h${Math.min(6, Number(HEADING.exec(heading.tagName)![1]) + 1)}`;
  };
}

/**
 * Images become links to themselves. A page that loaded an image from another website would tell that
 * website who is reading (a tracking pixel needs no script), and the hub promises to load nothing from
 * elsewhere; a link lets the reader choose. The link says what the image shows, from its alt text.
 */
function imagesAsLinks() {
  return (tree: Root) => {
    const walk = (node: Root | Element) => {
      node.children.forEach((child, index) => {
        if (child.type !== 'element') return;
        if (child.tagName !== 'img') return walk(child);
        const src = typeof child.properties.src === 'string' ? child.properties.src : undefined;
        const alt = typeof child.properties.alt === 'string' && child.properties.alt.trim() ? child.properties.alt.trim() : 'an image';
        const text = { type: 'text' as const, value: `Image: ${alt}` };
        node.children[index] = src
          ? { type: 'element', tagName: 'a', properties: { href: src }, children: [text] }
          : { type: 'element', tagName: 'span', properties: {}, children: [text] };
      });
    };
    walk(tree);
  };
}

/** What every body goes through once parsed, whichever parser read it. */
const AFTER_PARSING: PluggableList = [
  [rehypeSanitize, SANITIZE_SCHEMA],
  // Pasted HTML can leave a paragraph inside a list, or text inside a table: moved to where it may be.
  repairHtmlStructure,
  imagesAsLinks,
  demoteHeadings,
  // Prefixed so that a heading can never take an id the page uses itself, such as main-content.
  [rehypeSlug, { prefix: 'section-' }],
];

const reference = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(AFTER_PARSING)
  .use(rehypeStringify)
  .freeze();

/**
 * Sätteri writes a table column's alignment as `style="text-align: …"`, which the sanitiser removes;
 * mdast-util-to-hast writes it as `align`, which GitHub's rules keep. Written as remark would write it.
 */
function alignmentAsAttribute() {
  return (tree: Root) => {
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if ((child.tagName === 'th' || child.tagName === 'td') && typeof child.properties.style === 'string') {
          const align = /^text-align: (left|center|right)$/.exec(child.properties.style)?.[1];
          delete child.properties.style;
          if (align) child.properties.align = align;
        }
        walk(child);
      }
    };
    walk(tree);
  };
}

const afterFastParse = unified().use(alignmentAsAttribute).use(AFTER_PARSING).use(rehypeStringify).freeze();

/**
 * Markdown whose reading by Sätteri is not known to match micromark's, found by comparing the two on
 * generated Markdown (tests/unit/markdown.test.ts). Any of these sends a body to the reference pipeline.
 * Each is written to run in linear time: a fence's run of backticks is taken whole, the first `*` of a
 * run inside a word is found without trying every split, and an address is followed only to the next
 * one (the obvious forms took tens of seconds on a 256 KiB body: tests/hostile, tests/properties).
 */
const NEEDS_REFERENCE_PARSER = new RegExp(
  [
    /</, // raw HTML, and autolinks in angle brackets
    /\[\^/, // footnotes
    /\\/, // backslash escapes and hard breaks
    /~~~/, // tilde fences
    /^ {0,3}(?:`{3,}(?!`)|~{3,}(?!~))[^\n]*\r?\n[ \t]*(?:\r?\n|$)/, // a fence whose first line is blank
    /\[[ xX]\][ \t]*(?:\r?\n|$)/, // an empty task
    /[\p{L}\p{N}]_*\*[*_]*[\p{L}\p{N}]/u, // `*` inside a word
    /\*_|_\*/, // `*` and `_` side by side
    /[*_~]{3}/, // runs of three or more emphasis markers
    /(?:https?:\/\/|www\.)(?:(?!https?:\/\/|www\.)[^\s|])*\|/, // a bare address running into a table's `|`
    /(?:[^\x00-\x7F]|\/)[\w.+-]*@/, // an email address straight after a `/` or a non-ASCII letter
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'mu',
);

type HastNode = Root | Root['children'][number];

/** True when the tree has only what a Markdown parser makes itself: elements and text, no raw HTML. */
function onlyElementsAndText(node: HastNode): boolean {
  if (node.type === 'text') return true;
  if (node.type !== 'root' && node.type !== 'element') return false;
  return node.children.every(onlyElementsAndText);
}

/** Renders with the reference pipeline (unified), as every body was before the fast path. */
export function renderMarkdownWithReference(markdown: string): string {
  if (markdown.trim() === '') return '';
  return String(reference.processSync(markdown));
}

/**
 * Renders with the fast parser and the shared sanitiser, or returns undefined when the body is one the
 * fast parser is not trusted to read as the reference does.
 */
export function renderMarkdownFast(markdown: string): string | undefined {
  if (markdown.trim() === '') return '';
  if (NEEDS_REFERENCE_PARSER.test(markdown)) return undefined;
  let tree: Root;
  try {
    tree = markdownToHast(markdown, { features: { frontmatter: false, gfm: { footnotes: false } }, position: false }) as Root;
  } catch {
    return undefined;
  }
  if (tree?.type !== 'root' || !onlyElementsAndText(tree)) return undefined;
  return afterFastParse.stringify(afterFastParse.runSync(tree) as Root);
}

/**
 * micromark's time grows with the square of the number of emphasis, link and HTML openers in a paragraph
 * that never close: a 20 KB body of `a*_*_*_…` took 12 s, and one at the 256 KiB limit would take most of
 * an hour (tests/hostile). A body with more of these characters than any real record needs is read by
 * Sätteri instead, whose time is linear, its raw HTML parsed by rehype-raw; it then goes through the same
 * sanitiser, so only how such a body is read can differ, never what is let through.
 */
export const MANY_DELIMITERS = 4000;

/** How many characters of the body can open or close emphasis, a link or HTML: * _ ~ [ <. */
function delimiterCount(markdown: string): number {
  let count = 0;
  for (let index = 0; index < markdown.length; index++) {
    const code = markdown.charCodeAt(index);
    if (code === 42 || code === 95 || code === 126 || code === 91 || code === 60) count++;
  }
  return count;
}

const afterLinearParse = unified().use(alignmentAsAttribute).use(rehypeRaw).use(AFTER_PARSING).use(rehypeStringify).freeze();

/** Renders with Sätteri, raw HTML included, and the shared sanitiser: linear time whatever the body. */
export function renderMarkdownLinear(markdown: string): string {
  if (markdown.trim() === '') return '';
  const tree = markdownToHast(markdown, { features: { frontmatter: false, gfm: { footnotes: false } }, position: false }) as Root;
  return afterLinearParse.stringify(afterLinearParse.runSync(tree) as Root);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A body as escaped plain text, a paragraph for each block of lines. */
export function plainTextHtml(markdown: string): string {
  return markdown
    .split(/(?:\r?\n[ \t]*){2,}/)
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${block.trim().replace(/[&<>"']/g, (character) => ESCAPES[character])}</p>`)
    .join('\n');
}

/**
 * Renders a record's Markdown body to sanitised HTML. Markdown nested thousands of levels deep (a body of
 * `> > > …` or `- - - …`, well within the size limit) exhausts the stack of the parsers and the sanitiser;
 * such a body is shown as plain text rather than stopping the build (tests/hostile).
 */
export function renderMarkdown(markdown: string): string {
  try {
    return (
      renderMarkdownFast(markdown) ??
      (delimiterCount(markdown) > MANY_DELIMITERS ? renderMarkdownLinear(markdown) : renderMarkdownWithReference(markdown))
    );
  } catch (error) {
    if (error instanceof RangeError) return plainTextHtml(markdown);
    throw error;
  }
}

/** Every record's body as sanitised HTML ('' for a record without one), in the records' order. */
export function renderBodies(records: readonly { body?: string }[]): string[] {
  return records.map((record) => (record.body !== undefined ? renderMarkdown(record.body) : ''));
}
