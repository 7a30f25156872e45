/**
 * npm run schemas -- [--check]
 *
 * Writes what is derived from the zod schemas: draft-07 JSON Schema for every record type and the hub's
 * configuration (hub.config.yaml) into
 * schemas/json/ (so editors using yaml-language-server, such as VS Code's YAML extension, autocomplete
 * and check records as people type), and the field and rule reference in CONTRIBUTING.md. With --check
 * it writes nothing and exits 1 if a committed file is stale.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ORGANISATIONS, RECORD_COLLECTIONS } from '../schemas/collections.ts';
import { hubConfigSchema } from '../schemas/hub-config.ts';
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
  ];
  const files = new Map<string, string>();
  for (const [name, schema] of sources) {
    const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' });
    if (name === ORGANISATIONS.name) withConfiguredWords(json);
    files.set(`${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`);
  }
  return files;
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
