/**
 * Loads and checks a whole content folder in one pass: every file, every field, every reference. The
 * validator script prints what this finds; the Astro content loader builds the site from the records it
 * returns, so both see exactly the same content.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { ORGANISATIONS, recordCollection, type RecordCollectionName } from '../../../schemas/collections.ts';
import { DEFAULT_LICENCE } from '../../../schemas/fields.ts';
import { themesFileSchema, type SynonymConcept, type Theme } from '../../../schemas/vocabulary.ts';
import type { Organisation } from '../../../schemas/organisation.ts';
import { classifyPath, isPathProblem, listFiles, THEMES_FILE, type FoundFile } from '../content-files/files.ts';
import { readContentFile } from '../content-files/read-file.ts';
import type { ContentRecord, HubContent, OrganisationEntry } from '../content-files/types.ts';
import { today as todayDate } from '../freshness.ts';
import { loadReferenceData, UK_REFERENCE_FILES, type ReferenceData } from '../reference-data.ts';
import { DEFAULT_LICENCE_LIST, hubConfigFile, readHubConfig, type HubConfig } from '../hub-config.ts';
import { organisationRegister } from '../organisation-register.ts';
import type { Problem } from './problem.ts';
import { checkBody, checkOrganisation, checkRecord, referenceField, suggestReference, type CheckContext } from './record-checks.ts';
import { readSynonyms } from './synonyms.ts';

export interface ValidateOptions {
  /** The content folder, e.g. ./content. */
  contentDir: string;
  /** Today as YYYY-MM-DD, for freshness warnings; defaults to the real date. */
  today?: string;
  reference?: ReferenceData;
  /** Called as files are checked, for progress on large folders. */
  onProgress?: (done: number, total: number) => void;
  /** The hub's configuration file; by default HUB_CONFIG's, else the one beside the content folder, else the project's (hub-config.ts). */
  configFile?: string;
}

export interface ValidationReport {
  /** Organisation and record files checked. */
  checked: number;
  errors: Problem[];
  warnings: Problem[];
  /** The records and organisations that passed every check. */
  content: HubContent;
  /** The hub's configuration, when it has no errors. */
  config?: HubConfig;
  /** The configuration file that was checked. */
  configFile: string;
  /** The registers the content was checked against: the configuration's licences and service list. */
  reference: ReferenceData;
}

/** Thrown when the validator cannot run at all (a missing folder), as opposed to finding problems. */
export class UsageError extends Error {}

const byPosition = (a: Problem, b: Problem) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);

