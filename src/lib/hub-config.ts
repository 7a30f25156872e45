/**
 * The hub's configuration (schemas/hub-config.ts), read from hub.config.yaml or the file HUB_CONFIG names,
 * checked as content is checked, and read once per process. The only place that reads HUB_CONFIG, and the
 * repository overrides below.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { hubConfigSchema, type HubConfig } from '../../schemas/hub-config.ts';
import type { Licence } from '../../schemas/reference.ts';
import { readContentFile } from './content-files/read-file.ts';
import { problemLines } from './validation/format.ts';
import type { Problem } from './validation/problem.ts';

export type { HubConfig };

/** The configuration file: HUB_CONFIG if set, else hub.config.yaml, each relative to the working folder (the project's). */
export function hubConfigFile(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.HUB_CONFIG || 'hub.config.yaml');
}

export interface HubConfigRead {
  /** The configuration, when it has no errors. */
  config?: HubConfig;
  problems: Problem[];
}

/**
 * Reads and checks a configuration file against the schema and the licences the hub knows. `shown` is its
 * path in messages (by default relative to the working folder).
 */
export function readHubConfig(
  file: string,
  licences: ReadonlyMap<string, Licence>,
  shown = relative(process.cwd(), file).split('\\').join('/') || file,
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
  if (config) {
    const licence = licences.get(config.defaultLicence);
    if (!licence) {
      read.report({
        rule: 'config/licence',
        path: ['defaultLicence'],
        message: `the default licence \`${config.defaultLicence}\` is not in data/reference/licences.csv.`,
        found: config.defaultLicence,
        fix: `use one of its ids, e.g. ${[...licences.values()]
          .filter((known) => known.open)
          .slice(0, 3)
          .map((known) => known.id)
          .join(', ')}`,
      });
    } else if (!licence.open) {
      read.report({
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
  const problems = read.problems;
  return problems.some((problem) => problem.severity === 'error') ? { problems } : { config: config!, problems };
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

const loaded = new Map<string, HubConfig>();

/**
 * The configuration for this process, read once: throws HubConfigError, which says what to fix, when it
 * cannot be used.
 */
export function loadHubConfig(licences: ReadonlyMap<string, Licence>, env: Record<string, string | undefined> = process.env): HubConfig {
  const file = hubConfigFile(env);
  let config = loaded.get(file);
  if (!config) {
    const read = readHubConfig(file, licences);
    if (!read.config) throw new HubConfigError(read.problems);
    config = read.config;
    loaded.set(file, config);
  }
  return withRepositoryFromEnvironment(config, env);
}
