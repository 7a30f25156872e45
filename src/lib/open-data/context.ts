/**
 * What every open-data document builder shares: the collections and their columns (read from the zod
 * schemas, so that a new field reaches every format without touching this code), the records as the
 * builders take them, and the context an endpoint gives (absolute addresses, licences, build time).
 * Pure: src/hub/api-context.ts builds the context from the loaded hub.
 */
import { ORGANISATIONS, RECORD_COLLECTIONS } from '../../../schemas/collections.ts';

export interface LicenceInfo {
  /** The SPDX id, e.g. OGL-UK-3.0. */
  id: string;
  name: string;
  url: string;
}

export interface OpenDataContext {
  /**
   * The absolute address of a page from its path under the base, without slashes at either end:
   * 'roadmap/a/b' → https://…/base/roadmap/a/b/; '' → the home page.
   */
  pageUrl: (path: string) => string;
  /** The absolute address of a file under the base: 'api/v1/roadmap.json' → https://…/base/api/v1/roadmap.json. */
  fileUrl: (path: string) => string;
  /** A licence by SPDX id; the default licence when the id is missing. */
  licence: (id: string | undefined) => LicenceInfo;
  /** The licence of everything that does not name one (hub.config.yaml's defaultLicence). */
  defaultLicence: LicenceInfo;
  /** The hub's name (hub.config.yaml), as the publisher of the open data. */
  hubName: string;
  /** The credit the organisation register's sources ask for (hub.config.yaml), if any. */
  organisationsAttribution?: string | undefined;
  /** When the build ran, as an ISO 8601 date-time. */
  generated: string;
  /** The codes of the hub's languages (hub.config.yaml), its main language first: what records' fields and translations are in. */
  languages: readonly string[];
}

export type OpenCollectionName = (typeof RECORD_COLLECTIONS)[number]['name'] | typeof ORGANISATIONS.name;

/** Every collection the API publishes, organisations first, then the record collections in their usual order. */
export const OPEN_COLLECTION_NAMES: readonly OpenCollectionName[] = [
  ORGANISATIONS.name,
  ...RECORD_COLLECTIONS.map((collection) => collection.name),
];

/**
 * Names every document gives a record itself: its id, its organisation and its page's address. A schema
 * field with one of these names is published under another (see RENAMED_FIELDS).
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['id', 'organisation', 'url']);

/**
 * Fields published under another name because their own is reserved: a component's `url` (its website)
 * is `website`, since `url` is the address of the record's page in every document, as in overlaps.json.
 */
export const RENAMED_FIELDS: Readonly<Record<string, string>> = { url: 'website' };

export interface OpenField {
  /** The field's name in the content files and the schema. */
  key: string;
  /** Its name in the documents: the same, unless it is reserved (see RENAMED_FIELDS). */
  name: string;
}

export interface OpenCollection {
  name: OpenCollectionName;
  /** How the collection is named in headings, e.g. "Roadmap". */
  label: string;
  /** The schema's fields in schema order: the columns of the CSV and the order of keys in the JSON. */
  fields: readonly OpenField[];
  /** Whether records may have a Markdown body (the collection takes .md files). */
  markdown: boolean;
  /** Whether records belong to an organisation (every collection but organisations). */
  owned: boolean;
}

/** The schema's fields with the names the documents use. */
export function openFields(keys: readonly string[]): OpenField[] {
  const fields = keys.map((key) => ({ key, name: RESERVED_NAMES.has(key) ? RENAMED_FIELDS[key] : key }));
  for (const field of fields) {
    if (!field.name || fields.some((other) => other !== field && other.name === field.name)) {
      throw new Error(
        `The field ${field.key} has no name of its own in the open-data ` +
          'documents: add one to RENAMED_FIELDS in src/lib/open-data/context.ts',
      );
    }
  }
  return fields;
}

/** A collection as the builders see it, from its definition in schemas/collections.ts. */
export function openCollection(name: string): OpenCollection {
  if (name === ORGANISATIONS.name) {
    return {
      name: ORGANISATIONS.name,
      label: ORGANISATIONS.label,
      fields: openFields(Object.keys(ORGANISATIONS.schema.shape)),
      markdown: false,
      owned: false,
    };
  }
  const definition = RECORD_COLLECTIONS.find((collection) => collection.name === name);
  if (!definition) throw new Error(`No collection is called ${name}`);
  return {
    name: definition.name,
    label: definition.label,
    fields: openFields(Object.keys(definition.schema.shape)),
    markdown: (definition.extensions as readonly string[]).includes('.md'),
    owned: true,
  };
}

/** One record (or organisation) as the builders take it. */
export interface OpenRecord {
  /** `<collection>/<organisation>/<slug>` for records; the organisation's id for organisations. */
  id: string;
  /** The owning organisation's id (records only). */
  organisation?: string | undefined;
  /** The fields as validated from the file. */
  data: Record<string, unknown>;
  /** The Markdown body as written ('' or undefined for YAML records). */
  body?: string | undefined;
  /** The Markdown body as sanitised HTML. */
  html?: string | undefined;
  /** When its file last changed in git (ISO 8601), when known. */
  lastUpdated?: string | undefined;
}

/** The path of a record's or organisation's page under the base: 'roadmap/a/b' or 'organisations/a'. */
export function pagePath(collection: OpenCollection, record: Pick<OpenRecord, 'id'>): string {
  return collection.owned ? record.id : `${ORGANISATIONS.name}/${record.id}`;
}

/** The licence a record is under: its own when it names one, else the default. */
export function licenceOf(record: Pick<OpenRecord, 'data'>, context: Pick<OpenDataContext, 'licence'>): LicenceInfo {
  const own = record.data.licence;
  return context.licence(typeof own === 'string' ? own : undefined);
}
