/**
 * /contribute/organisations/<organisation>.json: an organisation's own details and its records' short
 * names, for the contribution forms (src/lib/contribute/form-files.ts, OrganisationFormFile). The record
 * forms check here that records a new one refers to are on the hub and that a new record's short name
 * is not taken; the organisation form
 * (/contribute/organisation/<id>/) fills itself in from `organisation` and changes its `text`, so that
 * the file it proposes keeps every field, comment and line the form does not change. Every organisation
 * has one, so the forms never ask for a file that is not there.
 *
 * The records' fields and text, which only the record form's edit mode and its preview's names need,
 * are in /contribute/records/<organisation>.json.gz (records/[id].json.gz.ts), not here: this file,
 * which every form fetches, holds some 25 bytes a record.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub, type HubOrganisation, type HubRecord } from '../../../hub/hub.ts';
import type { OrganisationFormFile } from '../../../lib/contribute/form-files.ts';
import { editableFields } from '../../../lib/contribute/organisation-model.ts';
import { inThisShard } from '../../../hub/build-shard.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return inThisShard(
    [...hub.organisations.values()].map((organisation) => ({
      params: { id: organisation.id },
      props: { organisation, records: hub.recordsByOrganisation.get(organisation.id) ?? [] },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const organisation = props.organisation as HubOrganisation;
  const slugs = new Map<string, string[]>();
  for (const record of props.records as HubRecord[]) {
    if (!slugs.has(record.collection)) slugs.set(record.collection, []);
    slugs.get(record.collection)!.push(record.slug);
  }
  const records = Object.fromEntries(
    [...slugs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([collection, list]) => [collection, list.sort()]),
  );
  const file: OrganisationFormFile = {
    id: params.id!,
    organisation: {
      path: `content/organisations/${organisation.id}.yaml`,
      name: organisation.data.name,
      fields: editableFields(organisation.data),
      text: readFileSync(organisation.filePath, 'utf8'),
    },
    records,
  };
  return Response.json(file);
};
