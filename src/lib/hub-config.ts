/**
 * The hub's configuration (schemas/hub-config.ts): the file HUB_CONFIG names, else the hub.config.yaml
 * beside the content folder (in a repository, at its root, so a pull request that changes it is checked
 * with its own), else the project's. The validator checks it as it checks content, against the licences
 * too; the build reads it once per process. The only place that reads HUB_CONFIG, and the repository
 * overrides below.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hubConfigSchema, type HubConfig } from '../../schemas/hub-config.ts';
import type { Licence } from '../../schemas/reference.ts';
import type { UiText } from '../../schemas/ui-text.ts';
import { compiledPattern } from './organisation-register.ts';
import {
  loadLicences,
  loadReferenceData,
  loadServices,
  ReferenceFileError,
  referenceFilesOf,
  serviceSchemeOf,
  type ReferenceData,
} from './reference-data.ts';
import { readContentFile } from './content-files/read-file.ts';
import { readUiText } from './ui-text.ts';
import { problemLines } from './validation/format.ts';
import type { Problem } from './validation/problem.ts';

export type { HubConfig };

/**
 * The project's own configuration. Astro's bundled pages run from another folder, where this address
 * leads nowhere: npm run build names the file in HUB_CONFIG for them, and a bare astro build, run from
 * the project, finds it in the working folder.
 */
function projectConfigFile(): string {
  const beside = fileURLToPath(new URL('../../hub.config.yaml', import.meta.url));
  return existsSync(beside) ? beside : resolve('hub.config.yaml');
}

/** The licence list a configuration that names none gets, as messages name it (see reference-data.ts). */
export const DEFAULT_LICENCE_LIST = 'data/reference/licences.csv';

/** The configuration file for a content folder (see above); a relative HUB_CONFIG is from the working folder. */
export function hubConfigFile(contentDir: string, env: Record<string, string | undefined> = process.env): string {
  if (env.HUB_CONFIG) return resolve(env.HUB_CONFIG);
  const beside = join(dirname(resolve(contentDir)), 'hub.config.yaml');
  return existsSync(beside) ? beside : projectConfigFile();
}

export interface HubConfigRead {
  /** The configuration, when it has no errors. */
  config?: HubConfig;
  /** The UI text of its main language (src/lib/ui-text.ts), when the configuration has no errors. */
  uiText?: UiText;
  /** The registers it names (its licences and service list), when they could be read. */
  reference?: ReferenceData;
  problems: Problem[];
}

/**
 * Reads and checks a configuration file against the schema, then (unless `registers` is false) reads the
 * registers it names and checks its default licence against them. `shown` is its path in messages (by
 * default relative to the working folder).
 */
export function readHubConfig(
  file: string,
  shown = relative(process.cwd(), file).split('\\').join('/') || file,
  { registers = true }: { registers?: boolean } = {},
): HubConfigRead {
  if (!existsSync(file)) {
    return {
      problems: [
        {
          severity: 'error',
          rule: 'config/missing',
          file: shown,
          line: 1,
          column: 1,
          field: '',
          message: `the hub's configuration file ${shown} does not exist.`,
          fix: 'restore hub.config.yaml from the repository, or set HUB_CONFIG to the path of your own configuration',
        },
      ],
    };
  }
  const read = readContentFile({ absolute: file, file: shown, format: 'yaml', schema: hubConfigSchema, singular: 'hub configuration' });
  const config = read.data as HubConfig | undefined;
  let reference: ReferenceData | undefined;
  if (config) checkOrganisations(config, read.report);
  if (config) checkLanguages(config, read.report);
  if (config && registers) {
    const files = referenceFilesOf(config, file);
    // Each register on its own, so that a broken service list still lets the licence be checked.
    let licences: ReadonlyMap<string, Licence> | undefined;
    let services: ReferenceData['services'] | undefined = new Map();
    try {
      licences = loadLicences(files.licences);
    } catch (error) {
      read.report({ rule: 'config/file', path: ['licences'], ...unreadable(error, config.licences ?? files.licences) });
    }
    if (files.services) {
      try {
        services = loadServices(files.services);
      } catch (error) {
        services = undefined;
        read.report({ rule: 'config/file', path: ['services', 'file'], ...unreadable(error, config.services!.file) });
      }
    }
    if (licences) {
      checkDefaultLicence(config, licences, read.report);
      if (services) {
        reference = {
          services,
          licences,
          ...(config.services ? { serviceScheme: serviceSchemeOf(config.services) } : {}),
        };
      }
    }
  }
  // The UI text files are the configuration's too: a mistake in one stops the build as one here does.
  const ui = config ? readUiText(config, file, shown) : undefined;
  const problems = [...read.problems, ...(ui?.problems ?? [])];
  return problems.some((problem) => problem.severity === 'error')
    ? { problems }
    : { config: config!, uiText: ui!.text, problems, ...(reference ? { reference } : {}) };
}

