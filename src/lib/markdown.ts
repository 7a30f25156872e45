/**
 * Markdown from contributors to safe HTML, for pages and for the open-data exports alike.
 *
 * Content is untrusted: raw HTML is parsed (so that harmless tags like <b> survive) and then sanitised
 * with GitHub's rules, narrowed to http, https and mailto links. No script, style, iframe, form, event
 * handler or javascript:/data: address survives. Astro 7's default Markdown engine does not sanitise,
 * which is why records are rendered here and not by Astro.
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

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

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(demoteHeadings)
  // Prefixed so that a heading can never take an id the page uses itself, such as main-content.
  .use(rehypeSlug, { prefix: 'section-' })
  .use(rehypeStringify)
  .freeze();

/** Renders a record's Markdown body to sanitised HTML. */
export function renderMarkdown(markdown: string): string {
  if (markdown.trim() === '') return '';
  return String(processor.processSync(markdown));
}
