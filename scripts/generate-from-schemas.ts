/**
 * npm run schemas -- [--check]
 *
 * Writes what is derived from the zod schemas: draft-07 JSON Schema for every record type and the hub's
 * configuration (hub.config.yaml) into
 * schemas/json/ (so editors using yaml-language-server, such as VS Code's YAML extension, autocomplete
 * and check records as people type), and the field and rule reference in CONTRIBUTING.md. With --check
 * it writes nothing and exits 1 if a committed file is stale.
 *
 * Each JSON Schema names the content model's version (schemas/version.ts) twice: in its `$id`, as the
 * relative reference v<major>/<name>.schema.json, and in its `$comment`, in full. The committed copy cannot
 * carry an absolute `$id`, because the address depends on where each hub (or fork) is published (HUB_SITE,
 * HUB_BASE); the published copy at /schemas/v<major>/<name>.schema.json carries the absolute one
 * (src/lib/schema-version.ts). A relative `$id` is harmless to editors: no schema refers outside itself (its
 * `$ref`s all begin with #, which a test checks), so nothing is ever looked up at the address it resolves to.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ORGANISATIONS, RECORD_COLLECTIONS } from '../schemas/collections.ts';
import { hubConfigSchema } from '../schemas/hub-config.ts';
import { uiTextSchema } from '../schemas/ui-text.ts';
import { CONTENT_MODEL_CHANGELOG, CONTENT_MODEL_VERSION, versionedSchemaPath } from '../schemas/version.ts';
import { synonymsFileSchema, themesFileSchema } from '../schemas/vocabulary.ts';
import { fieldReference, replaceBetweenMarkers, ruleReference } from '../src/lib/field-reference.ts';
import { loadHubConfig } from '../src/lib/hub-config.ts';

export const JSON_SCHEMA_DIR = fileURLToPath(new URL('../schemas/json/', import.meta.url));

/** The JSON Schema files, by file name, as they should be committed. */
export function jsonSchemaFiles(): Map<string, string> {
  const sources: [string, z.ZodType][] = [
    [ORGANISATIONS.name, ORGANISATIONS.schema],
    ...RECORD_COLLECTIONS.map((collection) => [collection.name, collection.schema] as [string, z.ZodType]),
    ['themes', themesFileSchema],
    ['synonyms', synonymsFileSchema],
    ['hub-config', hubConfigSchema],
    ['ui-text', uiTextSchema],
  ];
  const files = new Map<string, string>();
  for (const [name, schema] of sources) {
    const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' });
    if (name === ORGANISATIONS.name) withConfiguredWords(json);
    const { $schema, ...rest } = json;
    // $schema, $id and $comment first, where people reading the file look for them.
    const versioned = { $schema, $id: relativeSchemaId(name), $comment: versionComment(), ...rest };
    files.set(`${name}.schema.json`, `${JSON.stringify(versioned, null, 2)}\n`);
  }
  return files;
}

/** The `$id` of the committed copy: the versioned address, relative to the folder the schemas are published in. */
export function relativeSchemaId(name: string): string {
  return versionedSchemaPath(name).replace(/^schemas\//, '');
}

function versionComment(): string {
  return `Council Commons content model ${CONTENT_MODEL_VERSION}. What changed between versions: ${CONTENT_MODEL_CHANGELOG}.`;
}

/**
 * The organisation schema leaves types, nations and the official code to the hub's configuration (the
 * project's hub.config.yaml, whatever HUB_CONFIG says, since these files are committed with it): they are
 * written into its JSON Schema here, so that editors still offer the types and nations as people type.
 */
function withConfiguredWords(json: Record<string, unknown>): void {
  const { organisations } = loadHubConfig(fileURLToPath(new URL('../content', import.meta.url)), {});
  const properties = json.properties as Record<string, Record<string, unknown>>;
  const listed = (items: readonly { id: string; label: string }[]) => ({
    enum: items.map((item) => item.id),
    // yaml-language-server shows these beside each value it offers.
    markdownEnumDescriptions: items.map((item) => item.label),
  });
  Object.assign(properties.type, listed(organisations.types));
  if (organisations.nations.length) Object.assign(properties.nation, listed(organisations.nations));
  const code = organisations.code;
  if (code) {
    Object.assign(properties.gss_code, {
      title: code.name,
      description: `The body’s ${code.name}: ${code.format}. Find it in ${code.where}. Required for registered types.`,
      examples: [code.example],
      pattern: code.pattern,
    });
  }
}

export const CONTRIBUTING = fileURLToPath(new URL('../CONTRIBUTING.md', import.meta.url));

/** CONTRIBUTING.md with its generated sections brought up to date. */
export function contributingGuide(current: string): string {
  return replaceBetweenMarkers(replaceBetweenMarkers(current, 'fields', fieldReference()), 'rules', ruleReference());
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' } }, strict: true });
  mkdirSync(JSON_SCHEMA_DIR, { recursive: true });
  const stale: string[] = [];
  const files = new Map([...jsonSchemaFiles()].map(([name, text]) => [`${JSON_SCHEMA_DIR}${name}`, text]));
  files.set(CONTRIBUTING, contributingGuide(readFileSync(CONTRIBUTING, 'utf8')));
  for (const [path, text] of files) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    stale.push(name);
    if (!values.check) writeFileSync(path, text);
  }
  if (values.check && stale.length) {
    console.error(`These files are out of date with schemas/: ${stale.join(', ')}. Run npm run schemas and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(stale.length ? `Wrote ${stale.join(', ')}.` : 'schemas/json/ and CONTRIBUTING.md are up to date.');
  }
}
