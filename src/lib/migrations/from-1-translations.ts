/**
 * Version 1 to 2: Welsh stops being a pair of fields and becomes one entry of `translations`, the field
 * every language of a hub shares (hub.config.yaml's `languages`):
 *
 *   title_cy: Ap y llyfrgell            translations:
 *   summary_cy: Ap i'r llyfrgelloedd →    cy:
 *                                           title: Ap y llyfrgell
 *                                           summary: Ap i'r llyfrgelloedd
 *
 * and on organisations name_cy and official_name_cy become translations.cy.name and .official_name. The
 * entry goes where the first Welsh field was, with its comment; the values keep their quoting.
 */
import { isMap, isScalar, Pair, Scalar, YAMLMap, type Document } from 'yaml';
import type { MigratedFile, Migration } from './index.ts';

/** The version 1 fields, by the kind of file that had them, and the field each becomes under translations.cy. */
const WELSH_FIELDS: Record<'record' | 'organisation', [string, string][]> = {
  record: [
    ['title_cy', 'title'],
    ['summary_cy', 'summary'],
  ],
  organisation: [
    ['name_cy', 'name'],
    ['official_name_cy', 'official_name'],
  ],
};

function migrate(document: Document, file: MigratedFile): string[] {
  if (file.kind !== 'record' && file.kind !== 'organisation') return [];
  const map = document.contents;
  if (!isMap(map)) return [];
  const keyOf = (pair: Pair) => (isScalar(pair.key) ? pair.key.value : undefined);
  const found = WELSH_FIELDS[file.kind].flatMap(([from, to]) => {
    const pair = (map.items as Pair[]).find((item) => keyOf(item) === from);
    return pair ? [{ pair, from, to }] : [];
  });
  if (!found.length) return [];
  const existing = (map.items as Pair[]).find((item) => keyOf(item) === 'translations');
  if (existing && !isMap(existing.value)) return [];
  const translations = existing ? (existing.value as YAMLMap) : new YAMLMap();
  let welsh = translations.items.find((item) => isScalar(item.key) && item.key.value === 'cy')?.value as YAMLMap | undefined;
  if (welsh !== undefined && !isMap(welsh)) return [];
  if (!welsh) {
    welsh = new YAMLMap();
    translations.items.push(new Pair(new Scalar('cy'), welsh));
  }
  for (const { pair, to } of found) {
    if (!welsh.items.some((item) => isScalar(item.key) && item.key.value === to)) welsh.items.push(new Pair(new Scalar(to), pair.value));
  }
  const first = map.items.indexOf(found[0].pair);
  if (!existing) {
    const key = new Scalar('translations');
    // The comment above the first Welsh field stays above what replaces it.
    if (isScalar(found[0].pair.key)) {
      key.commentBefore = found[0].pair.key.commentBefore;
      key.spaceBefore = found[0].pair.key.spaceBefore;
    }
    map.items.splice(first, 0, new Pair(key, translations));
  }
  map.items = (map.items as Pair[]).filter((item) => !found.some(({ pair }) => pair === item));
  return [`moved ${found.map(({ from }) => from).join(' and ')} to ${found.map(({ to }) => `translations.cy.${to}`).join(' and ')}`];
}

export const FROM_1_TRANSLATIONS: Migration = {
  summary: 'the Welsh fields (title_cy, summary_cy, name_cy, official_name_cy) move under translations.cy',
  migrate,
};
