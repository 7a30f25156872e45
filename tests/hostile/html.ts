/**
 * What a sanitiser let through, read from the HTML it wrote: every start tag with its attributes, as a
 * browser tokenises them, and those that could run script, load or submit elsewhere, or take the page's
 * own names. Text is escaped in sanitised HTML, so a < in text never starts a tag.
 */

export interface Tag {
  name: string;
  attributes: [string, string][];
}

export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const [tag, name] of html.matchAll(/<([a-z][a-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const attributes: [string, string][] = [];
    for (const attribute of tag.slice(name.length + 1).matchAll(/([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.push([attribute[1].toLowerCase(), attribute[2] ?? attribute[3] ?? attribute[4] ?? '']);
    }
    tags.push({ name: name.toLowerCase(), attributes });
  }
  return tags;
}

const shown = (tag: Tag) => `<${tag.name}${tag.attributes.map(([name, value]) => ` ${name}="${value}"`).join('')}>`;

/** Elements sanitised Markdown must never hold (a task list's disabled checkbox aside). */
const DANGEROUS = new RegExp(
  '^(script|iframe|frame|frameset|object|embed|form|input|button|isindex|meta|base|link|style|' +
    'template|svg|math|body|video|audio|noscript)$',
);

/** An attribute that could run script, load or submit elsewhere, or clobber the page's own ids. */
function unsafeAttribute([name, value]: [string, string]): boolean {
  if (/^on/.test(name) || /^(style|srcdoc|action|formaction)$/.test(name)) return true;
  // An address with a scheme other than http, https or mailto (browsers ignore tabs, newlines and
  // leading controls in one); a relative address such as x or #section is the site's own.
  if (/^(href|src)$/.test(name)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1].toLowerCase();
    if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) return true;
  }
  return /^(id|name)$/.test(name) && !/^(user-content-|section-)/.test(value);
}

/** The tags in sanitised HTML that should not be there, shown as text; empty when it is clean. */
export function unsafeTags(html: string): string[] {
  return tagsOf(html)
    .filter((tag) => (DANGEROUS.test(tag.name) && !disabledCheckbox(tag)) || tag.attributes.some(unsafeAttribute))
    .map(shown);
}

/** A task list's checkbox, as the sanitiser leaves any <input>: disabled, and doing nothing. */
function disabledCheckbox(tag: Tag): boolean {
  const names = tag.attributes.map(([name]) => name);
  return (
    tag.name === 'input' &&
    names.includes('disabled') &&
    tag.attributes.some(([name, value]) => name === 'type' && value === 'checkbox') &&
    names.every((name) => ['type', 'disabled', 'checked', 'name'].includes(name))
  );
}
