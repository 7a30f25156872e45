/**
 * What the importers need from a content folder (its organisations' names, its themes, the reference
 * registers), and the check of every record before it is written: each planned file goes through the
 * validator's own steps (readContentFile with the collection's schema, then checkRecord and checkBody)
 * with the references of the content folder, so an imported record passes npm run validate exactly
 * when this finds no error. Reading the whole folder is not needed: imported records refer only to
 * their organisation, themes and licence.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordCollection } from '../../../schemas/collections.ts';
import { themesFileSchema, type Theme } from '../../../schemas/vocabulary.ts';
import { classifyPath, isPathProblem, THEMES_FILE } from '../content-files/files.ts';
import { MAX_FILE_BYTES, readContentFile } from '../content-files/read-file.ts';
import { decodeUtf8 } from '../content-files/text.ts';
import { parseYaml } from '../content-files/yaml.ts';
import { today } from '../freshness.ts';
import type { ReferenceData } from '../reference-data.ts';
import type { Problem } from '../validation/problem.ts';
import { checkBody, checkRecord, referenceField, suggestReference, type CheckContext } from '../validation/record-checks.ts';
import type { OrganisationName, ThemeTerm } from './types.ts';
import { DEFAULT_LICENCE_LIST, loadHubConfig, loadHubReference } from '../hub-config.ts';
import { organisationRegister } from '../organisation-register.ts';

export interface Hub {
  contentDir: string;
  organisations: OrganisationName[];
  themes: ThemeTerm[];
  /** Why the themes could not be read, if they could not (no theme is then matched). */
  themesProblem?: string;
  reference: ReferenceData;
  context: CheckContext;
}

/** The ids of the organisations in a content folder: the names of content/organisations/*.yaml. */
export function organisationIds(contentDir: string): string[] {
  const folder = join(contentDir, 'organisations');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length));
}

/** An organisation file's names and whether it is a demonstration body; a file that cannot be read gives its id alone. */
function organisationName(contentDir: string, id: string): OrganisationName {
  const file = join(contentDir, 'organisations', `${id}.yaml`);
  try {
    if (statSync(file).size > MAX_FILE_BYTES) return { id, name: id, demonstration: false };
    const decoded = decodeUtf8(readFileSync(file));
    if (!decoded.ok) return { id, name: id, demonstration: false };
    const value = parseYaml(decoded.text).value as Record<string, unknown> | undefined;
    return {
      id,
      name: typeof value?.name === 'string' ? value.name : id,
      ...(typeof value?.official_name === 'string' ? { official_name: value.official_name } : {}),
      demonstration: value?.demonstration === true,
    };
  } catch {
    return { id, name: id, demonstration: false };
  }
}

/** The content folder as the importers need it, with the registers the hub's configuration names (or those given). */
export function loadHub(contentDir: string, reference: ReferenceData = loadHubReference(contentDir)): Hub {
  const config = loadHubConfig(contentDir);
  const organisations = organisationIds(contentDir).map((id) => organisationName(contentDir, id));
  let themes: Theme[] = [];
  let themesProblem: string | undefined;
  const themesFile = join(contentDir, THEMES_FILE);
  if (!existsSync(themesFile)) themesProblem = `${THEMES_FILE} is missing`;
  else {
    const read = readContentFile({
      absolute: themesFile,
      file: THEMES_FILE,
      format: 'yaml',
      schema: themesFileSchema,
      singular: 'themes file',
    });
    if (read.data) themes = (read.data as { themes: Theme[] }).themes;
    else themesProblem = `${THEMES_FILE} could not be read (run npm run validate to see why)`;
  }
  return {
    contentDir,
    organisations,
    themes: themes.map(({ id, label }) => ({ id, label })),
    ...(themesProblem ? { themesProblem } : {}),
    reference,
    context: {
      organisations: new Map(organisations.map((organisation) => [organisation.id, { demonstration: organisation.demonstration }])),
      recordIds: new Set(),
      themeIds: themesProblem ? undefined : new Set(themes.map((theme) => theme.id)),
      services: reference.services,
      serviceList: config.services ?? 'none',
      licences: reference.licences,
      licenceList: config.licences ?? DEFAULT_LICENCE_LIST,
      defaultLicence: reference.licences.get(config.defaultLicence),
      today: today(),
      register: organisationRegister(config.organisations),
      languages: config.languages,
    },
  };
}

export interface PlannedFile {
  /** The file's path in the content folder: components/fenmoor/x.md. */
  relative: string;
  /** The path shown in messages, e.g. content/components/fenmoor/x.md. */
  display: string;
  text: string;
}

/**
 * Checks files as the validator would check them in the content folder, without writing into it: each
 * goes to a temporary folder and through the validator's reading and record checks. Returns the
 * problems (errors and warnings) of each file, by its display path.
 */
export function checkPlannedFiles(files: readonly PlannedFile[], hub: Hub): Map<string, Problem[]> {
  const results = new Map<string, Problem[]>();
  const scratch = mkdtempSync(join(tmpdir(), 'council-commons-import-'));
  const context: CheckContext = {
    ...hub.context,
    recordIds: new Set([...hub.context.recordIds, ...files.map((file) => file.relative.replace(/\.(?:md|yaml)$/, ''))]),
  };
  const suggest = (path: readonly PropertyKey[], value: unknown) => suggestReference(referenceField(path), value, context);
  try {
    for (const file of files) {
      const problems: Problem[] = [];
      results.set(file.display, problems);
      const path = classifyPath(file.relative);
      if (isPathProblem(path)) {
        problems.push({
          severity: 'error',
          rule: path.rule,
          file: file.display,
          line: 1,
          column: 1,
          field: '',
          message: `${path.message}.`,
          ...(path.fix ? { fix: path.fix } : {}),
        });
        continue;
      }
      if (path.kind !== 'record') continue;
      const absolute = join(scratch, file.relative);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, file.text);
      const collection = recordCollection(path.collection)!;
      const read = readContentFile({
        absolute,
        file: file.display,
        format: path.extension === '.md' ? 'markdown' : 'yaml',
        schema: collection.schema,
        singular: collection.singular,
        suggest,
      });
      const identity = {
        collection: path.collection,
        organisation: path.organisation,
        slug: path.slug,
        id: `${path.collection}/${path.organisation}/${path.slug}`,
      };
      if (read.fields) checkRecord(identity, read.fields, context, read.report);
      if (read.body !== undefined) checkBody(read.body, read.bodyOffset, read.reportAt, read.lineAt);
      problems.push(...read.problems);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}
