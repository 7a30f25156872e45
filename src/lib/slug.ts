/**
 * Slugs name records and organisations in paths and URLs. The rule (DESIGN.md): lowercase `a-z`,
 * digits and single hyphens, at most 80 characters. ASCII only, so a Cyrillic `а` can never pass
 * for a Latin `a` in an organisation id.
 */

export const SLUG_MAX_LENGTH = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * Turns a name into a slug: "Redcar and Cleveland" → `redcar-and-cleveland`, "St. Helens" →
 * `st-helens`, "Ynys Môn" → `ynys-mon`, "King's Lynn" → `kings-lynn`. Used to derive organisation
 * ids from the register and to suggest a fix for a bad file name.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
}
