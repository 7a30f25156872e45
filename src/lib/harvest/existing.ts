/**
 * What the content folder already holds that the harvest must respect: an organisation's components and
 * datasets (with who owns each: the harvest, when harvested_from is set, or people), every component's
 * repository (to recognise forks of hub components), and organisations' files with their sources.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordCollection } from '../../../schemas/collections.ts';
import { organisationSchema, type Organisation } from '../../../schemas/organisation.ts';
import { MAX_FILE_BYTES, readContentFile } from '../content-files/read-file.ts';

export type HarvestCollection = 'components' | 'datasets';

export interface ExistingRecord {
  /** Relative to the content folder: components/hackney/bin-day-finder.md. */
  path: string;
  collection: HarvestCollection;
  slug: string;
  text: string;
  title?: string;
  /** Set when the harvest owns the record. */
  harvestedFrom?: string;
  harvestedOn?: string;
  /** What a person's record may already describe: its repository (components) or landing page (datasets). */
  repositoryUrl?: string;
  landingUrl?: string;
}

/** An address as the harvest compares addresses: no trailing slash or .git, GitHub's names in any case. */
export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const plain = (address: string) =>
    address
      .trim()
      .replace(/\.git$/i, '')
      .replace(/\/+$/, '')
      .toLowerCase();
  return plain(a) === plain(b);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One record file's fields, or undefined when it cannot be read (it is then left alone, as a person's). */
function readRecord(contentDir: string, collection: HarvestCollection, organisation: string, name: string): ExistingRecord | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(md|yaml)$/.exec(name);
  if (!match) return undefined;
  const path = `${collection}/${organisation}/${name}`;
  const absolute = join(contentDir, path);
  const definition = recordCollection(collection)!;
  let fileText: string;
  try {
    const bytes = readFileSync(absolute);
    if (bytes.length > MAX_FILE_BYTES) return { path, collection, slug: match[1]!, text: '' };
    fileText = bytes.toString('utf8');
  } catch {
    return undefined;
  }
  const read = readContentFile({
    absolute,
    file: `content/${path}`,
    format: match[2] === 'md' ? 'markdown' : 'yaml',
    schema: definition.schema,
    singular: definition.singular,
  });
  const fields = read.fields ?? {};
  return {
    path,
    collection,
    slug: match[1]!,
    text: fileText,
    ...(text(fields.title) ? { title: text(fields.title) } : {}),
    ...(text(fields.harvested_from) ? { harvestedFrom: text(fields.harvested_from) } : {}),
    ...(text(fields.harvested_on) ? { harvestedOn: text(fields.harvested_on) } : {}),
    ...(text(fields.repository_url) ? { repositoryUrl: text(fields.repository_url) } : {}),
    ...(text(fields.landing_url) ? { landingUrl: text(fields.landing_url) } : {}),
  };
}

/** An organisation's components and datasets. */
export function existingRecords(contentDir: string, organisation: string): ExistingRecord[] {
  const records: ExistingRecord[] = [];
  for (const collection of ['components', 'datasets'] as const) {
    const folder = join(contentDir, collection, organisation);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const record = readRecord(contentDir, collection, organisation, name);
      if (record) records.push(record);
    }
  }
  return records;
}

/**
 * Every component's repository and harvested address, lower-cased, to its id: a fork of one of these is
 * reuse, not a new component. Demonstration bodies' components are left out: a real body's `uses` may not
 * name invented ones (the validator's demonstration/mixed check).
 */
export function componentsByRepository(contentDir: string, demonstration: ReadonlySet<string> = new Set()): Map<string, string> {
  const index = new Map<string, string>();
  const root = join(contentDir, 'components');
  if (!existsSync(root)) return index;
  for (const organisation of readdirSync(root).sort()) {
    if (demonstration.has(organisation) || !existsSync(join(root, organisation))) continue;
    let names: string[];
    try {
      names = readdirSync(join(root, organisation)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const record = readRecord(contentDir, 'components', organisation, name);
      if (!record) continue;
      const id = `components/${organisation}/${record.slug}`;
      for (const address of [record.repositoryUrl, record.harvestedFrom]) {
        if (address && /^https:\/\/github\.com\/[^/]+\/[^/]+\/?$/i.test(address))
          index.set(
            address
              .replace(/\.git$/i, '')
              .replace(/\/+$/, '')
              .toLowerCase(),
            id,
          );
      }
    }
  }
  return index;
}

export interface OrganisationFile {
  id: string;
  /** Relative to the content folder. */
  path: string;
  text: string;
  /** The fields, when the file passes its schema. */
  data?: Organisation;
  /** Why it could not be read, when it could not. */
  problem?: string;
}

/** Every organisation's file, read with its schema. */
export function organisationFiles(contentDir: string): OrganisationFile[] {
  const folder = join(contentDir, 'organisations');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/.test(name))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.yaml'.length);
      const path = `organisations/${name}`;
      const absolute = join(contentDir, path);
      let fileText: string;
      try {
        fileText = readFileSync(absolute, 'utf8');
      } catch (error) {
        return { id, path, text: '', problem: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
      }
      const read = readContentFile({
        absolute,
        file: `content/${path}`,
        format: 'yaml',
        schema: organisationSchema,
        singular: 'organisation',
      });
      if (read.data) return { id, path, text: fileText, data: read.data as Organisation };
      const first = read.problems.find((problem) => problem.severity === 'error');
      return {
        id,
        path,
        text: fileText,
        problem: first
          ? `line ${first.line}: ${first.message} (run npm run validate)`
          : 'it does not pass its checks (run npm run validate)',
      };
    });
}