type Report = ReturnType<typeof readContentFile>['report'];

/** What to say about a register that could not be read. */
function unreadable(error: unknown, path: string) {
  if (!(error instanceof ReferenceFileError)) throw error;
  return {
    message: `${error.message}.`,
    found: path,
    fix: 'correct the path (it is read from the folder this configuration file is in) or the file',
  };
}

function checkDefaultLicence(config: HubConfig, licences: ReadonlyMap<string, Licence>, report: Report) {
  const licence = licences.get(config.defaultLicence);
  if (!licence) {
    report({
      rule: 'config/licence',
      path: ['defaultLicence'],
      message:
        `the default licence \`${config.defaultLicence}\` is not in the licence list, ` + `${config.licences ?? DEFAULT_LICENCE_LIST}.`,
      found: config.defaultLicence,
      fix: `use one of its ids, e.g. ${[...licences.values()]
        .filter((known) => known.open)
        .slice(0, 3)
        .map((known) => known.id)
        .join(', ')}`,
    });
  } else if (!licence.open) {
    report({
      rule: 'config/licence',
      path: ['defaultLicence'],
      message:
        `the default licence \`${config.defaultLicence}\` (${licence.name}) is not an open licence, ` +
        'and everything on the hub is open.',
      found: config.defaultLicence,
      fix: 'choose an open licence, such as OGL-UK-3.0 or CC-BY-4.0',
    });
  }
}

/** Each language once: the same code twice would leave a record's translation under it ambiguous. */
function checkLanguages(config: HubConfig, report: Report) {
  const seen = new Set<string>();
  config.languages.forEach((language, index) => {
    const code = language.code.toLowerCase();
    if (seen.has(code)) {
      report({
        rule: 'config/duplicate',
        path: ['languages', index, 'code'],
        message: `the language \`${language.code}\` is listed twice under languages.`,
        found: language.code,
        fix: 'remove one of them',
      });
    }
    seen.add(code);
  });
}

/**
 * The organisation register's words (organisations): each type and nation id once, a code pattern that is
 * a regular expression its own example matches, and a code for registered types to carry.
 */
