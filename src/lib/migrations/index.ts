/**
 * Migrations of the content model: what `npm run migrate -- --from <major>` runs after a major change
 * (schemas/version.ts) renames or removes a field. Each is registered under the major version it migrates
 * FROM, and is a function over one file's YAML, as a `yaml` Document: changing the Document's nodes in place,
 * rather than rewriting plain data, is what keeps a file's comments, key order and quoting. It returns what it
 * changed, in words, so that a file it has nothing to do for is left alone, byte for byte.
 *
 * To add one, see CONTRIBUTING.md ("Versions of the content model") and CONTENT-MODEL-CHANGELOG.md.
 */
import { Document, isMap, isNode, isScalar, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { ContentPath } from '../content-files/files.ts';
import { splitFrontMatter } from '../content-files/text.ts';
import { FROM_1_TRANSLATIONS } from './from-1-translations.ts';

/** What a file is (its path says it: src/lib/content-files/files.ts), so a migration can change only some kinds. */
export type MigratedFile = Exclude<ContentPath, { kind: 'readme' }>;

export interface Migration {
  /** One line for the output and the changelog: "languages becomes a list". */
  summary: string;
  /** Changes the Document in place; returns what it changed (empty when the file needs nothing). */
  migrate: (document: Document, file: MigratedFile) => string[];
}

/** Every migration, by the major version it migrates from: the one from 1 turns version 1 files into version 2. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map([[1, FROM_1_TRANSLATIONS]]);

/**
 * Renames a top-level field where it stands, keeping its value, its comments and the order of the fields.
 * What a migration for a renamed field calls.
 */
export function renameField(document: Document, from: string, to: string): string[] {
  const map = document.contents;
  if (!isMap(map)) return [];
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === from);
  if (!pair || !isScalar(pair.key)) return [];
  pair.key.value = to;
  return [`renamed ${from} to ${to}`];
}

export type MigrateResult = { text: string; changes: string[] } | { error: string };

const PARSE = { version: '1.2', schema: 'core', merge: false, uniqueKeys: false } as const;
// As people write it here: no line folded that the file did not fold, and [a, b] rather than [ a, b ].
const WRITE = { lineWidth: 0, flowCollectionPadding: false } as const;

/** One top-level field alone as YAML; without the comment lines above it, which belong to the gap before it. */
function pairYaml(pair: Pair, withCommentBefore = false): string {
  const copy = pair.clone();
  if (!withCommentBefore && isNode(copy.key)) {
    copy.key.commentBefore = undefined;
    copy.key.spaceBefore = undefined;
  }
  const document = new Document(null, PARSE);
  document.contents = new YAMLMap();
  document.contents.items.push(copy);
  return document.toString(WRITE);
}

const valueYaml = (pair: Pair) => pairYaml(new Pair('field', isNode(pair.value) ? pair.value.clone() : pair.value));

/** A field's name as YAML writes it (quoted only if it must be). */
function keyYaml(key: Scalar): string {
  const document = new Document(null, PARSE);
  document.contents = new Scalar(key.value);
  return document.toString(WRITE).trimEnd();
}

const keyOf = (pair: Pair) => (isScalar(pair.key) ? pair.key.value : undefined);

/**
 * The migrated YAML, written field by field. The `yaml` package keeps comments and key order, but writes a
 * value again from scratch: a folded summary would come back as one long line. So every top-level field the
 * migration left as it was is copied from the file as it stands, with the comments and blank lines before
 * it; a renamed field gets its new name in front of its old text; only a field whose value changed, or a
 * new one, is written by the package. Undefined if the file's top level is not a block mapping with a
 * position for every field (the caller then writes the whole Document).
 */
function splice(source: string, original: Document, migrated: Document): string | undefined {
  const before = original.contents;
  const after = migrated.contents;
  if (!isMap(before) || !isMap(after) || before.flow) return undefined;
  const spans: { lead: string; own: string; keyLength: number }[] = [];
  let cursor = 0;
  for (const pair of before.items as Pair[]) {
    const keyRange = isNode(pair.key) ? pair.key.range : undefined;
    const end = (isNode(pair.value) ? pair.value.range : keyRange)?.[2];
    if (!keyRange || end === undefined || keyRange[0] < cursor) return undefined;
    spans.push({ lead: source.slice(cursor, keyRange[0]), own: source.slice(keyRange[0], end), keyLength: keyRange[1] - keyRange[0] });
    cursor = end;
  }
  const tail = source.slice(cursor);
  const originals = before.items as Pair[];
  const used = new Set<number>();
  // Each field now is matched with the field it was: by name, else (a renamed field) by its value.
  const matches = (after.items as Pair[]).map((pair) => {
    const byName = originals.findIndex((old, index) => !used.has(index) && keyOf(old) === keyOf(pair));
    if (byName !== -1) used.add(byName);
    return byName;
  });
  for (const [index, pair] of (after.items as Pair[]).entries()) {
    if (matches[index] !== -1) continue;
    const value = valueYaml(pair);
    const byValue = originals.findIndex((old, at) => !used.has(at) && valueYaml(old) === value);
    if (byValue !== -1) used.add(byValue);
    matches[index] = byValue;
  }
  let text = '';
  for (const [index, pair] of (after.items as Pair[]).entries()) {
    const match = matches[index];
    if (match === -1) {
      text += pairYaml(pair, true);
      continue;
    }
    const old = originals[match];
    const span = spans[match];
    if (pairYaml(pair) === pairYaml(old)) text += span.lead + span.own;
    else if (isScalar(pair.key) && valueYaml(pair) === valueYaml(old))
      text += span.lead + keyYaml(pair.key) + span.own.slice(span.keyLength);
    else text += span.lead + pairYaml(pair);
  }
  return text + tail;
}

/**
 * One file's text after the migration: the YAML file, or a Markdown file's front matter (its body kept as
 * it is). The same text when the migration changed nothing. Line ends are kept as the file had them.
 */
export function migrateText(text: string, file: MigratedFile, migration: Migration, markdown: boolean): MigrateResult {
  let yaml = text;
  let before = '';
  let after = '';
  if (markdown) {
    const split = splitFrontMatter(text);
    if ('error' in split) return { error: split.error };
    yaml = split.yaml;
    before = text.slice(0, split.yamlOffset);
    after = text.slice(split.yamlOffset + split.yaml.length);
  }
  const original = parseDocument(yaml, PARSE);
  if (original.errors.length) return { error: `the YAML could not be read (${original.errors[0].message.split('\n')[0]})` };
  const migrated = original.clone();
  const changes = migration.migrate(migrated, file);
  if (!changes.length) return { text, changes };
  let written = splice(yaml, original, migrated) ?? migrated.toString(WRITE);
  if (yaml.includes('\r\n')) written = written.replace(/\r?\n/g, '\r\n');
  return { text: before + written + after, changes };
}
