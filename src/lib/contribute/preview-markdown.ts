/**
 * Markdown to safe HTML for the form's preview, in the browser.
 *
 * src/lib/markdown.ts cannot run there: its fast path is Sätteri, a native module. This is its reference
 * pipeline (remark with GFM, then rehype-sanitize with the same rules, images as links and headings
 * moved down a level) without two steps: heading ids, which the preview does not need, and rehype-raw,
 * whose HTML parser (parse5) would nearly double the download. So raw HTML in the text is left out of
 * the preview (the words between tags stay, as text); on the site it is parsed and cleaned. Ordinary
 * Markdown renders the same (a unit test compares the two). The form warns about HTML the site removes.
 * It is loaded only when someone previews, as a chunk of its own. Its output is sanitised, so it may be
 * given to innerHTML; nothing else the form shows is.
 * tests/unit/contribute-preview.test.ts checks the rules are the site's and that both agree on ordinary
 * Markdown and on hostile input.
 */
import type { Element, Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** The same as SANITIZE_SCHEMA in src/lib/markdown.ts (a unit test compares them). */
export const PREVIEW_SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
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

function walk(node: Root | Element, visit: (element: Element, parent: Root | Element, index: number) => void): void {
  node.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    visit(child, node, index);
    walk(child, visit);
  });
}

/** As on the site: a body's `#` headings move down a level, so the record's title stays the only h1. */
function demoteHeadings() {
  return (tree: Root) => {
    const headings: Element[] = [];
    walk(tree, (element) => {
      if (HEADING.test(element.tagName)) headings.push(element);
    });
    if (!headings.some((heading) => heading.tagName === 'h1')) return;
    for (const heading of headings) heading.tagName = `h${Math.min(6, Number(HEADING.exec(heading.tagName)![1]) + 1)}`;
  };
}

/** As on the site: images become links to themselves, so that reading loads nothing from elsewhere. */
function imagesAsLinks() {
  return (tree: Root) => {
    walk(tree, (element, parent, index) => {
      if (element.tagName !== 'img') return;
      const src = typeof element.properties.src === 'string' ? element.properties.src : undefined;
      const alt = typeof element.properties.alt === 'string' && element.properties.alt.trim() ? element.properties.alt.trim() : 'an image';
      const text = { type: 'text' as const, value: `Image: ${alt}` };
      parent.children[index] = src
        ? { type: 'element', tagName: 'a', properties: { href: src }, children: [text] }
        : { type: 'element', tagName: 'span', properties: {}, children: [text] };
    });
  };
}

const pipeline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, PREVIEW_SANITIZE_SCHEMA)
  .use(imagesAsLinks)
  .use(demoteHeadings)
  .use(rehypeStringify)
  .freeze();

/** Sanitised HTML for a Markdown text ('' for none). */
export function previewMarkdown(markdown: string): string {
  if (markdown.trim() === '') return '';
  return String(pipeline.processSync(markdown));
}
