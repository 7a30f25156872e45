/**
 * /contribute/organisations/<organisation>.json: an organisation's records and its own details, for the
 * contribution forms. The record forms check here that records a new one refers to are on the hub and
 * that a new record's short name is not taken, and their "edit" mode (/contribute/new/<collection>/?edit=<id>)
 * fills itself in from the record's entry. The organisation form (/contribute/organisation/<id>/) fills
 * itself in from `organisation` and changes its `text`, so that the file it proposes keeps every field,
 * comment and line the form does not change. Every organisation has one, so the forms never ask for a
 * file that is not there.
 *
 * One file per organisation, not per record: 25,000 record files added about 10 s to a build and 25,000
 * files to the site, while a body's records come to tens of kilobytes.
 *
 * {
 *   id,
 *   organisation: { path, name, fields, text },
 *   records: [{ id, collection, organisation, slug, path, data, body }]
 * }
 * `path` is the file in the repository (content/roadmap/fenmoor/x.md), `data` the validated fields,
 * `body` the Markdown as written ('' for YAML records); `fields` are the organisation's fields that the
 * organisation form edits (summary, website, github, open_data, maintainers, contact, uses, systems) and
 * `text` its file as written.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHub, type HubOrganisation, type HubRecord } from '../../../data/hub.ts';
import { editableFields } from '../../../lib/contribute/organisation-model.ts';

export const getStaticPaths = (async () => {
  const hub = await loadHub();
  return [...hub.organisations.values()].map((organisation) => ({ params: { id: organisation.id }, props: { organisation, records: hub.recordsByOrganisation.get(organisation.id) ?? [] } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const organisation = props.organisation as HubOrganisation;
  return Response.json({
    id: params.id,
    organisation: {
      path: `content/organisations/${organisation.id}.yaml`,
      name: organisation.data.name,
      fields: editableFields(organisation.data),
      text: readFileSync(organisation.filePath, 'utf8'),
    },
    records: (props.records as HubRecord[])
      .map((record) => ({
        id: record.id,
        collection: record.collection,
        organisation: record.organisation,
        slug: record.slug,
        path: `content/${record.collection}/${record.organisation}/${record.slug}${/\.(md|yaml)$/.exec(record.filePath)?.[0] ?? '.md'}`,
        data: record.data,
        body: record.body,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  });
};
