/**
 * What loadHub (hub.ts) builds the hub from: organisations, records (with their Markdown rendered and
 * sanitised), services, themes, synonyms and licences.
 *
 * In `npm run build` they come straight from the content scripts/build.ts validated moments before, in
 * the file HUB_VALIDATED_CONTENT names. Going through Astro's content store as well cost a fifth of
 * Astro's time at 5,000 records, growing with them: the store is serialised (devalue), written, then
 * compiled back as a JavaScript module in the process that renders the pages, and a one-off build gains
 * nothing from it. The loaders (src/astro-loader/hub-loader.ts) then leave the store empty.
 *
 * Anywhere else (astro dev, a bare astro build) they come from Astro's collections, which the loaders fill
 * from the same validation, so that astro dev still reloads content as it changes.
 */
import { dirname, relative, resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { RECORD_COLLECTIONS, type RecordCollectionName } from '../../schemas/collections.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import type { Licence, Service } from '../../schemas/reference.ts';
import type { SynonymConcept, Theme } from '../../schemas/vocabulary.ts';
import { contentDir, contentFilePath, handedOverContentFile, readHandedOverContent } from '../astro-loader/content-source.ts';
import type { RecordData } from '../lib/content-files/types.ts';

export interface OrganisationSource {
  id: string;
  data: Organisation;
  /** The source file, relative to the project. */
  filePath: string;
}

export interface RecordSource {
  collection: RecordCollectionName;
  /** `<organisation>/<slug>`. */
  id: string;
  data: RecordData<RecordCollectionName>;
  /** The Markdown body as written ('' for YAML records). */
  body: string;
  /** The body as sanitised HTML ('' for YAML records). */
  html: string;
  /** The file relative to the content folder's parent, as the validator names it. */
  file: string;
  /** The file relative to the project. */
  filePath: string;
}

export interface HubSources {
  organisations: OrganisationSource[];
  records: RecordSource[];
  services: Service[];
  themes: Theme[];
  synonyms: SynonymConcept[];
  licences: Licence[];
}

/** From the validated content npm run build handed over, its bodies already rendered. */
async function fromHandedOver(file: string): Promise<HubSources> {
  const { content, bodies, services, licences } = await readHandedOverContent(file);
  return {
    organisations: content.organisations.map((organisation) => ({
      id: organisation.id,
      data: organisation.data,
      filePath: contentFilePath(organisation.file),
    })),
    records: content.records.map((record, index) => ({
      collection: record.collection,
      id: `${record.organisation}/${record.slug}`,
      data: record.data,
      body: record.body ?? '',
      html: bodies[index],
      file: record.file,
      filePath: contentFilePath(record.file),
    })),
    services,
    themes: content.themes,
    synonyms: content.synonyms,
    licences,
  };
}

/** A file's path relative to the content folder's parent, from its path relative to the project. */
function validatorPath(filePath: string): string {
  return relative(dirname(contentDir()), resolve(filePath)).split('\\').join('/');
}

/** From Astro's collections. */
async function fromCollections(): Promise<HubSources> {
  const records: RecordSource[] = [];
  for (const { name } of RECORD_COLLECTIONS) {
    for (const entry of await getCollection(name)) {
      records.push({
        collection: name,
        id: entry.id,
        data: entry.data,
        body: entry.body ?? '',
        html: entry.rendered?.html ?? '',
        file: validatorPath(entry.filePath ?? ''),
        filePath: entry.filePath ?? '',
      });
    }
  }
  return {
    organisations: (await getCollection('organisations')).map((entry) => ({
      id: entry.id,
      data: entry.data,
      filePath: entry.filePath ?? '',
    })),
    records,
    services: (await getCollection('services')).map((entry) => entry.data),
    themes: (await getCollection('themes')).map((entry) => ({ id: entry.id, ...entry.data })),
    synonyms: (await getCollection('synonyms')).map((entry) => ({ label: entry.id, ...entry.data })),
    licences: (await getCollection('licences')).map((entry) => entry.data),
  };
}

export async function hubSources(): Promise<HubSources> {
  const handedOver = handedOverContentFile();
  return handedOver ? fromHandedOver(handedOver) : fromCollections();
}
