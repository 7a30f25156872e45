/**
 * Just enough HTML reading for checks over every built page (links, budgets): each start tag with its
 * attributes (entities decoded) and line, and the text of <script> and <style> elements. The Nu HTML
 * Checker (html.test.ts) makes sure the pages are well-formed enough for this to be right.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Tag {
  name: string;
  attributes: Map<string, string>;
  line: number;
  /** The text inside, for script and style elements. */
  text?: string;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  Tab: '\t',
  NewLine: '\n',
  colon: ':',
};

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** Every start tag in a document, in order. */
export function scanTags(html: string): Tag[] {
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) if (html[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (index: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[open + 1] === '!' || html[open + 1] === '?' || html[open + 1] === '/') {
      const end = html.indexOf('>', open);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(open, open + 100));
    if (!nameMatch) {
      i = open + 1;
      continue;
    }
    const name = nameMatch[1].toLowerCase();
    let j = open + nameMatch[0].length;
    const attributes = new Map<string, string>();
    while (j < html.length) {
      while (/\s/.test(html[j] ?? '')) j++;
      if (html[j] === '>') {
        j++;
        break;
      }
      if (html[j] === '/' && html[j + 1] === '>') {
        j += 2;
        break;
      }
      if (html[j] === '/') {
        j++;
        continue;
      }
      const attributeName = /^[^\s"'>/=]+/.exec(html.slice(j, j + 200))?.[0];
      if (!attributeName) {
        j++;
        continue;
      }
      j += attributeName.length;
      while (/\s/.test(html[j] ?? '')) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (/\s/.test(html[j] ?? '')) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          const unquoted = /^[^\s>]*/.exec(html.slice(j))?.[0] ?? '';
          value = unquoted;
          j += unquoted.length;
        }
      }
      const key = attributeName.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decodeEntities(value));
    }
    const tag: Tag = { name, attributes, line: lineOf(open) };
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, j);
      const end = close < 0 ? html.length : close;
      tag.text = html.slice(j, end);
      j = end;
    }
    tags.push(tag);
    i = j;
  }
  return tags;
}

/** Every .html file under a folder, as paths relative to it with forward slashes. */
export function htmlFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}

export interface BuiltPage {
  /** The file, relative to the site's folder: roadmap/index.html */
  file: string;
  /** The page's path under the base: roadmap/ (404.html for the not-found page). */
  path: string;
  html: string;
  tags: Tag[];
}

/** Every built page, read and scanned once. */
export function readBuiltPages(root: string): BuiltPage[] {
  return htmlFiles(root).map((file) => {
    const html = readFileSync(join(root, file), 'utf8');
    return {
      file,
      path: file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file,
      html,
      tags: scanTags(html),
    };
  });
}
