/**
 * How the hub orders things, in one place so every list agrees.
 *
 * Names and labels sort as a reader expects in British English, with case and accents not separating
 * them, so the order is the same however a name is written. Titles and filter labels also compare
 * numbers by value ("Phase 2" before "Phase 10").
 */

const names = new Intl.Collator('en-GB', { sensitivity: 'base' });
const numbered = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Two names or labels in A to Z order, for sort(). */
export function compareNames(a: string, b: string): number {
  return names.compare(a, b);
}

/** As compareNames, with runs of digits compared as numbers: for titles and filter labels. */
export function compareNamesNumeric(a: string, b: string): number {
  return numbered.compare(a, b);
}

/** Code-point order, the same on every machine and locale: how every document and report sorts ids. */
export function compareById(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
