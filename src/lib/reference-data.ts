/**
 * Reference registers the hub's configuration names (hub.config.yaml: `licences` and `services`): the
 * licences records may name, and the list of services records say they are about, if the hub has one. The
 * UK hub keeps them in data/reference/ (see its SOURCES.md): the Local Government Service List and the
 * licences it accepts. Each set of files is read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubConfig } from '../../schemas/hub-config.ts';
import type { Licence, Service } from '../../schemas/reference.ts';
import { parseCsvObjects } from './csv.ts';

/**
 * data/reference/ in the project. Astro's bundled pages run from another folder, where this module's
 * address leads nowhere; they run from the project, so there it is found from the working folder.
 */
function referenceDir(): string {
  const beside = fileURLToPath(new URL('../../data/reference/', import.meta.url));
  return existsSync(beside) ? beside : `${resolve('data/reference')}/`;
}

export const REFERENCE_DIR = referenceDir();

export type { Licence, Service };

/** How the hub names its service list, e.g. “Local Government Service List” and “LGSL” (as in “LGSL 524”). */
export interface ServiceScheme {
  name: string;
  abbreviation: string;
}

export interface ReferenceData {
  /** The service list, by id: empty for a hub without one. */
  services: ReadonlyMap<number, Service>;
  /** What the service list is called; undefined for a hub without one. */
  serviceScheme?: ServiceScheme;
  licences: ReadonlyMap<string, Licence>;
}

/** Just what a service list is called, from its configuration (which also says where its file is). */
export function serviceSchemeOf(list: ServiceScheme | undefined): ServiceScheme | undefined {
  return list && { name: list.name, abbreviation: list.abbreviation };
}

/** Where a service list is, and how to read it (HubConfig['services'], with its file made absolute). */
export interface ServiceListFile extends ServiceScheme {
  file: string;
  idColumn?: string;
  uri?: string;
}

/** The registers' files, as absolute paths. */
export interface ReferenceFiles {
  licences: string;
  services?: ServiceListFile;
}

/**
 * The UK hub's registers in this repository, which the synthetic content of the bench and the tests draw on;
 * its licence list is every hub's unless the configuration names another.
 */
export const UK_REFERENCE_FILES: ReferenceFiles = {
  licences: `${REFERENCE_DIR}licences.csv`,
  services: {
    name: 'Local Government Service List',
    abbreviation: 'LGSL',
    file: `${REFERENCE_DIR}services.csv`,
    idColumn: 'lgsl_id',
    uri: 'http://id.esd.org.uk/service/{id}',
  },
};

/** The files a configuration names, from the folder of its file. */
export function referenceFilesOf(config: Pick<HubConfig, 'licences' | 'services'>, configFile: string): ReferenceFiles {
  const from = (path: string) => resolve(dirname(configFile), path);
  return {
    licences: config.licences ? from(config.licences) : UK_REFERENCE_FILES.licences,
    ...(config.services ? { services: { ...config.services, file: from(config.services.file) } } : {}),
  };
}

/** A register that cannot be read; its message says which file and what to do. */
export class ReferenceFileError extends Error {}

function readCsv(file: string, what: string): Record<string, string>[] {
  if (!existsSync(file)) throw new ReferenceFileError(`the ${what} file ${file} does not exist`);
  return parseCsvObjects(readFileSync(file, 'utf8'));
}

/**
 * 48 descriptions in the 2015 list keep an RDF literal's quotes and language tag ("…"@en); the text
 * inside is what people should read.
 */
function cleanDescription(text: string): string {
  const literal = /^"([\s\S]*)"@[a-z]{2}$/.exec(text.trim());
  return literal ? literal[1] : text;
}

/**
 * The names a service had before, from the list's history notes: "Term name changed from 'Educating your
 * child at home' to 'Schools - home schooling' in version 3.00. Term name changed to 'Home schooling'…".
 * Residents and officers still use old names, so search finds a service's records by them too.
 */
export function formerServiceNames(historyNotes: string, label: string): string[] {
  const names = new Set<string>();
  for (const match of historyNotes.matchAll(/(?:changed from|changed to| to) '([^']+)'/g)) {
    const name = match[1].trim();
    if (name && name.toLowerCase() !== label.toLowerCase()) names.add(name);
  }
  return [...names];
}

/** A service list: its id column must hold whole numbers above 0, once each, and every row needs a label. */
export function loadServices(list: ServiceListFile = UK_REFERENCE_FILES.services!): Map<number, Service> {
  const idColumn = list.idColumn ?? 'id';
  const services = new Map<number, Service>();
  const rows = readCsv(list.file, 'service list');
  rows.forEach((row, index) => {
    const where = `row ${index + 2} of ${list.file}`;
    if (!(idColumn in row)) throw new ReferenceFileError(`${list.file} has no column ${idColumn} for the services’ ids`);
    const id = Number(row[idColumn]);
    if (!Number.isInteger(id) || id < 1) throw new ReferenceFileError(`${where}: the id “${row[idColumn]}” is not a whole number above 0`);
    if (services.has(id)) throw new ReferenceFileError(`${where}: the id ${id} is there twice`);
    if (!row.label?.trim()) throw new ReferenceFileError(`${where}: the service ${id} has no label`);
    services.set(id, {
      id,
      label: row.label,
      description: cleanDescription(row.description ?? '') || (row.govuk_description ?? ''),
      uri: row.uri || (list.uri ? list.uri.replace('{id}', String(id)) : ''),
      ...(row.esd_history_notes ? { formerNames: formerServiceNames(row.esd_history_notes, row.label) } : {}),
      ...(row.govuk_description ? { govukDescription: row.govuk_description } : {}),
    });
  });
  return services;
}

export function loadLicences(file = UK_REFERENCE_FILES.licences): Map<string, Licence> {
  const licences = new Map<string, Licence>();
  for (const row of readCsv(file, 'licence list')) {
    licences.set(row.id, {
      id: row.id,
      name: row.name,
      url: row.url,
      open: row.open === 'true',
      osiApproved: row.osi_approved === 'true',
    });
  }
  return licences;
}

const cached = new Map<string, ReferenceData>();

/** The registers in these files, read once per process; throws ReferenceFileError when one cannot be read. */
export function loadReferenceData(files: ReferenceFiles): ReferenceData {
  const key = JSON.stringify(files);
  let data = cached.get(key);
  if (!data) {
    data = {
      services: files.services ? loadServices(files.services) : new Map(),
      ...(files.services ? { serviceScheme: serviceSchemeOf(files.services) } : {}),
      licences: loadLicences(files.licences),
    };
    cached.set(key, data);
  }
  return data;
}
