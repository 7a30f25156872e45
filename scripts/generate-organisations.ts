/**
 * npm run organisations -- [--register FILE] [--content DIR] [--check]
 *
 * Writes one organisation file for every current body in the local-authority register
 * (data/reference/local-authorities.csv), so that no contributor has to create their council first.
 * Re-run it when the register changes: it updates the fields that come from the register and keeps
 * everything contributors added (maintainers, website, contact, uses, comments). Bodies are matched by
 * GSS code first, so a council that is renamed keeps its id and its records. With --check it writes
 * nothing and exits 1 if any file would change.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Document, isMap, parseDocument } from 'yaml';
import { parseCsvObjects } from '../src/lib/csv.ts';
import { REFERENCE_DIR } from '../src/lib/reference-data.ts';
import { slugify } from '../src/lib/slug.ts';
import type { Organisation } from '../schemas/organisation.ts';

/** The fields this script owns; every other field belongs to contributors and is never touched. */
export const REGISTER_FIELDS = [
  'name',
  'official_name',
  'translations',
  'type',
  'gss_code',
  'local_authority_code',
  'nation',
  'region',
  'county',
  'combined_authority',
] as const satisfies readonly (keyof Organisation)[];

const TYPES: Record<string, Organisation['type']> = {
  county: 'county',
  district: 'district',
  unitary: 'unitary',
  'metropolitan district': 'metropolitan-district',
  'london borough': 'london-borough',
  'city corporation': 'city-corporation',
  'combined authority': 'combined-authority',
  'strategic regional authority': 'strategic-authority',
  'scottish council': 'scottish-council',
  'welsh principal area': 'welsh-principal-area',
  'ni district': 'ni-district',
};

const NATIONS: Record<string, NonNullable<Organisation['nation']>> = {
  England: 'england',
  Scotland: 'scotland',
  Wales: 'wales',
  'Northern Ireland': 'northern-ireland',
};

const ATTRIBUTION = 'Contains data from mySociety (CC BY 4.0) and the GOV.UK local-authority registers (OGL v3.0)';

export type RegisterFields = Pick<Organisation, (typeof REGISTER_FIELDS)[number]>;

/** Maps the register's rows to organisation ids and fields. Throws on a row it cannot map. */
export function registerOrganisations(rows: Record<string, string>[]): Map<string, RegisterFields> {
  const idByCode = new Map(rows.map((row) => [row.local_authority_code, slugify(row.name.trim())]));
  const organisations = new Map<string, RegisterFields>();
  for (const row of rows) {
    const name = row.name.trim();
    const id = slugify(name);
    const type = TYPES[row.type];
    const nation = NATIONS[row.nation];
    if (!type)
      throw new Error(`The register row for ${name} has the type "${row.type}", which this script does not know: add it to TYPES.`);
    if (!nation) throw new Error(`The register row for ${name} has the nation "${row.nation}", which this script does not know.`);
    if (organisations.has(id)) throw new Error(`Two bodies in the register give the id ${id}: add a special case to keep them apart.`);
    const fields: RegisterFields = { name, type, gss_code: row.gss_code, nation };
    const optional: [keyof RegisterFields, string | undefined][] = [
      ['official_name', row.official_name.trim()],
      ['local_authority_code', row.local_authority_code.trim()],
      ['region', row.region.trim()],
      ['county', row.parent_county_code ? idByCode.get(row.parent_county_code) : undefined],
      ['combined_authority', row.combined_authority_code ? idByCode.get(row.combined_authority_code) : undefined],
    ];
    for (const [key, value] of optional) if (value) (fields as unknown as Record<string, string>)[key] = value;
    // The register's Welsh names (22 Welsh councils) are the body's names in the UK hub's other language.
    const welsh = Object.fromEntries(
      [
        ['name', row.name_cy?.trim()],
        ['official_name', row.official_name_cy?.trim()],
      ].filter(([, value]) => value),
    );
    if (Object.keys(welsh).length) fields.translations = { cy: welsh };
    organisations.set(id, fields);
  }
  return organisations;
}

function header(fields: RegisterFields): string {
  return [
    '# yaml-language-server: $schema=../../schemas/json/organisations.schema.json',
    `# ${fields.official_name ?? fields.name}: generated from the local-authority register by npm run organisations.`,
    `# ${ATTRIBUTION}.`,
    '# Re-running the script updates the fields from name to combined_authority and keeps everything else:',
    '# add maintainers, website, github, contact and uses below them.',
    '',
  ].join('\n');
}

