/**
 * Everything the pages need, loaded from Astro's content layer once per build and indexed with the
 * pure functions in src/lib. Pages read from here and stay thin.
 */
import { getCollection } from 'astro:content';
import { RECORD_COLLECTIONS, type RecordCollectionName } from '../../schemas/collections.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import type { Licence, Service } from '../../schemas/reference.ts';
import type { Theme } from '../../schemas/vocabulary.ts';
import type { RecordData } from '../lib/content/types.ts';
import { DEFAULT_LICENCE } from '../../schemas/fields.ts';

interface HubRecordOf<C extends RecordCollectionName> {
  collection: C;
  organisation: string;
  slug: string;
  /** `<collection>/<organisation>/<slug>`. */
  id: string;
  data: RecordData<C>;
  /** The Markdown body as sanitised HTML ('' for YAML records). */
  html: string;
  /** The source file, relative to the project. */
  filePath: string;
}

export type HubRecord = { [C in RecordCollectionName]: HubRecordOf<C> }[RecordCollectionName];

export interface HubOrganisation {
  id: string;
  data: Organisation;
  filePath: string;
  demonstration: boolean;
}

export interface Hub {
  records: HubRecord[];
  recordsById: Map<string, HubRecord>;
  organisations: Map<string, HubOrganisation>;
  recordsByOrganisation: Map<string, HubRecord[]>;
  themes: Map<string, Theme>;
  services: Map<number, Service>;
  licences: Map<string, Licence>;
  defaultLicence: Licence;
}

let hub: Promise<Hub> | undefined;

async function load(): Promise<Hub> {
  const records: HubRecord[] = [];
  for (const { name } of RECORD_COLLECTIONS) {
    for (const entry of await getCollection(name)) {
      const [organisation, slug] = entry.id.split('/');
      records.push({
        collection: name,
        organisation,
        slug,
        id: `${name}/${entry.id}`,
        data: entry.data,
        html: entry.rendered?.html ?? '',
        filePath: entry.filePath ?? '',
      } as HubRecord);
    }
  }
  records.sort((a, b) => a.data.title.localeCompare(b.data.title, 'en-GB'));
  const organisations = new Map(
    (await getCollection('organisations')).map((entry) => [
      entry.id,
      { id: entry.id, data: entry.data, filePath: entry.filePath ?? '', demonstration: entry.data.demonstration === true },
    ]),
  );
  const recordsByOrganisation = new Map<string, HubRecord[]>();
  for (const record of records) recordsByOrganisation.set(record.organisation, [...(recordsByOrganisation.get(record.organisation) ?? []), record]);
  const licences = new Map((await getCollection('licences')).map((entry) => [entry.id, entry.data]));
  return {
    records,
    recordsById: new Map(records.map((record) => [record.id, record])),
    organisations,
    recordsByOrganisation,
    themes: new Map((await getCollection('themes')).map((entry) => [entry.id, { id: entry.id, ...entry.data }])),
    services: new Map((await getCollection('services')).map((entry) => [entry.data.id, entry.data])),
    licences,
    defaultLicence: licences.get(DEFAULT_LICENCE)!,
  };
}

/** The whole hub, loaded once however many pages ask. */
export function loadHub(): Promise<Hub> {
  hub ??= load();
  return hub;
}
