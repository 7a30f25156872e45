/**
 * Reference registers kept in data/reference/ (see its SOURCES.md): the Local Government Service List,
 * the licences the hub accepts, and the local-authority register. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Licence, Service } from '../../schemas/reference.ts';
import { parseCsvObjects } from './csv.ts';

export const REFERENCE_DIR = fileURLToPath(new URL('../../data/reference/', import.meta.url));

export type { Licence, Service };

export interface ReferenceData {
  services: ReadonlyMap<number, Service>;
  licences: ReadonlyMap<string, Licence>;
}

function readCsv(name: string, dir: string): Record<string, string>[] {
  return parseCsvObjects(readFileSync(`${dir}/${name}`, 'utf8'));
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

export function loadServices(dir = REFERENCE_DIR): Map<number, Service> {
  const services = new Map<number, Service>();
  for (const row of readCsv('services.csv', dir)) {
    const id = Number(row.lgsl_id);
    services.set(id, {
      id,
      label: row.label,
      description: cleanDescription(row.description) || row.govuk_description,
      uri: row.uri || `http://id.esd.org.uk/service/${id}`,
      ...(row.esd_history_notes ? { formerNames: formerServiceNames(row.esd_history_notes, row.label) } : {}),
      ...(row.govuk_description ? { govukDescription: row.govuk_description } : {}),
    });
  }
  return services;
}

export function loadLicences(dir = REFERENCE_DIR): Map<string, Licence> {
  const licences = new Map<string, Licence>();
  for (const row of readCsv('licences.csv', dir)) {
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

let cached: ReferenceData | undefined;

export function loadReferenceData(): ReferenceData {
  cached ??= { services: loadServices(), licences: loadLicences() };
  return cached;
}