export function validateContent(options: ValidateOptions): ValidationReport {
  const contentDir = resolve(options.contentDir);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new UsageError(
      `The content folder ${options.contentDir} does not exist. Give the folder ` +
        'that holds organisations/, roadmap/ and the rest, e.g. --content ./content.',
    );
  }
  const today = options.today ?? todayDate();
  // Paths in messages are relative to the content folder's parent, so in a repository they read content/….
  const prefix = relative(dirname(contentDir), contentDir).split('\\').join('/') || basename(contentDir);
  const display = (file: FoundFile) => `${prefix}/${file.relative}`;
  const problems: Problem[] = [];
  const wholeFile = (file: string, problem: Omit<Problem, 'file' | 'line' | 'column' | 'field' | 'severity'>) =>
    problems.push({ severity: 'error', file, line: 1, column: 1, field: '', ...problem });

  // 0. The hub's configuration, shown like content paths (in a repository: hub.config.yaml).
  const configFile = resolve(options.configFile ?? hubConfigFile(contentDir));
  const configRead = readHubConfig(configFile, relative(dirname(contentDir), configFile).split('\\').join('/'));
  problems.push(...configRead.problems);
  // The registers the configuration names; with a broken configuration, the UK hub's, so that the content is still checked.
  const reference = options.reference ?? configRead.reference ?? loadReferenceData(UK_REFERENCE_FILES);

  // 1. What each file is, from its path alone.
  const organisationFiles: { file: FoundFile; id: string }[] = [];
  const recordFiles: {
    file: FoundFile;
    collection: RecordCollectionName;
    organisation: string;
    slug: string;
    id: string;
    extension: string;
  }[] = [];
  let themesFile: FoundFile | undefined;
  let synonymsFile: FoundFile | undefined;
  const seenIds = new Map<string, string>();
  for (const file of listFiles(contentDir)) {
    if (file.type === 'symlink') {
      wholeFile(display(file), {
        rule: 'path/symlink',
        message: 'the file is a symbolic link; the hub reads only real files inside the content folder.',
        fix: 'replace the link with the file itself',
      });
      continue;
    }
    if (file.type !== 'file') {
      wholeFile(display(file), { rule: 'path/unknown-location', message: 'this is not a regular file.', fix: 'remove it' });
      continue;
    }
    const path = classifyPath(file.relative);
    if (isPathProblem(path)) {
      wholeFile(display(file), { rule: path.rule, message: `${path.message}.`, ...(path.fix ? { fix: path.fix } : {}) });
      continue;
    }
    if (path.kind === 'themes') themesFile = file;
    else if (path.kind === 'synonyms') synonymsFile = file;
    else if (path.kind === 'organisation') organisationFiles.push({ file, id: path.id });
    else if (path.kind === 'record') {
      const id = `${path.collection}/${path.organisation}/${path.slug}`;
      const earlier = seenIds.get(id);
      if (earlier) {
        wholeFile(display(file), {
          rule: 'path/duplicate-id',
          message: `this file and ${earlier} both give the id ${id}.`,
          fix: 'keep one of them, or rename one',
        });
        continue;
      }
      seenIds.set(id, display(file));
      recordFiles.push({ file, ...path, id });
    }
  }
  const total = organisationFiles.length + recordFiles.length;
  let done = 0;
  const progress = () => {
    done++;
    if (options.onProgress && (done % 1000 === 0 || done === total)) options.onProgress(done, total);
  };

  // 2. The themes vocabulary, which records are checked against.
  const themes: Theme[] = [];
  let themesReadable = false;
  if (!themesFile) {
    wholeFile(`${prefix}/${THEMES_FILE}`, {
      rule: 'vocabulary/missing',
      message: `${prefix}/${THEMES_FILE} is missing, so no theme can be checked.`,
      fix: 'restore it from the repository',
    });
  } else {
    const read = readContentFile({
      absolute: themesFile.absolute,
      file: display(themesFile),
      format: 'yaml',
      schema: themesFileSchema,
      singular: 'themes file',
    });
    const seen = new Set<string>();
    themesReadable = read.data !== undefined;
    const list = (read.data as { themes: Theme[] } | undefined)?.themes ?? [];
    list.forEach((theme, index) => {
      if (seen.has(theme.id)) {
        read.report({
          rule: 'vocabulary/duplicate',
          path: ['themes', index, 'id'],
          message: `the theme \`${theme.id}\` is defined twice.`,
          found: theme.id,
          fix: 'remove one of them',
        });
      } else {
        seen.add(theme.id);
        themes.push(theme);
      }
    });
    problems.push(...read.problems);
  }

  // The synonym vocabulary, if there is one (search and the overlap engine read it; records are not checked against it).
  let synonyms: SynonymConcept[] = [];
  if (synonymsFile) {
    const read = readSynonyms({ absolute: synonymsFile.absolute, file: display(synonymsFile) });
    synonyms = read.synonyms;
    problems.push(...read.problems);
  }

  // 3. Organisations. Every file counts as an id (so records are not also blamed for a broken organisation file).
  const organisationFlags = new Map(organisationFiles.map(({ id }) => [id, { demonstration: false }]));
  const context: CheckContext = {
    organisations: organisationFlags,
    recordIds: new Set(recordFiles.map((record) => record.id)),
    themeIds: themesReadable ? new Set(themes.map((theme) => theme.id)) : undefined,
    services: reference.services,
    serviceList: configRead.config ? (configRead.config.services ?? 'none') : undefined,
    licences: reference.licences,
    licenceList: configRead.config?.licences ?? DEFAULT_LICENCE_LIST,
    // The configuration's, or the UK hub's when the configuration itself is broken (reported above).
    defaultLicence: reference.licences.get(configRead.config?.defaultLicence ?? DEFAULT_LICENCE)!,
    today,
    // Types and nations are checked against the configuration's lists; when it is broken (reported above), not at all.
    ...(configRead.config ? { register: organisationRegister(configRead.config.organisations) } : {}),
    ...(configRead.config ? { languages: configRead.config.languages } : {}),
  };
  const suggest = (path: readonly PropertyKey[], value: unknown) => suggestReference(referenceField(path), value, context);
  const organisationReads = organisationFiles.map(({ file, id }) => ({
    id,
    file: display(file),
    read: readContentFile({
      absolute: file.absolute,
      file: display(file),
      format: 'yaml',
      schema: ORGANISATIONS.schema,
      singular: ORGANISATIONS.singular,
      suggest,
    }),
  }));
  const gssOwners = new Map<string, string[]>();
  for (const { id, read } of organisationReads) {
    if (read.fields?.demonstration === true) organisationFlags.set(id, { demonstration: true });
    const code = read.fields?.gss_code;
    if (typeof code === 'string') gssOwners.set(code, [...(gssOwners.get(code) ?? []), id]);
  }
  const organisations: OrganisationEntry[] = [];
  for (const { id, file, read } of organisationReads) {
    if (read.fields) {
      checkOrganisation(id, read.fields, context, read.report);
      const others = typeof read.fields.gss_code === 'string' ? gssOwners.get(read.fields.gss_code)!.filter((other) => other !== id) : [];
      if (others.length > 0) {
        read.report({
          rule: 'organisation/gss-duplicate',
          path: ['gss_code'],
          message:
            `\`gss_code\` ${String(read.fields.gss_code)} is also the code ` +
            `of ${others.map((other) => `content/organisations/${other}.yaml`).join(', ')}; each body has its own.`,
          found: String(read.fields.gss_code),
          fix:
            `check the code in ${context.register?.code?.where ?? 'the register it comes from'}; ` +
            'if both files are the same body, keep one',
        });
      }
    }
    problems.push(...read.problems);
    if (read.data && read.problems.every((problem) => problem.severity !== 'error')) {
      organisations.push({ id, file, data: read.data as Organisation });
    }
    progress();
  }

  // 4. Records.
  const records: ContentRecord[] = [];
  for (const record of recordFiles) {
    const collection = recordCollection(record.collection)!;
    const read = readContentFile({
      absolute: record.file.absolute,
      file: display(record.file),
      format: record.extension === '.md' ? 'markdown' : 'yaml',
      schema: collection.schema,
      singular: collection.singular,
      suggest,
    });
    if (read.fields) checkRecord(record, read.fields, context, read.report);
    if (read.body !== undefined) checkBody(read.body, read.bodyOffset, read.reportAt, read.lineAt);
    problems.push(...read.problems);
    if (read.data && read.problems.every((problem) => problem.severity !== 'error')) {
      records.push({
        collection: record.collection,
        organisation: record.organisation,
        slug: record.slug,
        id: record.id,
        file: display(record.file),
        data: read.data,
        ...(read.body !== undefined ? { body: read.body } : {}),
      } as ContentRecord);
    }
    progress();
  }

  problems.sort(byPosition);
  return {
    checked: total,
    errors: problems.filter((problem) => problem.severity === 'error'),
    warnings: problems.filter((problem) => problem.severity === 'warning'),
    content: { organisations, records, themes, synonyms },
    ...(configRead.config ? { config: configRead.config } : {}),
    configFile,
    reference,
  };
}
