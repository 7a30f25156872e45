/**
 * What every /api/v1 document needs from the loaded hub: absolute page addresses, names, titles, the
 * licence and the build time; and, for the open-data documents (src/lib/open-data), the records,
 * datasets and code components in the shapes their builders take.
 */
import { SOFTWARE_KINDS } from '../../schemas/component.ts';
import type { DocumentContext } from '../lib/api/collaboration-documents.ts';
import type { CatalogueDataset } from '../lib/open-data/catalogue.ts';
import { openCollection, type OpenCollection, type OpenDataContext, type OpenRecord } from '../lib/open-data/context.ts';
import type { PubliccodeInput } from '../lib/open-data/publiccode.ts';
import { withBase } from '../lib/urls.ts';
import { servicesOf, themesOf, type Hub, type HubRecord } from './hub.ts';

const generated = new Date().toISOString();

/**
 * The JSON Schema files in schemas/json/ (written by `npm run schemas` from the zod schemas), by
 * collection name (organisations, roadmap, …, themes), as text: what /schemas/<name>.schema.json serves.
 */
export const SCHEMA_FILES: ReadonlyMap<string, string> = new Map(
  Object.entries(import.meta.glob<string>('../../schemas/json/*.schema.json', { query: '?raw', import: 'default', eager: true })).map(
    ([path, text]) => [path.slice(path.lastIndexOf('/') + 1).replace(/\.schema\.json$/, ''), text],
  ),
);

/**
 * The JSON Schemas of earlier major versions, kept as they were published (schemas/json/v<major>/), so that
 * /schemas/v1/roadmap.schema.json, the `$id` files and editors of that version name, still answers after 2.0.0:
 * by major, then by name.
 */
export const EARLIER_SCHEMA_FILES: ReadonlyMap<number, ReadonlyMap<string, string>> = (() => {
  const byMajor = new Map<number, Map<string, string>>();
  const files = import.meta.glob<string>('../../schemas/json/v*/*.schema.json', { query: '?raw', import: 'default', eager: true });
  for (const [path, text] of Object.entries(files)) {
    const [, major, name] = /\/v(\d+)\/([^/]+)\.schema\.json$/.exec(path)!;
    if (!byMajor.has(Number(major))) byMajor.set(Number(major), new Map());
    byMajor.get(Number(major))!.set(name, text);
  }
  return byMajor;
})();

const DEFAULT_SITE = 'http://localhost:4321';

/** The absolute address of a path under the base. */
function absolute(site: URL | undefined, base: string, path: string): string {
  return new URL(withBase(base, path), site ?? DEFAULT_SITE).href;
}

/** The absolute address of a file under the site and base: what a published schema's `$id` is made from. */
export function siteFileUrl(site: URL | undefined, base: string): (path: string) => string {
  return (path) => absolute(site, base, path);
}

export function apiContext(hub: Hub, site: URL | undefined, base: string): DocumentContext {
  const { id, name, url } = hub.defaultLicence;
  return {
    pageUrl: (path) => absolute(site, base, `${path}/`),
    organisationName: (organisation) => hub.organisations.get(organisation)?.data.name ?? organisation,
    title: (record) => hub.recordsById.get(record)?.data.title ?? record,
    licence: { id, name, url },
    generated,
  };
}

export function openDataContext(hub: Hub, site: URL | undefined, base: string): OpenDataContext {
  const info = (licence: { id: string; name: string; url: string }) => ({ id: licence.id, name: licence.name, url: licence.url });
  const defaultLicence = info(hub.defaultLicence);
  return {
    pageUrl: (path) => absolute(site, base, path === '' ? '' : `${path}/`),
    fileUrl: (path) => absolute(site, base, path),
    // An id the register does not know cannot pass the validator; if one ever did, it is still named.
    licence: (id) => (id === undefined ? defaultLicence : info(hub.licences.get(id) ?? { id, name: id, url: '' })),
    defaultLicence,
    hubName: hub.hubConfig.name,
    organisationsAttribution: hub.hubConfig.organisations.attribution,
    generated,
    languages: hub.hubConfig.languages.map((language) => language.code),
  };
}

/** The name an organisation publishes under: its official name when it has one. */
function publishedName(hub: Hub, organisation: string): string {
  const data = hub.organisations.get(organisation)?.data;
  return data?.official_name ?? data?.name ?? organisation;
}

function openRecordOf(hub: Hub, record: HubRecord): OpenRecord {
  return {
    id: record.id,
    organisation: record.organisation,
    data: record.data as Record<string, unknown>,
    body: record.body,
    html: record.html,
    lastUpdated: hub.lastUpdated.get(record.filePath),
  };
}

/** A collection's definition and every one of its records (or every organisation), for the JSON and CSV documents. */
export function openRecords(hub: Hub, name: string): { collection: OpenCollection; records: OpenRecord[] } {
  const collection = openCollection(name);
  if (!collection.owned) {
    return {
      collection,
      records: [...hub.organisations.values()].map((organisation) => ({
        id: organisation.id,
        data: organisation.data as Record<string, unknown>,
        lastUpdated: hub.lastUpdated.get(organisation.filePath),
      })),
    };
  }
  return { collection, records: hub.records.filter((record) => record.collection === name).map((record) => openRecordOf(hub, record)) };
}

/** Every dataset with its organisation, services and themes looked up, for the catalogues. */
export function catalogueDatasets(hub: Hub): CatalogueDataset[] {
  return hub.records.flatMap((record) => {
    if (record.collection !== 'datasets') return [];
    return [
      {
        id: record.id,
        data: record.data,
        organisation: {
          id: record.organisation,
          name: publishedName(hub, record.organisation),
          contact: hub.organisations.get(record.organisation)?.data.contact,
        },
        services: servicesOf(record).flatMap((id) => {
          const service = hub.services.get(id);
          return service ? [{ id, label: service.label, uri: service.uri }] : [];
        }),
        themes: themesOf(record).flatMap((id) => {
          const theme = hub.themes.get(id);
          return theme ? [{ id, label: theme.label }] : [];
        }),
        lastUpdated: hub.lastUpdated.get(record.filePath),
      },
    ];
  });
}

/** Whether a record is a code component, which gets a publiccode.yml. */
export function isCodeComponent(record: HubRecord): record is Extract<HubRecord, { collection: 'components' }> {
  return record.collection === 'components' && SOFTWARE_KINDS.has(record.data.kind);
}

/** What a code component's publiccode.yml is made from. */
export function publiccodeInput(
  hub: Hub,
  record: Extract<HubRecord, { collection: 'components' }>,
  site: URL | undefined,
  base: string,
): PubliccodeInput {
  const organisation = hub.organisations.get(record.organisation)?.data;
  return {
    id: record.id,
    data: record.data,
    body: record.body,
    organisation: {
      id: record.organisation,
      name: publishedName(hub, record.organisation),
      contact: organisation?.contact,
      url: absolute(site, base, `organisations/${record.organisation}/`),
    },
    pageUrl: absolute(site, base, `${record.id}/`),
    services: servicesOf(record).map(hub.serviceLabel),
    themes: themesOf(record).map((id) => hub.themes.get(id)?.label ?? id),
    usedBy: (hub.reuse.components.get(record.id)?.users ?? []).map((use) => publishedName(hub, use.organisation)),
    today: generated.slice(0, 10),
    hub: { name: hub.hubConfig.name, tagline: hub.hubConfig.tagline, languages: hub.hubConfig.languages.map((language) => language.code) },
  };
}
