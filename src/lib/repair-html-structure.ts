/**
 * A rehype plugin that puts a sanitised body's lists and tables back into a shape screen readers and axe
 * accept. The HTML parser (parse5, in rehype-raw) repairs unclosed and overlapping tags as browsers do,
 * but it lets a paragraph sit straight inside a `<ul>`: an unclosed `<ul>` pasted from another website
 * swallows the text after it, and axe reports the list (issue #17). The sanitiser adds cases of its own:
 * it unwraps elements it does not allow (`<font>`, `<caption>`), leaving their text where only list items
 * or table rows may be. No maintained plugin does this (checked on npm, December 2026), hence this one.
 *
 * The rules, applied from the innermost element outwards:
 *   - `<ul>` and `<ol>` hold only `<li>`. Content before the first item moves out before the list, content
 *     after the last item moves out after it (where an unclosed list's following paragraphs belong), and
 *     content between items joins the item before it. A list with no item is replaced by its content.
 *   - `<dl>` holds only `<dt>`, `<dd>` and `<div>` groups of them, with the same rules.
 *   - `<table>` holds only captions, column groups, head, body and foot sections and rows; sections hold
 *     only rows; rows hold only cells. Anything else moves out before the table, as browsers show it.
 *   - `<li>` outside a list is put in a `<ul>`, and `<dt>` and `<dd>` outside a `<dl>` in a `<dl>`:
 *     consecutive ones share one.
 * Whitespace between elements stays where it is. Markdown's own lists and tables already follow these
 * rules, so for most bodies this changes nothing.
 */
import type { Element, ElementContent, Root } from 'hast';

type Parent = Root | Element;
type Child = ElementContent;

const TABLE_CHILDREN = new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr']);
const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const CELLS = new Set(['td', 'th']);
const ROWS = new Set(['tr']);
const DEFINITION_PARTS = new Set(['dt', 'dd']);
/** Elements whose children this plugin may have to change; a body without any is left as it is. */
const WATCHED = new Set(['ul', 'ol', 'dl', 'table', 'li', 'dt', 'dd']);

function isElement(node: Child, tags: ReadonlySet<string> | string): node is Element {
  return node.type === 'element' && (typeof tags === 'string' ? node.tagName === tags : tags.has(node.tagName));
}

/** Text of only whitespace, and comments: allowed anywhere. */
function isBlank(node: Child): boolean {
  return node.type === 'comment' || (node.type === 'text' && !/[^ \t\n\f\r]/.test(node.value));
}

function element(tagName: string, children: Child[]): Element {
  return { type: 'element', tagName, properties: {}, children };
}

/** A `<div>` inside a `<dl>` that groups terms and descriptions, and nothing else. */
function isGroup(node: Child): boolean {
  return (
    isElement(node, 'div') &&
    node.children.some((child) => isElement(child, DEFINITION_PARTS)) &&
    node.children.every((child) => isBlank(child) || isElement(child, DEFINITION_PARTS))
  );
}

/**
 * A list's children put right (see above): what goes before the list, the list itself (or nothing, if it
 * had no item), and what goes after it. `isItem` says which children may stay; `holder` gives the element
 * that content between items joins.
 */
function fixList(list: Element, isItem: (node: Child) => boolean, holder: (item: Element) => Element): Child[] {
  const children = list.children;
  let first = -1;
  let last = -1;
  for (let index = 0; index < children.length; index++) {
    if (!isItem(children[index])) continue;
    if (first === -1) first = index;
    last = index;
  }
  if (children.every((child) => isItem(child) || isBlank(child))) return [list];
  if (first === -1) return children;
  const before = children.slice(0, first);
  const after = children.slice(last + 1);
  const kept: Child[] = [];
  let segment: Child[] = [];
  let item = children[first] as Element;
  const endSegment = () => {
    append(segment.some((node) => !isBlank(node)) ? holder(item).children : kept, segment);
    segment = [];
  };
  for (let index = first; index <= last; index++) {
    const child = children[index];
    if (!isItem(child)) {
      segment.push(child);
      continue;
    }
    endSegment();
    kept.push(child);
    item = child as Element;
  }
  list.children = kept;
  // Whitespace alone before the first item or after the last stays in the list.
  const result: Child[] = [];
  if (before.every(isBlank)) list.children = [...before, ...list.children];
  else append(result, before);
  result.push(list);
  if (after.every(isBlank)) append(list.children, after);
  else append(result, after);
  return result;
}

/** The children of a table, its sections and rows that may not be there, taken out in document order. */
function takeStrays(node: Element, allowed: ReadonlySet<string>, strays: Child[]): void {
  node.children = node.children.filter((child) => {
    if (isBlank(child)) return true;
    if (!isElement(child, allowed)) {
      strays.push(child);
      return false;
    }
    if (SECTIONS.has(child.tagName)) takeStrays(child, ROWS, strays);
    else if (child.tagName === 'tr') takeStrays(child, CELLS, strays);
    return true;
  });
}

/** Consecutive `tags` elements (whitespace between them allowed) put together into a new `wrapper`. */
function wrapRuns(children: Child[], tags: ReadonlySet<string>, wrapper: string): Child[] {
  if (!children.some((child) => isElement(child, tags))) return children;
  const result: Child[] = [];
  let run: Child[] = [];
  let pending: Child[] = [];
  const endRun = () => {
    if (run.length > 0) result.push(element(wrapper, run));
    append(result, pending);
    run = [];
    pending = [];
  };
  for (const child of children) {
    if (isElement(child, tags)) {
      append(run, pending);
      run.push(child);
      pending = [];
    } else if (run.length > 0 && isBlank(child)) pending.push(child);
    else {
      endRun();
      result.push(child);
    }
  }
  endRun();
  return result;
}

const LIST_ITEMS = new Set(['li']);

/** Pushes one by one: a list of tens of thousands of nodes is too many for push(...nodes). */
function append(target: Child[], nodes: readonly Child[]): void {
  for (const node of nodes) target.push(node);
}

function repair(parent: Parent, parentTag: string | undefined): void {
  const tag = parent.type === 'element' ? parent.tagName : undefined;
  let watched = false;
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    repair(child, tag);
    if (WATCHED.has(child.tagName)) watched = true;
  }
  if (!watched) return;

  let children: Child[] = [];
  for (const child of parent.children as Child[]) {
    if (isElement(child, 'ul') || isElement(child, 'ol')) {
      append(
        children,
        fixList(
          child,
          (node) => isElement(node, 'li'),
          (item) => item,
        ),
      );
    } else if (isElement(child, 'dl')) {
      const isPart = (node: Child) => isElement(node, DEFINITION_PARTS) || isGroup(node);
      // Content between a group and the next item joins the group's last term or description.
      const holder = (item: Element) =>
        item.tagName === 'div' ? (item.children.findLast((node) => isElement(node, DEFINITION_PARTS)) as Element) : item;
      append(children, fixList(child, isPart, holder));
    } else if (isElement(child, 'table')) {
      const strays: Child[] = [];
      takeStrays(child, TABLE_CHILDREN, strays);
      append(children, strays);
      children.push(child);
    } else children.push(child);
  }
  if (tag !== 'ul' && tag !== 'ol') children = wrapRuns(children, LIST_ITEMS, 'ul');
  if (tag !== 'dl' && !(tag === 'div' && parentTag === 'dl')) children = wrapRuns(children, DEFINITION_PARTS, 'dl');
  parent.children = children;
}

export default function repairHtmlStructure() {
  return (tree: Root) => {
    repair(tree, undefined);
  };
}
