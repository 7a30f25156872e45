/**
 * The link check the site tests run over a built site: every address a page points at (links,
 * stylesheets, images, scripts, forms, the Pagefind bundle, its canonical address) must exist in the
 * build, under the base path, and every same-page #fragment must name an element on the page.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBuiltPages, type BuiltPage } from './html-scan.ts';

/** The attributes of each element that hold an address. */
const ADDRESS_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  form: ['action'],
  button: ['formaction'],
  object: ['data'],
  'pagefind-config': ['bundle-path'],
};

interface Address {
  value: string;
  line: number;
  element: string;
}

function addresses(page: BuiltPage): Address[] {
  const found: Address[] = [];
  for (const tag of page.tags) {
    for (const attribute of ADDRESS_ATTRIBUTES[tag.name] ?? []) {
      const value = tag.attributes.get(attribute);
      if (value === undefined) continue;
      const values =
        attribute === 'srcset'
          ? value
              .split(',')
              .map((candidate) => candidate.trim().split(/\s+/)[0])
              .filter(Boolean)
          : [value];
      const rel = tag.name === 'link' ? ` rel="${tag.attributes.get('rel') ?? ''}"` : '';
      for (const one of values) found.push({ value: one.trim(), line: tag.line, element: `<${tag.name}${rel} ${attribute}>` });
    }
    if (
      tag.name === 'meta' &&
      /^(og:url|og:image|twitter:image)$/.test(tag.attributes.get('property') ?? tag.attributes.get('name') ?? '')
    ) {
      found.push({
        value: tag.attributes.get('content') ?? '',
        line: tag.line,
        element: `<meta ${tag.attributes.get('property') ?? tag.attributes.get('name')}>`,
      });
    }
  }
  return found;
}

/** A built site: its folder, the base path it is served under and its origin. */
export interface BuiltSite {
  dir: string;
  base: string;
  origin: string;
}

/** Whether a path under the base exists in the build: a folder's index.html, or a file. */
function existsInBuild({ dir, base }: BuiltSite, pathname: string): boolean {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return false;
  }
  const file = join(dir, relative);
  if (relative === '' || relative.endsWith('/')) return existsSync(join(file, 'index.html'));
  return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
}

/** Why an address on a page is broken, or undefined when it is fine (or not ours to check). */
function problemWith(site: BuiltSite, page: BuiltPage, ids: Set<string>, address: Address): string | undefined {
  const { value, element } = address;
  const { base, origin } = site;
  if (value === '') return `${element} is empty`;
  if (element === '<pagefind-config bundle-path>') {
    const bundle = new URL(value.endsWith('/') ? value : `${value}/`, `${origin}${base}${page.path}`);
    return existsInBuild(site, `${bundle.pathname}pagefind.js`) ? undefined : `the Pagefind bundle ${value} has no pagefind.js`;
  }
  let url: URL;
  try {
    url = new URL(value, `${origin}${base}${page.path}`);
  } catch {
    return `“${value}” is not a valid address`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined; // mailto:, tel: and data: are not pages of ours.
  if (url.origin !== origin) return undefined; // Another site: not checked here.
  if (value.startsWith('#')) {
    if (value === '#') return 'an empty fragment (#) goes nowhere';
    const id = decodeURIComponent(value.slice(1));
    return ids.has(id) ? undefined : `no element on this page has id="${id}"`;
  }
  if (!url.pathname.startsWith(base))
    return `outside the base path ${base}: the site is served under ${base}, so this address is wrong there`;
  return existsInBuild(site, url.pathname) ? undefined : `${url.pathname} does not exist in the build`;
}

/** Every broken address on every page of a built site, as lines, with how many pages and addresses were checked. */
export function brokenAddresses(site: BuiltSite): { broken: string[]; pages: number; checked: number } {
  const pages = readBuiltPages(site.dir);
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const ids = new Set<string>();
    for (const tag of page.tags) {
      const id = tag.attributes.get('id');
      if (id) ids.add(id);
      if (tag.name === 'a' && tag.attributes.get('name')) ids.add(tag.attributes.get('name')!);
    }
    for (const address of addresses(page)) {
      checked++;
      const problem = problemWith(site, page, ids, address);
      if (problem) broken.push(`${page.file}:${address.line} ${address.element} “${address.value}”: ${problem}`);
    }
  }
  return { broken, pages: pages.length, checked };
}

/** The broken addresses as an assertion's message: the first 150, and how many more. */
export function shownBroken(broken: string[]): string[] {
  const shown = broken.slice(0, 150);
  if (broken.length > shown.length) shown.push(`… and ${broken.length - shown.length} more`);
  return shown;
}
