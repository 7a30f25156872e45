/**
 * /api/v1/<collection>.json: every record of a collection, or every organisation, as JSON.
 *
 *   {"collection": "roadmap", "schema_version": "1.0.0", "description": "…", "count": 2,
 *    "licence": {id, name, url}, "licences": {<id>: {name, url}},
 *    "generated": "2026-11-27T…Z", "records": [{id, organisation, url, …fields, licence, last_updated,
 *    body_markdown}, …]}
 *
 * Each record has its id, its organisation's id, the absolute address of its page, then every field as
 * written in its file, in schema order and with the file's snake_case names (but for a component's own
 * `url`, its website, which is `website` here: `url` is always the page); `licence` is the record's
 * own licence or else the default (an SPDX id, named in the document's `licences`); `last_updated` is when
 * its file last changed in git, when known; Markdown records add the body as written. Not the HTML as well:
 * it doubled each body, and at 50,000 records the API alone would have been a quarter of GitHub Pages' 1 GB
 * (the record's page shows the HTML). Records are sorted by id. The JSON is compact (no indentation): at 25,000 records
 * the file stays a third smaller. `schema_version` is the version of the content model the fields follow
 * (schemas/version.ts), so that a reader can tell when a major change renames or removes one.
 */
import { CONTENT_MODEL_VERSION } from '../../../schemas/version.ts';
import { compareById } from '../collation.ts';
import { licenceOf, pagePath, type LicenceInfo, type OpenCollection, type OpenDataContext, type OpenRecord } from './context.ts';

export function recordJson(collection: OpenCollection, record: OpenRecord, context: OpenDataContext): Record<string, unknown> {
  const json: Record<string, unknown> = { id: record.id };
  if (collection.owned) json.organisation = record.organisation ?? record.id.split('/')[1];
  json.url = context.pageUrl(pagePath(collection, record));
  for (const { key, name } of collection.fields) if (record.data[key] !== undefined) json[name] = record.data[key];
  json.licence = licenceOf(record, context).id;
  if (record.lastUpdated) json.last_updated = record.lastUpdated;
  if (collection.markdown) json.body_markdown = record.body ?? '';
  return json;
}

export interface CollectionDocument {
  collection: string;
  /** The version of the content model the records' fields follow: CONTENT-MODEL-CHANGELOG.md says what each changed. */
  schema_version: string;
  description: string;
  count: number;
  /** The default licence: what applies unless a record names another. */
  licence: LicenceInfo;
  /** Every licence the records are under, by SPDX id. */
  licences: Record<string, { name: string; url: string }>;
  attribution?: string;
  generated: string;
  records: Record<string, unknown>[];
}

export function collectionDocument(
  collection: OpenCollection,
  records: readonly OpenRecord[],
  context: OpenDataContext,
): CollectionDocument {
  const sorted = [...records].sort(compareById);
  const licences: CollectionDocument['licences'] = {};
  for (const record of sorted) {
    const { id, name, url } = licenceOf(record, context);
    licences[id] ??= { name, url };
  }
  return {
    collection: collection.name,
    schema_version: CONTENT_MODEL_VERSION,
    description:
      `Every ${collection.owned ? 'record' : 'organisation'} in ${collection.label} on ${context.hubName}, sorted by id. Each ` +
      `is under the licence its \`licence\` names (see \`licences\`); the default is the ${context.defaultLicence.name}.`,
    count: sorted.length,
    licence: context.defaultLicence,
    licences,
    // Who the organisation details come from, besides the organisations themselves (hub.config.yaml).
    ...(collection.owned || !context.organisationsAttribution ? {} : { attribution: context.organisationsAttribution }),
    generated: context.generated,
    records: sorted.map((record) => recordJson(collection, record, context)),
  };
}