function checkOrganisations(config: HubConfig, report: Report) {
  const { types, nations, code } = config.organisations;
  for (const [list, items] of [
    ['types', types],
    ['nations', nations],
  ] as const) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        report({
          rule: 'config/duplicate',
          path: ['organisations', list, index, 'id'],
          message: `the ${list === 'types' ? 'type' : 'nation'} \`${item.id}\` is listed twice under organisations.${list}.`,
          found: item.id,
          fix: 'remove one of them, or give it another id',
        });
      }
      seen.add(item.id);
    });
  }
  if (code) {
    const regex = compiledPattern(code.pattern);
    if (!regex) {
      report({
        rule: 'config/pattern',
        path: ['organisations', 'code', 'pattern'],
        message: `the code pattern \`${code.pattern}\` is not a regular expression JavaScript can read.`,
        found: code.pattern,
        fix: "write it as a JavaScript regular expression between quotes, from ^ to $, e.g. '^[EKNSW]\\d{8}$'",
      });
    } else if (!regex.test(code.example)) {
      report({
        rule: 'config/pattern',
        path: ['organisations', 'code', 'example'],
        message: `the example code ${code.example} does not match the pattern \`${code.pattern}\`.`,
        found: code.example,
        fix: 'correct the example or the pattern, so that a real code matches it',
      });
    }
  } else {
    const index = types.findIndex((type) => type.registered === true);
    if (index >= 0) {
      report({
        rule: 'config/code',
        path: ['organisations', 'types', index, 'registered'],
        message: `the type \`${types[index].id}\` is registered, but organisations.code does not say what code registered bodies carry.`,
        found: 'true',
        fix: 'add organisations.code (its name, pattern, format, example and where to find it), or remove registered: true',
      });
    }
  }
}

/** A configuration that cannot be used, with its problems said as the validator says them. */
export class HubConfigError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `The hub's configuration has ${problems.length === 1 ? 'an error' : `${problems.length} errors`}, ` +
        `so nothing was checked or built:\n\n${problemLines(problems).join('\n')}\n\nFix it, then run the command again.`,
    );
    this.name = 'HubConfigError';
    this.problems = problems;
  }
}

/**
 * Where the hub's repository is for a build: GitHub Actions sets GITHUB_REPOSITORY, so a fork built there
 * links to itself; HUB_REPOSITORY and HUB_BRANCH override the configuration for a build elsewhere.
 */
export function withRepositoryFromEnvironment(config: HubConfig, env: Record<string, string | undefined> = process.env): HubConfig {
  const github = env.HUB_REPOSITORY || env.GITHUB_REPOSITORY || config.repository.github;
  const branch = env.HUB_BRANCH || config.repository.branch;
  return { ...config, repository: { github, branch } };
}

const loaded = new Map<string, { config: HubConfig; uiText: UiText }>();

/**
 * A configuration file's configuration and UI text, read and checked once per process. Its registers are
 * not read here: Astro's pages, which need only the configuration, are handed the registers by npm run
 * build, which has checked them (loadHubReference reads them where they are wanted).
 */
function loadOnce(file: string): { config: HubConfig; uiText: UiText } {
  let entry = loaded.get(file);
  if (!entry) {
    const read = readHubConfig(file, undefined, { registers: false });
    if (!read.config) throw new HubConfigError(read.problems);
    entry = { config: read.config, uiText: read.uiText! };
    loaded.set(file, entry);
  }
  return entry;
}

/** The UI text of the configuration for a content folder (src/lib/ui-text.ts), read once per process. */
export function loadUiText(contentDir: string, env: Record<string, string | undefined> = process.env): UiText {
  return loadOnce(hubConfigFile(contentDir, env)).uiText;
}

/**
 * The configuration for a content folder, read once per process, with the repository overrides of the
 * environment: throws HubConfigError, which says what to fix, when it cannot be used.
 */
export function loadHubConfig(contentDir: string, env: Record<string, string | undefined> = process.env): HubConfig {
  return withRepositoryFromEnvironment(loadOnce(hubConfigFile(contentDir, env)).config, env);
}

/**
 * The registers the configuration for a content folder names (its licences and service list), read once
 * per process: throws HubConfigError, which says what to fix, when one cannot be read.
 */
export function loadHubReference(contentDir: string, env: Record<string, string | undefined> = process.env): ReferenceData {
  const file = hubConfigFile(contentDir, env);
  try {
    return loadReferenceData(referenceFilesOf(loadOnce(file).config, file));
  } catch (error) {
    if (!(error instanceof ReferenceFileError)) throw error;
    // Said as the validator says it: the configuration's line and field, and the fix.
    throw new HubConfigError(readHubConfig(file).problems);
  }
}