/** The file's new text: the register's fields set in place, everything else (and every comment) kept. */
export function mergeOrganisationFile(existing: string | undefined, fields: RegisterFields): string {
  if (existing === undefined) {
    const ordered = Object.fromEntries(REGISTER_FIELDS.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));
    return header(fields) + new Document(ordered).toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  const document = parseDocument(existing);
  if (document.errors.length > 0 || !isMap(document.contents)) {
    throw new Error(
      `cannot update it: it is not valid YAML (${document.errors[0]?.message.split('\n')[0] ?? 'not a set of fields'}). ` +
        `Fix it by hand, then run the script again.`,
    );
  }
  for (const key of REGISTER_FIELDS) {
    if (key === 'translations') mergeWelsh(document, fields.translations?.cy);
    else if (fields[key] === undefined) document.delete(key);
    else if (document.get(key) !== fields[key]) document.set(key, fields[key]);
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The register owns the Welsh names (translations.cy.name and .official_name) and nothing else under
 * translations: another language a contributor adds is theirs, and is kept.
 */
function mergeWelsh(document: Document, welsh: { name?: string; official_name?: string } | undefined): void {
  for (const field of ['name', 'official_name'] as const) {
    const path = ['translations', 'cy', field];
    const value = welsh?.[field];
    if (value === undefined) {
      if (document.hasIn(path)) document.deleteIn(path);
    } else if (document.getIn(path) !== value) document.setIn(path, value);
  }
  // Leave no empty entry behind where the register has no Welsh names.
  for (const path of [['translations', 'cy'], ['translations']]) {
    const left = document.getIn(path);
    if (isMap(left) && left.items.length === 0) document.deleteIn(path);
  }
}

interface Options {
  register: string;
  contentDir: string;
  check: boolean;
}

export function generateOrganisations(
  options: Options,
  log: (line: string) => void = console.log,
): { created: string[]; updated: string[]; unchanged: number; notInRegister: string[] } {
  const rows = parseCsvObjects(readFileSync(options.register, 'utf8'));
  const register = registerOrganisations(rows);
  const folder = join(options.contentDir, 'organisations');
  mkdirSync(folder, { recursive: true });

  // Existing files by GSS code, so that a renamed body keeps its id.
  const existingByGss = new Map<string, string>();
  const existingIds = new Set<string>();
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.yaml')) continue;
    const id = name.slice(0, -'.yaml'.length);
    existingIds.add(id);
    const match = /^gss_code:\s*["']?([EKNSW]\d{8})/m.exec(readFileSync(join(folder, name), 'utf8'));
    if (match) existingByGss.set(match[1], id);
  }

  const created: string[] = [];
  const updated: string[] = [];
  let unchanged = 0;
  const registerIds = new Set<string>();
  for (const [slug, fields] of register) {
    const id = existingByGss.get(fields.gss_code!) ?? slug;
    registerIds.add(id);
    const file = join(folder, `${id}.yaml`);
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    let text: string;
    try {
      text = mergeOrganisationFile(existing, fields);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
    }
    if (text === existing) {
      unchanged++;
      continue;
    }
    (existing === undefined ? created : updated).push(id);
    if (!options.check) writeFileSync(file, text);
  }
  const notInRegister = [...existingIds].filter(
    (id) =>
      !registerIds.has(id) &&
      /^gss_code:/m.test(readFileSync(join(folder, `${id}.yaml`), 'utf8')) &&
      !/^demonstration:\s*true/m.test(readFileSync(join(folder, `${id}.yaml`), 'utf8')),
  );

  const verb = options.check ? 'would be ' : '';
  log(
    `${register.size} bodies in the register: ${created.length} ${verb}created, ${updated.length} ${verb}updated, ${unchanged} unchanged.`,
  );
  const changed = [...created, ...updated];
  // Listing every file is noise on a first run; a handful is worth reading.
  if (changed.length <= 20) for (const id of changed) log(`  ${created.includes(id) ? 'new' : 'changed'}: ${join(folder, `${id}.yaml`)}`);
  if (notInRegister.length) {
    log(`${notInRegister.length} organisation file(s) have a GSS code that is no longer in the register: ${notInRegister.join(', ')}.`);
    log('  They are kept, with their records. If a body was abolished, say so in its summary and point to its successor.');
  }
  return { created, updated, unchanged, notInRegister };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { register: { type: 'string' }, content: { type: 'string' }, check: { type: 'boolean' } },
    strict: true,
  });
  try {
    const result = generateOrganisations({
      register: resolve(values.register ?? join(REFERENCE_DIR, 'local-authorities.csv')),
      contentDir: resolve(values.content ?? process.env.HUB_CONTENT_DIR ?? 'content'),
      check: values.check ?? false,
    });
    if (values.check && result.created.length + result.updated.length > 0) {
      console.error('The organisation files are not current with the register: run npm run organisations and commit the result.');
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`organisations: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
