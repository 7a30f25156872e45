/**
 * Compares HTML by structure: parses it (with rehype-raw, the parser the hub already uses for Markdown)
 * and prints it back one node a line, with attributes and class names sorted, whitespace in text and
 * attribute values collapsed, whitespace-only text and comments dropped. Two pieces of HTML that
 * differ only in formatting, attribute order or quoting normalise to the same string.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';

const parser = unified().use(rehypeRaw);

/** Parses an HTML fragment into a hast tree. */
export function parseHtml(html: string): Root {
  return parser.runSync({ type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root) as Root;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function attributeText(name: string, value: unknown): string {
  if (value === true) return name;
  if (Array.isArray(value)) {
    const tokens = value.map(String);
    return `${name}="${(name === 'className' ? tokens.sort() : tokens).join(' ')}"`;
  }
  return `${name}="${collapse(String(value))}"`;
}

function print(node: Root | RootContent | ElementContent, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  if (node.type === 'root') {
    for (const child of node.children) print(child, depth, lines);
  } else if (node.type === 'text') {
    const text = collapse(node.value);
    if (text) lines.push(`${indent}${JSON.stringify(text)}`);
  } else if (node.type === 'element') {
    const attributes = Object.entries(node.properties ?? {})
      .filter(([, value]) => value !== undefined && value !== null && value !== false)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ` ${attributeText(name, value)}`)
      .join('');
    lines.push(`${indent}<${node.tagName}${attributes}>`);
    const children = node.tagName === 'template' && node.content ? node.content.children : node.children;
    for (const child of children) print(child, depth + 1, lines);
  }
  // Comments and doctypes are left out.
}

/** Removes every element the predicate picks, anywhere in the tree. */
export function removeElements(tree: Root, pick: (element: Element) => boolean): Root {
  const prune = (children: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] =>
    children
      .filter((child) => !(child.type === 'element' && pick(child)))
      .map((child) => (child.type === 'element' ? { ...child, children: prune(child.children) as ElementContent[] } : child));
  return { ...tree, children: prune(tree.children) as RootContent[] };
}

/** The normalised form of some HTML, or of an already parsed (and perhaps pruned) tree. */
export function normalise(html: string | Root): string {
  const lines: string[] = [];
  print(typeof html === 'string' ? parseHtml(html) : html, 0, lines);
  return lines.join('\n');
}

/** True when the element has the given class. */
export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties?.className;
  return Array.isArray(classes) && classes.includes(name);
}
